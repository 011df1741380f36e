package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.StoredPack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code baton.release-pack}: both reviews approved; the pack goes to the rep. */
final class ReleasePackHandler extends StepHandler {
  ReleasePackHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    String packId = job.text("packId");
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    return store.inTransaction(c -> {
      StoredPack pack = JdbcBattlePackStore.pack(c, packId).orElseThrow(() ->
          new Job.BadJobException("There is no battle pack '" + packId + "' to release."));
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
      return record(c, job, decisionId, "Released battle pack " + packId + " to "
          + pack.pack().repId() + " after legal and finance approval", out);
    });
  }

  static List<Map<String, Object>> reviews(java.sql.Connection c, String packId)
      throws java.sql.SQLException {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (var role : dev.baton.engine.battlepack.ReviewRole.values()) {
      java.util.Optional<ReviewItem> item = JdbcReviewQueue.item(c, packId, role);
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
}
