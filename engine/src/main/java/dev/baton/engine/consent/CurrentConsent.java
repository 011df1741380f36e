package dev.baton.engine.consent;

import java.util.Objects;

/**
 * The consent in force for one channel and purpose, and the record that decides it.
 *
 * @param pair the channel and purpose
 * @param status the effective status
 * @param decidedBy the deciding record (the latest one), or null when the status is {@link
 *     EffectiveStatus#NONE}
 */
public record CurrentConsent(ConsentPair pair, EffectiveStatus status, LedgerEntry decidedBy) {

  public CurrentConsent {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(status, "status");
    if ((status == EffectiveStatus.NONE) != (decidedBy == null)) {
      throw new IllegalArgumentException(
          "decidedBy is null exactly when the status is NONE, here " + status);
    }
  }

  /** The deciding record's evidence id, or null when there is no record. */
  public String evidenceId() {
    return decidedBy == null ? null : decidedBy.evidenceId();
  }
}
