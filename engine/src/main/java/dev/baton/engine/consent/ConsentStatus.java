package dev.baton.engine.consent;

/**
 * What a consent record says. The same values as the {@code status} enum of the consent-check
 * pack's {@code Consent} fact type.
 */
public enum ConsentStatus {
  /** The customer agreed (may expire, see {@link ConsentRecord#expiresAt()}). */
  GRANTED,
  /** The customer refused. */
  DENIED,
  /** The customer took back an earlier grant. */
  WITHDRAWN;

  /** True for {@link #DENIED} and {@link #WITHDRAWN}. */
  public boolean isRefusal() {
    return this != GRANTED;
  }
}
