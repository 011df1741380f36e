package dev.baton.engine.rules;

import java.util.List;

/**
 * The outcome of running one example of a pack.
 *
 * @param differences readable lines, one per difference between expected and actual; empty when
 *     the example passed
 * @param decision the decision, or null when the facts were invalid
 */
public record ExampleResult(String name, List<String> differences, Decision decision) {
  public ExampleResult {
    differences = List.copyOf(differences);
  }

  /** True when the decision matched every expectation. */
  public boolean passed() {
    return differences.isEmpty();
  }
}
