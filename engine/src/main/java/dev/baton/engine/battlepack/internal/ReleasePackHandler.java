package dev.baton.engine.battlepack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.StoredPack;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code baton.release-pack}: both reviews approved (and the manager's approval, when the decision
 * asked for one); the pack goes to the rep.
 */
final class ReleasePackHandler extends StepHandler {
  ReleasePackHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    String packId = job.text("packId");
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    boolean managerApproval = managerApprovalRequired(decisionId);
    return store.inTransaction(c -> {
      StoredPack pack = JdbcBattlePackStore.pack(c, packId).orElseThrow(() ->
          new Job.BadJobException("There is no battle pack '" + packId + "' to release."));
      checkVerdicts(c, job, packId, "released");
      if (managerApproval) {
        checkManagerApproval(c, packId);
      }
      JdbcBattlePackStore.setPackStatus(c, packId, "RELEASED", now);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("packId", packId);
      payload.put("packHash", pack.hash());
      payload.put("visitRequestId", pack.pack().visitRequestId());
      payload.put("reviews", reviews(c, packId));
      JdbcBattlePackStore.insertOutbox(c, new OutboxEntry(job.key(), 0, decisionId,
          "RELEASE_BATTLE_PACK", pack.pack().repId(), PackJson.write(payload), now));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("packStatus", "RELEASED");
      return record(c, job, decisionId, summary(packId, pack.pack().repId(), managerApproval),
          out);
    });
  }

  /**
   * Whether the recorded decision asked a person to approve the pack: it proposed the battle
   * pack together with {@code REQUIRE_HUMAN_REVIEW}. Read from the decision log, not from a
   * process variable, so that no variable set from outside can skip the approval.
   */
  private boolean managerApprovalRequired(String decisionId) {
    if (decisionId == null) {
      throw new Job.BadJobException("The release step needs the variable decisionId, as"
          + " baton.evaluate sets it.");
    }
    List<String> actions = services.baton().decisions().get(decisionId)
        .orElseThrow(() -> new Job.BadJobException("The decision '" + decisionId + "' of this"
            + " battle pack is not in the decision log, so nothing is released: check the"
            + " database the workers use."))
        .actions();
    return actions.contains(EvaluateHandler.GENERATE_BATTLE_PACK)
        && actions.contains(EvaluateHandler.REQUIRE_HUMAN_REVIEW);
  }

  /** Refuses the release unless the manager approved the pack in the review queue. */
  private static void checkManagerApproval(java.sql.Connection c, String packId)
      throws java.sql.SQLException {
    java.util.Optional<ReviewItem> item = JdbcReviewQueue.item(c, packId,
        dev.baton.engine.battlepack.ReviewRole.MANAGER);
    if (item.isEmpty()
        || item.get().status() != dev.baton.engine.battlepack.ReviewStatus.APPROVED) {
      throw new Job.BadJobException("Battle pack " + packId + " is not released: its decision"
          + " asks for a sales manager's approval (a deal above the review limit or a high risk"
          + " level) and the review queue "
          + (item.isEmpty() ? "has no manager review of it" : "says " + item.get().status())
          + ". Decide the manager review in the review inbox, with 'baton review' or through"
          + " the REST API, then resolve this incident.");
    }
  }

  /**
   * Refuses the step unless every verdict the workflow acted on is one the review queue holds:
   * the workflow learns a verdict from the completion of a review user task (or, in earlier
   * versions of the BPMN, a {@code review-decided} message), and anyone who can reach the
   * engine could complete one. The queue's row is written only by {@code ReviewQueue.decide},
   * which checks who may decide; so the release (or the return) follows the recorded verdicts,
   * not the messages. A mismatch fails the job without retries: an incident, nothing released.
   */
  static void checkVerdicts(Connection c, Job job, String packId, String outcome)
      throws SQLException {
    List<String> problems = new ArrayList<>();
    for (var role : ReviewRole.values()) {
      JsonNode approved = job.node(role.wire() + "Approved");
      Optional<ReviewItem> item = JdbcReviewQueue.item(c, packId, role);
      if (approved == null || approved.isNull()) {
        // past the joins every queued review has ended: an open one was skipped by a task
        // completed (or a message published) without a verdict
        if (item.isPresent() && item.get().status().open()) {
          problems.add("the workflow passed the " + role.wire() + " review without a verdict"
              + " but the review queue says " + item.get().status());
        }
        continue;
      }
      String received = approved.asBoolean(false) ? "approved" : "rejected";
      ReviewStatus expected = approved.asBoolean(false)
          ? ReviewStatus.APPROVED
          : ReviewStatus.REJECTED;
      JsonNode reviewer = job.node(role.wire() + "Reviewer");
      if (item.isEmpty()) {
        problems.add("the workflow received a " + role.wire() + " verdict (" + received
            + ") but the review queue has no " + role.wire() + " review of this pack");
      } else if (item.get().status() != expected) {
        problems.add("the workflow received a " + role.wire() + " verdict (" + received
            + ") but the review queue says " + item.get().status());
      } else if (reviewer != null && !reviewer.asText().equals(item.get().reviewer())) {
        problems.add("the " + role.wire() + " verdict names reviewer '" + reviewer.asText()
            + "' but the review queue records '" + item.get().reviewer() + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new Job.BadJobException("Battle pack " + packId + " is not " + outcome + ": "
          + String.join("; ", problems) + ". Only a verdict given in the review inbox, with"
          + " 'baton review' or through the REST API counts; a review task completed (or a"
          + " 'review-decided' message published) by anything else changes nothing. Decide"
          + " the review there, then resolve this incident.");
    }
  }

  static List<Map<String, Object>> reviews(Connection c, String packId)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var role : ReviewRole.values()) {
      Optional<ReviewItem> item = JdbcReviewQueue.item(c, packId, role);
      item.ifPresent(i -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", i.role().wire());
        m.put("status", i.status().name());
        m.put("reviewer", i.reviewer());
        m.put("comment", i.comment());
        out.add(m);
      });
    }
    return out;
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(String packId, String repId, boolean managerApproval) {
    return "Released battle pack " + packId + " to "
        + repId + " after legal and finance approval"
        + (managerApproval ? " and the sales manager's approval" : "");
  }
}
