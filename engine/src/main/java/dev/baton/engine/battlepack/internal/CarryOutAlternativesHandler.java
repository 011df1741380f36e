package dev.baton.engine.battlepack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.VisitRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code baton.carry-out-alternatives}: the AI may not act, so the decision's other actions are
 * carried out instead (a content pack instead of a sales task, a text instead of a call, a
 * human review): each goes to the outbox for the integration that delivers it.
 */
final class CarryOutAlternativesHandler extends StepHandler {
  /** Actions a person carries out: they go to the rep (or the queue the rule names). */
  private static final List<String> HUMAN = List.of("CREATE_SALES_TASK", "REQUIRE_HUMAN_REVIEW");

  CarryOutAlternativesHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    VisitRequest visit = job.visitRequest();
    String decisionId = job.text("decisionId");
    JsonNode alternatives = job.node("alternativeActions");
    if (alternatives != null && !alternatives.isArray()) {
      throw new Job.BadJobException("The process variable 'alternativeActions' must be a list,"
          + " as baton.evaluate sets it; it is " + alternatives.getNodeType());
    }
    Instant now = services.clock().instant();
    List<String> names = new ArrayList<>();
    return store.inTransaction(c -> {
      int seq = 0;
      if (alternatives != null) {
        for (JsonNode a : alternatives) {
          String action = a.path("action").asText();
          JsonNode params = a.path("params");
          String recipient;
          if (HUMAN.contains(action)) {
            recipient = params.hasNonNull("queue") ? params.get("queue").asText() : visit.repId();
          } else {
            recipient = params.path("customerId").asText(visit.customerId());
          }
          JdbcBattlePackStore.insertOutbox(c, new OutboxEntry(job.key(), seq++, decisionId,
              action, recipient, PackJson.write(a), now));
          names.add(action);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("alternativesCarriedOut", names);
      String summary = summary(names);
      return record(c, job, decisionId, summary, out);
    });
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(List<String> names) {
    return names.isEmpty() ? "The AI may not act and the decision has no other"
        + " action: nothing carried out"
        : "The AI may not act; carried out the decision's alternative actions " + names;
  }
}
