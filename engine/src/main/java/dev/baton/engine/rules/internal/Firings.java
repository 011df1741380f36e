package dev.baton.engine.rules.internal;

import dev.baton.engine.rulepack.Action;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The global every generated consequence calls: records which rule fired with which facts and
 * values, and applies score actions at once so that later rules see the totals. One per session
 * and pack; for a single-hit pack ({@code hitPolicy} first or priority) only the first firing.
 */
public final class Firings {

  /** One firing: the rule's index, the facts it matched and the values its actions use. */
  record Firing(int rule, Object[] matched, Object[] values) {}

  private final CompiledPack pack;
  private final KieSession session;
  private final Map<String, BatonScore> scores;
  private final Map<String, FactHandle> scoreHandles;
  private final List<Firing> firings = new ArrayList<>();

  Firings(CompiledPack pack, KieSession session, Map<String, BatonScore> scores,
      Map<String, FactHandle> scoreHandles) {
    this.pack = pack;
    this.session = session;
    this.scores = scores;
    this.scoreHandles = scoreHandles;
  }

  /** Called by generated consequences only. */
  public void fire(int rule, Object[] matched, Object[] values) {
    if (pack.pack().hitPolicy().singleHit() && !firings.isEmpty()) {
      // first or priority: the activation with the highest salience fired first; no other
      return;
    }
    firings.add(new Firing(rule, matched, values));
    DrlGenerator.RulePlan plan = pack.plans().get(rule);
    for (Action a : plan.rule().then()) {
      if (a instanceof Action.Score s) {
        BigDecimal points = number(pack.resolve(plan, s.points(), values));
        BigDecimal weight = s.weight() == null ? BigDecimal.ONE
            : number(pack.resolve(plan, s.weight(), values));
        if (points == null || weight == null) {
          continue;
        }
        BatonScore score = scores.get(s.name());
        score.add(points.multiply(weight));
        session.update(scoreHandles.get(s.name()), score);
      }
    }
  }

  private static BigDecimal number(Object v) {
    return v instanceof BigDecimal b ? b : null;
  }

  List<Firing> firings() {
    return firings;
  }
}
