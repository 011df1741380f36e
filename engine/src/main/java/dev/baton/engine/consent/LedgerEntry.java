package dev.baton.engine.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * A consent record as the ledger holds it: never changed, never deleted.
 *
 * @param ledgerId the ledger's id, increasing in the order records were written
 * @param consent the record as given
 * @param storedAt when the ledger wrote it (the machine's clock; {@code recordedAt} is when the
 *     customer gave it)
 */
public record LedgerEntry(long ledgerId, ConsentRecord consent, Instant storedAt) {

  public LedgerEntry {
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(storedAt, "storedAt");
  }

  /** The record's evidence id (the proof a decision cites). */
  public String evidenceId() {
    return consent.evidenceId();
  }
}
