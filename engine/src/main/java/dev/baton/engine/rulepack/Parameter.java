package dev.baton.engine.rulepack;

/**
 * A named constant of a pack, used in rules as {@code $params.name}; templates expose them to
 * the people who import the pack (thresholds, weights).
 *
 * @param value a value of {@code type} in the engine's representation (see {@link Operand.Literal})
 */
public record Parameter(String name, FieldType type, Object value, LocalizedText title) {}
