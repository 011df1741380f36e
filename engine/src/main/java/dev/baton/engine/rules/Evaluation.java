package dev.baton.engine.rules;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to evaluate: a pipeline of packs (evaluated in order), the input facts and the time.
 * The time is an input, never the wall clock, so that a decision can be replayed.
 *
 * @param requestId the caller's id for this request, or null
 * @param actor who asked (a user, a service), or null
 */
public record Evaluation(
    List<RulePack> pipeline, List<Fact> facts, Instant now, String requestId, String actor) {

  public Evaluation {
    pipeline = List.copyOf(pipeline);
    facts = List.copyOf(facts);
    Objects.requireNonNull(now, "now");
    if (pipeline.isEmpty()) {
      throw new IllegalArgumentException("The pipeline needs at least one pack.");
    }
  }

  /** An evaluation without request id and actor. */
  public static Evaluation of(List<RulePack> pipeline, List<Fact> facts, Instant now) {
    return new Evaluation(pipeline, facts, now, null, null);
  }

  /** The same evaluation with a request id and actor. */
  public Evaluation by(String newRequestId, String newActor) {
    return new Evaluation(pipeline, facts, now, newRequestId, newActor);
  }
}
