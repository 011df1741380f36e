package dev.baton.engine.runtime;

import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.rules.Decision;
import java.util.List;

/**
 * The outcome of {@link Baton#decide}: the decision, its record (null when recording is off) and
 * the consent-ledger records its proofs refer to.
 */
public record Decided(Decision decision, RecordedDecision record, List<LedgerEntry> consentProofs) {
  public Decided {
    consentProofs = List.copyOf(consentProofs);
  }
}
