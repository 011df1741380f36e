package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code baton.queue-review}: puts the pack in the role's review queue. */
final class QueueReviewHandler extends StepHandler {
  QueueReviewHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    ReviewRole role = job.role();
    String packId = job.text("packId");
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    Instant due = now.plus(job.reviewTimeout(services.reviewTimeout()));
    return store.inTransaction(c -> {
      if (JdbcBattlePackStore.pack(c, packId).isEmpty()) {
        throw new Job.BadJobException("There is no battle pack '" + packId + "' to review;"
            + " the variable packId is set by baton.generate-battle-pack.");
      }
      ReviewItem item = JdbcReviewQueue.queue(c, packId, role, decisionId,
          job.processInstanceKey(), now, due);
      Map<String, Object> out = new LinkedHashMap<>();
      return record(c, job, decisionId, summary(packId, role, item), out);
    });
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(String packId, ReviewRole role, ReviewItem item) {
    return "Queued battle pack " + packId + " for " + role.wire()
        + " review, due " + item.dueAt() + " (correlation key " + item.itemId() + ")";
  }
}
