package dev.baton.engine.rulepack;

import java.util.Arrays;
import java.util.Optional;

/** The scalar types a field can have. */
public enum ValueType {
  STRING("string"),
  NUMBER("number"),
  INTEGER("integer"),
  BOOLEAN("boolean"),
  DATE("date"),
  DATETIME("datetime"),
  DURATION("duration");

  private final String label;

  ValueType(String label) {
    this.label = label;
  }

  /** The name used in pack files. */
  public String label() {
    return label;
  }

  /** True for types that order: numbers and times. */
  public boolean isOrdered() {
    return this != STRING && this != BOOLEAN;
  }

  /** True for {@code date} and {@code datetime}. */
  public boolean isTime() {
    return this == DATE || this == DATETIME;
  }

  /** Looks a type up by its file name. */
  public static Optional<ValueType> fromLabel(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
