package dev.baton.engine.rulepack;

import java.util.Arrays;
import java.util.Optional;

/** The comparison operators of a constraint, with their names in pack files and symbols. */
public enum Operator {
  EQ("eq", "="),
  NE("ne", "≠"),
  LT("lt", "<"),
  LTE("lte", "≤"),
  GT("gt", ">"),
  GTE("gte", "≥"),
  BETWEEN("between", "between"),
  IN("in", "in"),
  NOT_IN("notIn", "not in"),
  CONTAINS("contains", "contains"),
  STARTS_WITH("startsWith", "starts with"),
  EMPTY("empty", "is empty"),
  NOT_EMPTY("notEmpty", "is not empty"),
  OLDER_THAN("olderThan", "older than"),
  WITHIN_LAST("withinLast", "within the last");

  private final String label;
  private final String symbol;

  Operator(String label, String symbol) {
    this.label = label;
    this.symbol = symbol;
  }

  /** The key used in pack files. */
  public String label() {
    return label;
  }

  /** A readable symbol for explanations, e.g. {@code ≥}. */
  public String symbol() {
    return symbol;
  }

  /** Looks an operator up by its file key. */
  public static Optional<Operator> fromLabel(String label) {
    return Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst();
  }
}
