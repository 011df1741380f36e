package dev.baton.engine.rulepack;

import java.util.Arrays;
import java.util.Optional;

/** Aggregate functions over matching facts. */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max");

  private final String label;

  AggregateFunction(String label) {
    this.label = label;
  }

  /** The key used in pack files. */
  public String label() {
    return label;
  }

  /** Looks a function up by its file key. */
  public static Optional<AggregateFunction> fromLabel(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
  }
}
