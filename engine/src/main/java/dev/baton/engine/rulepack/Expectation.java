package dev.baton.engine.rulepack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an example expects of the decision. A null component is not checked.
 *
 * @param fired the ids of exactly the rules that fired
 * @param actions exactly the final actions (multiset); each with the parameters to check
 * @param blocked whether the request was blocked
 * @param vetoed the names of exactly the actions vetoed
 * @param scores the score totals to check
 */
public record Expectation(
    List<String> fired,
    List<ExpectedAction> actions,
    Boolean blocked,
    List<String> vetoed,
    Map<String, BigDecimal> scores) {

  /** An expected action: its name and a subset of its parameters. */
  public record ExpectedAction(String action, Map<String, Object> params) {}
}
