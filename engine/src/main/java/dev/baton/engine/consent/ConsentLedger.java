package dev.baton.engine.consent;

import dev.baton.engine.consent.internal.JdbcConsentLedger;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import java.io.Reader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consent ledger (客户数据主权): an append-only record of every consent each customer gave,
 * refused or withdrew, per channel and purpose, and the source of the consent facts that the
 * consent-check rule pack decides on.
 *
 * <p><b>Append-only.</b> A record is never changed or deleted; a change of mind is a new record.
 * Evidence ids are unique, so that every proof a decision cites points at exactly one record
 * ({@link #byEvidenceId(String)}).
 *
 * <p><b>Which record counts.</b> For one customer, channel and purpose at a time {@code now},
 * only records with {@code recordedAt ≤ now} are known, and the latest by {@code recordedAt}
 * decides: granted then withdrawn is withdrawn, withdrawn then granted again is granted. A grant
 * whose {@code expiresAt} is at or before {@code now} has expired and counts as no consent; no
 * record counts as no consent. Records with the same {@code recordedAt} all count, as in the
 * consent-check pack, so the most restrictive wins: a refusal, then an expired grant. These are the pack's own rules, so {@link
 * #current(String, Instant)} and a decision on {@link #factsFor(String, Instant)} agree.
 *
 * <p><b>Time is an input.</b> Every question about consent takes the time to answer it for, never
 * the wall clock, so that answers can be replayed.
 *
 * <p><b>Contract.</b> Implementations are thread-safe. Every write runs in one transaction:
 * input that is not valid throws {@link dev.baton.engine.ValidationException} with every problem
 * and changes nothing; a database failure throws {@link dev.baton.engine.store.StoreException}
 * and changes nothing. A CSV import reports its problems as a value ({@link ImportReport}).
 */
public interface ConsentLedger {

  /** The ledger in a store, with the {@link ConsentPolicy#defaults() default policy}. */
  static ConsentLedger on(BatonStore store) {
    return on(store, ConsentPolicy.defaults());
  }

  /** The ledger in a store, rating customers and coverage against the given policy. */
  static ConsentLedger on(BatonStore store, ConsentPolicy policy) {
    return new JdbcConsentLedger(store, policy);
  }

  /** The policy that {@link #status}, {@link #statuses} and {@link #coverage} use. */
  ConsentPolicy policy();

  // ------------------------------------------------------------------------------ customers

  /**
   * Adds a customer, or replaces the name, region and owner of the customer with that id.
   * The id and the name are required (no leading or trailing spaces, no control characters,
   * at most 64 and 200 characters); region and owner at most 100 characters.
   */
  void upsertCustomer(Customer customer);

  /** The customer with this id. */
  Optional<Customer> customer(String id);

  /** Every customer, by id. */
  List<Customer> customers();

  // -------------------------------------------------------------------------------- records

  /**
   * Appends a consent record and returns it as stored, with its ledger id. Refused with every
   * problem when: the customer is unknown ({@link #upsertCustomer} first), the evidence id is
   * already in the ledger, an id is blank, too long (customer id 64, evidence id 128
   * characters) or has control characters or surrounding spaces, {@code expiresAt} is not after
   * {@code recordedAt}, or a refusal or withdrawal has an {@code expiresAt}.
   */
  LedgerEntry record(ConsentRecord record);

  /** Every record of a customer, by {@code recordedAt}, then ledger id; empty for no records. */
  List<LedgerEntry> history(String customerId);

  /** The record with this evidence id: how a decision's proof is resolved. */
  Optional<LedgerEntry> byEvidenceId(String evidenceId);

  /**
   * The consent in force for every channel and purpose of a customer at {@code now}, each with
   * the record that decides it (see the class comment for which record counts).
   */
  ConsentSnapshot current(String customerId, Instant now);

  // ----------------------------------------------------------------------- facts and proofs

  /**
   * The customer's records known at {@code now} ({@code recordedAt ≤ now}) as facts of type
   * {@code Consent}, with exactly the fields the consent-check pack declares: {@code customerId,
   * channel, purpose, status, source, evidenceId, recordedAt, expiresAt} (text; times as
   * ISO-8601 instants; {@code expiresAt} absent when the grant does not expire). All records,
   * not only the latest, so that the pack applies its own latest-wins rules; ordered by {@code
   * recordedAt}, then ledger id.
   */
  List<Fact> factsFor(String customerId, Instant now);

  /**
   * The evaluation with the ledger's consent facts: for every customer id that an input fact
   * names (a text field {@code customerId}), {@link #factsFor} at the evaluation's time. The
   * ledger is the only source of consent: {@code Consent} facts already in the evaluation are
   * dropped. Every other fact, the pipeline, time, request id and actor are kept. A pipeline in
   * which no pack declares the fact type {@code Consent} is returned unchanged.
   */
  Evaluation withConsentFacts(Evaluation evaluation);

  /**
   * The ledger records a decision cites as proofs (blocks, vetoes, allows), in the decision's
   * order; proofs that are not evidence ids of this ledger (e.g. {@code NO-CONSENT-RECORD}) are
   * skipped.
   */
  List<LedgerEntry> proofsIn(Decision decision);

  // --------------------------------------------------------------------- overview, coverage

  /** A customer's red / yellow / green status with its reasons at {@code now}; empty for an unknown customer. */
  Optional<CustomerStatus> status(String customerId, Instant now);

  /** The status of every customer at {@code now}, by customer id. */
  List<CustomerStatus> statuses(Instant now);

  /** Consent coverage of all customers at {@code now}, against the policy's target. */
  CoverageReport coverage(Instant now);

  // ---------------------------------------------------------------------------- CSV import

  /**
   * Imports customers from CSV (UTF-8 text; the reader decides the encoding). The header row is
   * required: columns {@code customerId, name} and optionally {@code region, owner}, in any
   * order. Every row is checked first; if any row has a problem nothing is imported. An id
   * already in the ledger is updated (as {@link #upsertCustomer}); an id twice in the file is an
   * error. The format is documented in {@code docs/consent.md}.
   */
  ImportReport importCustomers(Reader csv);

  /**
   * Imports consent records from CSV. The header row is required: columns {@code customerId,
   * channel, purpose, status, source, evidenceId, recordedAt} and optionally {@code expiresAt},
   * in any order. Every row is checked first, as {@link #record} checks a record; a customer
   * must already be in the ledger ({@link #importCustomers} first), an evidence id already in
   * the ledger or twice in the file is an error. If any row has a problem nothing is imported;
   * otherwise all rows are appended in one transaction. The format is documented in {@code
   * docs/consent.md}.
   */
  ImportReport importConsents(Reader csv);
}
