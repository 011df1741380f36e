package dev.baton.engine.rules.internal;

/** The evaluation time as a fact: epoch milliseconds and epoch day (UTC). */
public final class BatonClock {
  private final Long millis;
  private final Long day;

  public BatonClock(long millis) {
    this.millis = millis;
    this.day = Math.floorDiv(millis, 86_400_000L);
  }

  public Long getMillis() {
    return millis;
  }

  public Long getDay() {
    return day;
  }
}
