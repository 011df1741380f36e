package dev.baton.engine.rules;

import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rules and which conditions a pack's examples exercise, from the decisions of
 * {@link RulesEngine#runExamples}. A rule is covered when it fired in some example. A condition
 * held in an example when its rule fired there, or when the rule's nearest miss failed on a
 * later condition; it failed when the nearest miss failed on it. The nearest miss is the
 * combination of facts that came closest, so "held" and "failed" are seen for that combination
 * only: a condition is exercised both ways when some example saw it hold and some saw it fail.
 *
 * @param pack the pack's {@code id@version}
 * @param examples how many examples were run (examples whose facts were invalid count, but
 *     exercise nothing)
 * @param rules one entry per rule of the pack, in the pack's order
 */
public record ExampleCoverage(String pack, int examples, List<RuleCoverage> rules) {

  public ExampleCoverage {
    rules = List.copyOf(rules);
  }

  /**
   * The coverage of one rule.
   *
   * @param firedIn the names of the examples in which the rule fired
   * @param conditions one entry per item of the rule's {@code when}, in order
   */
  public record RuleCoverage(String ruleId, List<String> firedIn,
      List<ConditionCoverage> conditions) {
    public RuleCoverage {
      firedIn = List.copyOf(firedIn);
      conditions = List.copyOf(conditions);
    }

    /** True when the rule fired in some example. */
    public boolean fired() {
      return !firedIn.isEmpty();
    }
  }

  /**
   * The coverage of one condition.
   *
   * @param condition 1-based index in the rule's {@code when}
   * @param held true when some example saw the condition hold
   * @param failed true when some example saw the condition fail
   */
  public record ConditionCoverage(int condition, boolean held, boolean failed) {
    /** True when the examples saw the condition both hold and fail. */
    public boolean bothWays() {
      return held && failed;
    }
  }

  /** The coverage of the pack's examples, from their results. */
  public static ExampleCoverage of(RulePack pack, List<ExampleResult> results) {
    List<RuleCoverage> out = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      int n = rule.when().size();
      boolean[] held = new boolean[n];
      boolean[] failed = new boolean[n];
      Set<String> firedIn = new LinkedHashSet<>();
      for (ExampleResult result : results) {
        Decision d = result.decision();
        if (d == null) {
          continue;
        }
        if (d.fired().stream().anyMatch(f -> f.rule().equals(rule.id()))) {
          firedIn.add(result.name());
          java.util.Arrays.fill(held, true);
          continue;
        }
        d.nearestMisses().stream().filter(m -> m.rule().equals(rule.id())
                && m.condition() >= 1 && m.condition() <= n)
            .findFirst().ifPresent(m -> {
              for (int k = 0; k < m.condition() - 1; k++) {
                held[k] = true;
              }
              failed[m.condition() - 1] = true;
            });
      }
      List<ConditionCoverage> conditions = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        conditions.add(new ConditionCoverage(k + 1, held[k], failed[k]));
      }
      out.add(new RuleCoverage(rule.id(), new ArrayList<>(firedIn), conditions));
    }
    return new ExampleCoverage(pack.coordinates(), results.size(), out);
  }

  /** The rules that fired in no example. */
  public List<String> notFired() {
    return rules.stream().filter(r -> !r.fired()).map(RuleCoverage::ruleId).toList();
  }

  /** How many rules fired in some example. */
  public int firedCount() {
    return (int) rules.stream().filter(RuleCoverage::fired).count();
  }

  /** How many conditions, over all rules, were seen both holding and failing. */
  public int conditionsBothWays() {
    return (int) rules.stream().flatMap(r -> r.conditions().stream())
        .filter(ConditionCoverage::bothWays).count();
  }

  /** How many conditions the pack's rules have. */
  public int conditionCount() {
    return rules.stream().mapToInt(r -> r.conditions().size()).sum();
  }

  /** The coverage of the rule with this id, if the pack has it. */
  public java.util.Optional<RuleCoverage> rule(String ruleId) {
    return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
  }
}
