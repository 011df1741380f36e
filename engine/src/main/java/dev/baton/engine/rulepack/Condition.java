package dev.baton.engine.rulepack;

import java.util.List;

/** One item of a rule's {@code when}. */
public sealed interface Condition {

  /**
   * A fact of {@code type} satisfying {@code constraint}; bound to {@code binding} when not null.
   */
  record Pattern(String type, String binding, Constraint constraint) implements Condition {}

  /** No fact matches the pattern. */
  record Not(Pattern pattern) implements Condition {}

  /** At least one fact matches the pattern; the rule fires once. */
  record Exists(Pattern pattern) implements Condition {}

  /** At least one of the conditions holds; names bound inside are not visible outside. */
  record AnyOf(List<Condition> conditions) implements Condition {
    public AnyOf {
      conditions = List.copyOf(conditions);
    }
  }

  /** All of the conditions hold. */
  record AllOf(List<Condition> conditions) implements Condition {
    public AllOf {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * An aggregate over the facts of {@code type} that satisfy {@code where} (and lie in the
   * window): its result must pass every test of {@code is} (tests whose field is
   * {@code "result"}); bound to {@code binding} when not null.
   *
   * @param field the numeric field for sum, avg, min, max; null for count
   * @param window the time window, or null
   */
  record Aggregate(
      AggregateFunction function,
      String type,
      String field,
      Constraint where,
      Window window,
      List<Constraint.Test> is,
      String binding)
      implements Condition {
    public Aggregate {
      is = List.copyOf(is);
    }
  }

  /** Keeps facts whose {@code field} lies within {@code last} before now. */
  record Window(String field, java.time.Duration last) {}
}
