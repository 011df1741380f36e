package dev.baton.engine.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes commits on an H2 file durable with as few checkpoints as possible. H2 (MVStore) keeps
 * committed changes in memory and writes them to its file up to a second later, so a process
 * killed in between loses them; {@code CHECKPOINT} writes everything committed so far.
 *
 * <p>Each commit that wrote takes a ticket after its commit returned. A checkpoint covers every
 * ticket taken before it started; a commit whose ticket is covered returns, one that is not waits
 * for the running checkpoint and then, if nobody else did, starts the next one for everyone who
 * queued meanwhile. So N concurrent commits cost about two checkpoints, not N.
 *
 * <p>{@code CHECKPOINT} needs H2 admin rights. Without them durability is impossible to force:
 * the first failure logs a warning saying so and how to fix it, and commits then return as H2
 * alone makes them (durable within about a second).
 */
final class GroupFlush {
  private static final Logger LOG = LoggerFactory.getLogger(GroupFlush.class);
  /** H2's error code for "admin rights are required for this operation". */
  private static final int ADMIN_RIGHTS_REQUIRED = 90040;

  private long taken;
  private long durable;
  private boolean running;
  private volatile boolean enabled = true;

  /** A connection to run the checkpoint on, borrowed only by the commit that runs it. */
  @FunctionalInterface
  interface Checkpointer {
    void checkpoint() throws SQLException;
  }

  boolean enabled() {
    return enabled;
  }

  /** True when a checkpoint covered the ticket (or none can be run). */
  synchronized boolean isDurable(long ticket) {
    return !enabled || durable >= ticket;
  }

  /** The ticket of a commit that has returned. */
  synchronized long ticket() {
    return ++taken;
  }

  /** Returns once a checkpoint that started after the ticket was taken has completed. */
  void await(long ticket, Checkpointer checkpointer) throws SQLException {
    long covers;
    boolean interrupted = false;
    synchronized (this) {
      while (true) {
        if (!enabled || durable >= ticket) {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          return;
        }
        if (!running) {
          running = true;
          covers = taken;
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          // the commit has happened: the caller still needs to know when it is durable
          interrupted = true;
        }
      }
    }
    boolean done = false;
    try {
      checkpointer.checkpoint();
      done = true;
    } catch (SQLException e) {
      if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
        throw new SQLException("The transaction was committed, but H2 could not write it to its"
            + " file (" + e.getMessage() + "); it may be lost in a crash. Check the disk of the"
            + " data directory.", e.getSQLState(), e.getErrorCode(), e);
      }
      disable(e);
      done = true;
    } finally {
      synchronized (this) {
        running = false;
        if (done) {
          durable = Math.max(durable, covers);
        }
        notifyAll();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs {@code CHECKPOINT} on a raw (undecorated) H2 connection. */
  static void checkpoint(Connection raw) throws SQLException {
    try (Statement s = raw.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  /** Tries a checkpoint once, to warn at start-up rather than at the first write. */
  void probe(Connection raw) {
    if (!enabled) {
      return;
    }
    try {
      checkpoint(raw);
    } catch (SQLException e) {
      if (e.getErrorCode() == ADMIN_RIGHTS_REQUIRED) {
        disable(e);
      }
      // any other failure shows again, and fails the commit, when a write needs it
    }
  }

  private void disable(SQLException e) {
    if (enabled) {
      enabled = false;
      LOG.warn("Cannot force commits to the H2 file ({}): the database user is not an H2 admin."
          + " A committed write is then durable only once H2 writes it (within a second), and a"
          + " crash may lose what was acknowledged. Connect as the user that created the"
          + " database (an admin), or use PostgreSQL.", e.getMessage());
    }
  }
}
