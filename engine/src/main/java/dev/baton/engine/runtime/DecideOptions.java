package dev.baton.engine.runtime;

import java.util.Objects;

/**
 * How {@link Baton#decide(dev.baton.engine.rules.Evaluation, DecideOptions)} decides: whether
 * the decision is recorded, where consent comes from and whether the decision carries its
 * explanation. Immutable; the {@code with} methods return copies.
 *
 * @param record record the decision in the decision log before returning (ignored, and nothing
 *     recorded, when Baton was opened with recording off)
 * @param consent where the {@code Consent} facts come from
 * @param explain whether the returned decision carries the nearest miss of every rule that did
 *     not fire (a recorded decision always stores them: replay compares them)
 */
public record DecideOptions(boolean record, ConsentSource consent, boolean explain) {

  /** Where the consent facts of an evaluation come from. */
  public enum ConsentSource {
    /**
     * The consent ledger: the ledger's records of the evaluation's customers replace any
     * {@code Consent} facts in the evaluation (the product's path).
     */
    LEDGER,
    /** The evaluation's own {@code Consent} facts, as given (e.g. a facts file, a what-if). */
    FACTS
  }

  public DecideOptions {
    Objects.requireNonNull(consent, "consent");
  }

  /** The product's path: recorded, consent from the ledger, explained. */
  public static DecideOptions defaults() {
    return new DecideOptions(true, ConsentSource.LEDGER, true);
  }

  /** The same options, recording or not. */
  public DecideOptions withRecord(boolean newRecord) {
    return new DecideOptions(newRecord, consent, explain);
  }

  /** The same options with consent from this source. */
  public DecideOptions withConsent(ConsentSource newConsent) {
    return new DecideOptions(record, newConsent, explain);
  }

  /** The same options, explained or not. */
  public DecideOptions withExplain(boolean newExplain) {
    return new DecideOptions(record, consent, newExplain);
  }
}
