package dev.baton.engine.consent;

/**
 * The consent in force for one customer, channel and purpose at a given time, as {@link
 * ConsentLedger#current(String, java.time.Instant)} works it out.
 */
public enum EffectiveStatus {
  /** The latest record grants, and the grant has not expired. */
  GRANTED,
  /** The latest record is a refusal. */
  DENIED,
  /** The latest record withdraws an earlier grant. */
  WITHDRAWN,
  /** The latest record is a grant that has expired: counts as no consent. */
  EXPIRED,
  /** There is no record: counts as no consent. */
  NONE;

  /** True only for {@link #GRANTED}: every other status means no automated contact. */
  public boolean isGranted() {
    return this == GRANTED;
  }

  /** True for {@link #DENIED} and {@link #WITHDRAWN}: the customer said no. */
  public boolean isRefusal() {
    return this == DENIED || this == WITHDRAWN;
  }
}
