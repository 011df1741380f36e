package dev.baton.engine.audit;

import dev.baton.engine.audit.internal.JdbcDecisionLog;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained log of decisions in a {@link BatonStore}.
 *
 * <p>Recording: {@link #record} returns only after the record is committed (and, on H2, written
 * to the database file), so an acknowledged decision survives a crash of the process. Records
 * from all threads go through one writer that commits them in batches (group commit): callers
 * wait for their batch, not for each other's transactions. Recording is idempotent by request
 * id: the same request id recorded twice, one after the other or at once, is one record.
 * Several logs (processes) may write to one database: the chain head is locked per batch.
 *
 * <p>Thread-safety: one log serves all threads; every method may be called concurrently.
 * Failures: database errors throw {@link dev.baton.engine.store.StoreException}; a record that
 * was not acknowledged throws {@link DecisionLogException}; arguments that do not fit throw
 * {@link IllegalArgumentException}; in every case nothing was recorded by that call, except
 * after a timeout, when the record may still be committed (retry with the same request id).
 */
public interface DecisionLog extends Closeable {

  /** Opens the log with {@link DecisionLogOptions#defaults()}; the engine is used for replay. */
  static DecisionLog open(BatonStore store, RulesEngine engine) {
    return open(store, engine, DecisionLogOptions.defaults());
  }

  /** Opens the log; starts its writer thread. Close it to stop the thread. */
  static DecisionLog open(BatonStore store, RulesEngine engine, DecisionLogOptions options) {
    return new JdbcDecisionLog(store, engine, options);
  }

  /**
   * Records a decision and the evaluation that produced it, durably.
   *
   * <p>Stores the packs' canonical content (once per content hash), the canonical input, the
   * decision and the chain hash. An evaluation without a request id is recorded under a
   * generated one (a UUID); the recorded input keeps it absent, so that replay reproduces the
   * decision exactly.
   *
   * @throws IllegalArgumentException when the decision was not made from this evaluation (other
   *     packs, time or request id), or the request id or actor is longer than 255 characters
   */
  RecordedDecision record(Evaluation evaluation, Decision decision);

  /** The record with this decision id. */
  Optional<DecisionRecord> get(String decisionId);

  /** The record with this request id. */
  Optional<DecisionRecord> byRequestId(String requestId);

  /** The records that match, in chain order, one page as the query says. */
  List<DecisionRecord> find(DecisionQuery query);

  /** How many records match (limit and offset ignored). */
  long count(DecisionQuery query);

  /**
   * Streams every matching record in chain order (limit and offset ignored), reading the
   * database page by page: memory stays flat however many there are.
   */
  void forEach(DecisionQuery query, Consumer<DecisionRecord> action);

  /**
   * Walks the chain from the first record, recomputing each hash from the stored content, and
   * stops at the first record that fails: a changed field, a missing record, or records missing
   * at the end (the chain head says there are more). Reads page by page.
   */
  VerifyReport verify();

  /**
   * Writes the matching records (limit and offset ignored) to {@code out} in chain order, with
   * the masked fields hidden. Does not close {@code out}.
   */
  void export(DecisionQuery query, ExportFormat format, Masking masking, OutputStream out);

  /**
   * The personal-data policy ({@link Masking#personalData}) with keyed pseudonyms, for exports
   * that auditors must still be able to join. The key is {@code configuredSecret} when it is
   * given (e.g. from {@code BATON_MASK_SECRET}); otherwise this database's own masking key,
   * generated at random (256 bits) by the first call and stored in the database, so the
   * pseudonyms stay the same across exports, restarts and processes sharing the database.
   *
   * @param configuredSecret the configured key, or null / blank for the database's key
   */
  Masking personalDataMasking(String configuredSecret);

  /** Replay and backtest over this log, with the log's engine. */
  Replayer replayer();

  /**
   * Stops accepting records, commits the ones already accepted and stops the writer. Calls of
   * {@link #record} after this throw {@link DecisionLogException}. Does not close the store.
   */
  @Override
  void close();
}
