package dev.baton.engine.rules.internal;

import java.math.BigDecimal;

/** The {@code Score} fact: a named running total. Exact in {@link #total()}. */
public final class BatonScore {
  private final String name;
  private BigDecimal total;
  private Double value;

  public BatonScore(String name, BigDecimal total) {
    this.name = name;
    this.total = total;
    this.value = total.doubleValue();
  }

  public String getName() {
    return name;
  }

  public Double getValue() {
    return value;
  }

  /** The exact total. */
  public BigDecimal total() {
    return total;
  }

  /** Sets the total (between the stages of a shared session). */
  void set(BigDecimal newTotal) {
    total = newTotal;
    value = total.doubleValue();
  }

  void add(BigDecimal points) {
    total = total.add(points);
    value = total.doubleValue();
  }

  @Override
  public String toString() {
    return "Score[" + name + "=" + total + "]";
  }
}
