package dev.baton.engine.rules.internal;

import dev.baton.engine.rules.Decision;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The nearest misses of a decision, explained on first access (most callers never read them,
 * and the explanation costs as much as the evaluation). The content is what an eager
 * explanation gives: the explainer runs on the facts each pack saw, which no one changes after
 * the pack ran. Immutable and thread-safe; computed at most once.
 */
public final class LazyNearestMisses extends AbstractList<Decision.NearestMiss>
    implements RandomAccess {

  /** What one pack needs for its explanations: the facts it saw and the rules that did not fire. */
  record Stage(CompiledPack pack, java.util.Map<String, List<Explainer.RtFact>> facts,
      long nowMs, List<DrlGenerator.RulePlan> missed) {}

  private List<Stage> stages;
  private volatile List<Decision.NearestMiss> misses;

  LazyNearestMisses(List<Stage> stages) {
    this.stages = stages;
  }

  private List<Decision.NearestMiss> misses() {
    List<Decision.NearestMiss> m = misses;
    if (m == null) {
      synchronized (this) {
        m = misses;
        if (m == null) {
          m = List.copyOf(explain(stages));
          misses = m;
          stages = null;
        }
      }
    }
    return m;
  }

  /** Explains every missed rule of every stage, in pipeline and rule order. */
  static List<Decision.NearestMiss> explain(List<Stage> stages) {
    List<Decision.NearestMiss> out = new ArrayList<>();
    for (Stage s : stages) {
      if (s.missed().isEmpty()) {
        continue;
      }
      Explainer explainer = new Explainer(s.pack().explainTypes(), s.pack().parameters(),
          s.pack().explainTests(), s.facts(), s.nowMs());
      for (DrlGenerator.RulePlan plan : s.missed()) {
        out.add(explainer.explain(s.pack().pack().id(), plan.rule()));
      }
    }
    return out;
  }

  /** True once computed (for tests). */
  boolean computed() {
    return misses != null;
  }

  @Override
  public Decision.NearestMiss get(int index) {
    return misses().get(index);
  }

  @Override
  public java.util.Iterator<Decision.NearestMiss> iterator() {
    return misses().iterator();
  }

  @Override
  public int size() {
    return misses().size();
  }
}
