package dev.baton.benchmarks;

import dev.baton.engine.rules.internal.BatonProposedAction;
import dev.baton.engine.rules.internal.BatonScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The {@code baton} global of the raw-Drools variant, in place of the engine's {@code Firings}:
 * same method, {@code fire(int, Object[], Object[])}. Applies score actions at once (replacing
 * the score fact through its handle, so later rules see the total), records emitted actions for
 * the next pack and vetoes the proposed actions a blocking rule matched. Nothing else.
 */
public final class RawFirings {
  private final RawDroolsPipeline.PackPlan pack;
  private final KieSession session;
  private final RawDroolsPipeline.Run run;
  private final Map<String, BatonScore> scores = new HashMap<>();
  private final Map<String, FactHandle> handles = new HashMap<>();
  private final List<BatonProposedAction> emitted = new ArrayList<>();
  private int count;

  RawFirings(RawDroolsPipeline.PackPlan pack, KieSession session, RawDroolsPipeline.Run run) {
    this.pack = pack;
    this.session = session;
    this.run = run;
  }

  void score(String name, BatonScore score, FactHandle handle) {
    scores.put(name, score);
    handles.put(name, handle);
  }

  /** Called by the generated consequences. */
  public void fire(int rule, Object[] matched, Object[] values) {
    count++;
    RawDroolsPipeline.RuleSpec spec = pack.rules[rule];
    for (RawDroolsPipeline.Step step : spec.steps()) {
      if (step instanceof RawDroolsPipeline.ScoreStep s) {
        BigDecimal points = number(s.points().get(values));
        BigDecimal weight = number(s.weight().get(values));
        if (points == null || weight == null) {
          continue;
        }
        BatonScore next = new BatonScore(s.name(),
            scores.get(s.name()).total().add(points.multiply(weight)));
        scores.put(s.name(), next);
        session.update(handles.get(s.name()), next);
      } else if (step instanceof RawDroolsPipeline.EmitStep e) {
        BatonProposedAction p = new BatonProposedAction("a" + (++run.actionSeq), e.action(),
            Outcome.text(e.customerId().get(values)), Outcome.text(e.channel().get(values)),
            Outcome.text(e.actor().get(values)), pack.id, spec.id());
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < e.names().length; i++) {
          Object v = e.params()[i].get(values);
          if (v != null) {
            params.put(e.names()[i], Outcome.text(v));
          }
        }
        run.acts.put(p, new Outcome.Act(e.action(), params));
        emitted.add(p);
      } else if (step instanceof RawDroolsPipeline.BlockStep b) {
        Object proof = Outcome.text(b.proof().get(values));
        boolean proposal = false;
        for (Object m : matched) {
          if (m instanceof BatonProposedAction p) {
            proposal = true;
            if (run.vetoedIds.add(p.getId())) {
              run.vetoed.add(new Outcome.Veto(run.acts.get(p), spec.id(), proof));
            }
          }
        }
        if (!proposal) {
          run.blocks.add(new Outcome.Verdict(spec.id(), proof));
        }
      } else if (step instanceof RawDroolsPipeline.AllowStep a) {
        run.allows.add(new Outcome.Verdict(spec.id(), Outcome.text(a.proof().get(values))));
      }
    }
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return null;
  }

  Map<String, BatonScore> scores() {
    return scores;
  }

  List<BatonProposedAction> emitted() {
    return emitted;
  }

  int count() {
    return count;
  }
}
