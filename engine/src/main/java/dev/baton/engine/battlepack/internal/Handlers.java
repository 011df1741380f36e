package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.BattlePackWorkers;
import io.camunda.client.api.worker.JobHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The job handlers by job type. */
public final class Handlers {
  private Handlers() {}

  /** One handler per job type of {@link BattlePackWorkers#JOB_TYPES}, in that order. */
  public static Map<String, JobHandler> all(BattlePackServices services) {
    Map<String, JobHandler> m = new LinkedHashMap<>();
    m.put(BattlePackWorkers.EVALUATE, new EvaluateHandler(services));
    m.put(BattlePackWorkers.GATHER_CONTEXT, new GatherContextHandler(services));
    m.put(BattlePackWorkers.GENERATE_BATTLE_PACK, new GenerateBattlePackHandler(services));
    m.put(BattlePackWorkers.QUEUE_REVIEW, new QueueReviewHandler(services));
    m.put(BattlePackWorkers.ESCALATE_REVIEW, new EscalateReviewHandler(services));
    m.put(BattlePackWorkers.RELEASE_PACK, new ReleasePackHandler(services));
    m.put(BattlePackWorkers.RETURN_TO_REP, new ReturnToRepHandler(services));
    m.put(BattlePackWorkers.CARRY_OUT_ALTERNATIVES, new CarryOutAlternativesHandler(services));
    return Collections.unmodifiableMap(m);
  }
}
