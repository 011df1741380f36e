package dev.baton.engine.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a customer is not green: one required pair and what is wrong with it, so that a rep sees
 * why an automated action is blocked and what to do.
 *
 * @param pair the required channel and purpose
 * @param kind what is wrong
 * @param status the pair's effective status
 * @param evidenceId the deciding record's evidence id, or null when there is no record
 * @param at when it happened or happens: the refusal's {@code recordedAt}, the grant's {@code
 *     expiresAt}; null when there is no record
 * @param message the reason in plain English, with what to do (user interfaces translate from
 *     {@code kind} and the other fields)
 */
public record StatusReason(
    ConsentPair pair, Kind kind, EffectiveStatus status, String evidenceId, Instant at,
    String message) {

  public StatusReason {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  /** The rating this reason alone gives: red for a refusal, yellow otherwise. */
  public ConsentRating rating() {
    return kind == Kind.REFUSED ? ConsentRating.RED : ConsentRating.YELLOW;
  }

  /** What is wrong with a required pair. */
  public enum Kind {
    /** The customer denied or withdrew it (red). */
    REFUSED,
    /** There is no record (yellow). */
    NO_RECORD,
    /** The latest grant has expired (yellow). */
    EXPIRED,
    /** Granted, but the grant expires within the policy's warning time (yellow). */
    EXPIRING_SOON
  }
}
