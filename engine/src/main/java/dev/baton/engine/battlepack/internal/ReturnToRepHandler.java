package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.StoredPack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code baton.return-to-rep}: a review rejected the pack; it goes back with the comments. */
final class ReturnToRepHandler extends StepHandler {
  ReturnToRepHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    String packId = job.text("packId");
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    return store.inTransaction(c -> {
      StoredPack pack = JdbcBattlePackStore.pack(c, packId).orElseThrow(() ->
          new Job.BadJobException("There is no battle pack '" + packId + "' to return."));
      ReleasePackHandler.checkVerdicts(c, job, packId, "returned");
      JdbcBattlePackStore.setPackStatus(c, packId, "RETURNED", now);
      List<Map<String, Object>> reviews = ReleasePackHandler.reviews(c, packId);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("packId", packId);
      payload.put("visitRequestId", pack.pack().visitRequestId());
      payload.put("reviews", reviews);
      JdbcBattlePackStore.insertOutbox(c, new OutboxEntry(job.key(), 0, decisionId,
          "RETURN_TO_REP", pack.pack().repId(), PackJson.write(payload), now));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("packStatus", "RETURNED");
      return record(c, job, decisionId, summary(packId, pack.pack().repId(), reviews), out);
    });
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(String packId, String repId, List<Map<String, Object>> reviews) {
    String comments = reviews.stream().filter(r -> "REJECTED".equals(r.get("status")))
        .map(r -> r.get("role") + ": " + r.get("comment")).toList().toString();
    return "Returned battle pack " + packId + " to "
        + repId + " with the reviewers' comments " + comments;
  }
}
