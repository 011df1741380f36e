package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code baton.escalate-review}: the review is late; mark it and notify the role's lead. */
final class EscalateReviewHandler extends StepHandler {
  EscalateReviewHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    ReviewRole role = job.role();
    String packId = job.text("packId");
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    return store.inTransaction(c -> {
      boolean wasPending = JdbcReviewQueue.item(c, packId, role)
          .map(i -> i.status() == ReviewStatus.PENDING).orElse(false);
      ReviewItem item = JdbcReviewQueue.escalate(c, packId, role, now);
      String summary;
      if (wasPending) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("packId", packId);
        payload.put("role", role.wire());
        payload.put("dueAt", item.dueAt().toString());
        JdbcBattlePackStore.insertOutbox(c, new OutboxEntry(job.key(), 0, decisionId,
            "ESCALATE_REVIEW", role.wire() + "-lead", PackJson.write(payload), now));
        summary = summary(role, packId, item, true);
      } else {
        summary = summary(role, packId, item, false);
      }
      return record(c, job, decisionId, summary, new LinkedHashMap<>());
    });
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(ReviewRole role, String packId, ReviewItem item, boolean escalated) {
    return escalated
        ? "The " + role.wire() + " review of " + packId + " was due at " + item.dueAt()
            + ": escalated to the " + role.wire() + " lead"
        : "The " + role.wire() + " review of " + packId + " is "
            + item.status().name().toLowerCase(java.util.Locale.ROOT) + ": nothing to escalate";
  }
}
