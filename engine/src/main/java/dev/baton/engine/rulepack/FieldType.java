package dev.baton.engine.rulepack;

import java.util.List;

/**
 * The type of a field: a scalar, an enum (strings from a fixed list) or a list of scalars.
 *
 * @param scalar the scalar type; for an enum {@link ValueType#STRING}; for a list its element type
 * @param enumValues the allowed values of an enum, empty otherwise
 * @param list true for a list of {@code scalar}
 */
public record FieldType(ValueType scalar, List<String> enumValues, boolean list) {

  public FieldType {
    enumValues = List.copyOf(enumValues);
  }

  /** A plain scalar type. */
  public static FieldType of(ValueType scalar) {
    return new FieldType(scalar, List.of(), false);
  }

  /** An enum of the given values. */
  public static FieldType enumOf(List<String> values) {
    return new FieldType(ValueType.STRING, values, false);
  }

  /** A list of the given scalar type. */
  public static FieldType listOf(ValueType element) {
    return new FieldType(element, List.of(), true);
  }

  /** True for an enum. */
  public boolean isEnum() {
    return !enumValues.isEmpty();
  }

  /** The type of one element of a list, or this type. */
  public FieldType element() {
    return list ? of(scalar) : this;
  }

  /** How the type is written in pack files. */
  public String describe() {
    if (list) {
      return "list of " + scalar.label();
    }
    return isEnum() ? "enum " + enumValues : scalar.label();
  }
}
