package dev.baton.engine.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection of a {@linkplain Databases#durable(javax.sql.DataSource) durable data source}:
 * every commit of a transaction that wrote, and every write in auto-commit mode, is durable when
 * the call returns — on PostgreSQL because its commit flushed the write-ahead log, on an H2 file
 * because the data source then forces what is committed into the file ({@code CHECKPOINT}),
 * sharing one checkpoint among the commits that wait at the same time (group flush).
 *
 * <p>{@link #commitAndContinue()} lets a single writer overlap making one commit durable with its
 * next transaction (the decision log's group commit); everyone else just calls {@code commit()}.
 * Obtain it with {@code connection.unwrap(DurableConnection.class)}. Like any connection, one
 * thread at a time.
 */
public interface DurableConnection extends Connection {

  /**
   * Commits the transaction and returns before the commit is durable; the caller must not
   * acknowledge what it wrote before {@link PendingCommit#awaitDurable()} returned.
   *
   * @throws SQLException when the commit fails (nothing was committed)
   */
  PendingCommit commitAndContinue() throws SQLException;

  /** A commit that returned and is durable once {@link #awaitDurable()} returns. */
  @FunctionalInterface
  interface PendingCommit {
    /**
     * Blocks until the commit is durable; returns at once when it already is (a checkpoint that
     * started after the commit covers it). Thread-safe: any thread may wait.
     *
     * @throws SQLException when the database could not write its file: the transaction is
     *     committed but may be lost in a crash, so it must not be acknowledged as durable
     */
    void awaitDurable() throws SQLException;
  }
}
