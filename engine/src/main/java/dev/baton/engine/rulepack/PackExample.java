package dev.baton.engine.rulepack;

import java.time.Instant;
import java.util.List;

/** An example shipped with a pack: input facts at a time, and what the decision must be. */
public record PackExample(
    String name, String description, Instant now, List<Fact> facts, Expectation expect) {
  public PackExample {
    facts = List.copyOf(facts);
  }
}
