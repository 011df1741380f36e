package dev.baton.engine.rulepack;

/** The right-hand side of a test: a literal or a reference. */
public sealed interface Operand {

  /**
   * A literal value in the engine's representation: {@code String}, {@code java.math.BigDecimal}
   * for numbers, {@code Long} for integers, {@code Boolean}, {@code java.time.LocalDate},
   * {@code java.time.Instant}, {@code java.time.Duration}, or a {@code List} of those.
   */
  record Literal(Object value) implements Operand {}

  /** {@code $binding.field}: a field of a fact bound earlier in the rule. */
  record FieldRef(String binding, String field) implements Operand {}

  /** {@code $binding}: the result of an aggregate bound earlier in the rule. */
  record AggregateRef(String binding) implements Operand {}

  /** {@code $params.name}: a pack parameter. */
  record ParamRef(String name) implements Operand {}

  /** {@code $now}: the evaluation time. */
  record Now() implements Operand {}
}
