package dev.baton.engine.rulepack;

import java.time.Instant;
import java.util.List;

/**
 * A facts file: {@code {"now": "2026-11-27T09:00:00Z", "facts": {"Type": [{...}], ...}}}.
 *
 * @param now the evaluation time in the file, or null
 */
public record FactsDocument(Instant now, List<Fact> facts) {
  public FactsDocument {
    facts = List.copyOf(facts);
  }
}
