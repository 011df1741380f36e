package dev.baton.engine.liquid;

import dev.baton.engine.liquid.internal.JdbcCollaborationLedger;
import dev.baton.engine.store.BatonStore;
import java.util.List;

/**
 * The tamper-evident ledger of collaboration events: append-only and hash-chained as the
 * decision log is ({@code hash = SHA-256(previousHash ":" sequence ":" recordedAt ":"
 * contentHash)}, the content hash over the length-prefixed fields of the event).
 *
 * <p>Durability: {@link #append} returns once the event is durably committed (the store's
 * durable mechanism: PostgreSQL's commit, a checkpoint on H2); concurrent appends share one
 * commit (group commit by a single writer thread). Idempotent: an event id is recorded once; an
 * append of a recorded id returns the recorded event. Thread-safe; close it to stop its writer.
 */
public interface CollaborationLedger extends AutoCloseable {

  /** The ledger on a migrated store. */
  static CollaborationLedger open(BatonStore store) {
    return new JdbcCollaborationLedger(store);
  }

  /**
   * Appends an event and returns it as recorded.
   *
   * @param actor who records it, or null
   * @throws dev.baton.engine.store.StoreException when it could not be written (nothing is)
   */
  RecordedEvent append(CollaborationEvent event, String actor);

  /** Appends events in one commit, in order; recorded ids are returned as recorded. */
  List<RecordedEvent> appendAll(List<CollaborationEvent> events, String actor);

  /** The events of a campaign, in chain order. */
  List<RecordedEvent> eventsOf(String campaignId);

  /** The last {@code limit} events, newest first. */
  List<RecordedEvent> latest(int limit);

  /** Every event, in chain order. */
  List<RecordedEvent> all();

  /** Checks every event's hash and the head of the chain. */
  LedgerVerifyReport verify();

  @Override
  void close();
}
