package dev.baton.engine.battlepack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.battlepack.BattlePack;
import dev.baton.engine.battlepack.BattlePackContent;
import dev.baton.engine.battlepack.BattlePackContext;
import dev.baton.engine.battlepack.BattlePackGenerator;
import dev.baton.engine.battlepack.BattlePackServices;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code baton.generate-battle-pack}: 3 strategies and 2 hints, checked, stored with the hash. */
final class GenerateBattlePackHandler extends StepHandler {
  GenerateBattlePackHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    String decisionId = job.text("decisionId");
    JsonNode node = job.node("battleContext");
    if (node == null) {
      throw new Job.BadJobException("Job " + job.key() + " needs the process variable"
          + " 'battleContext' that baton.gather-context sets; run gather-context first.");
    }
    BattlePackContext context = PackJson.fromTree(node, BattlePackContext.class, "battleContext");
    BattlePackGenerator generator = services.generator();
    BattlePackContent content = generator.generate(context);
    content.check(context, generator.name());
    BattlePack pack = new BattlePack("BP-" + UUID.randomUUID(), decisionId,
        context.visitRequest().requestId(), context.visitRequest().customerId(),
        context.visitRequest().repId(), generator.name(), content.pricingStrategies(),
        content.riskHints());
    String hash = pack.hash();
    Instant now = services.clock().instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("packId", pack.packId());
    out.put("packHash", hash);
    String summary = summary(pack, generator.name(), hash);
    return store.inTransaction(c -> {
      JdbcBattlePackStore.insertPack(c, job.key(), job.processInstanceKey(), pack, hash, now);
      return record(c, job, decisionId, summary, out);
    });
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(BattlePack pack, String generator, String hash) {
    return "Generated battle pack " + pack.packId() + " with "
        + pack.pricingStrategies().size() + " pricing strategies and " + pack.riskHints().size()
        + " compliance risk hints by the " + generator + " generator; SHA-256 " + hash;
  }
}
