package dev.baton.designer.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The designer's working copies: per user and pack, the unsaved edits, in the table {@code
 * designer_working_copy} of the application's (durable) database. A working copy is not a
 * draft revision: nothing but the designer reads it, so it never changes what evaluations use.
 *
 * <p>Thread-safe. {@link #save} replaces the user's copy of the pack in one transaction; when
 * it returns, the copy survives a crash. The methods take the user name from the caller (the
 * designer view, which checked the role): {@link Autosave} writes from a timer thread, where
 * no one is signed in.
 */
@Service
public class WorkingCopies implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkingCopies.class);
  /** How long after the last edit the working copy is written. */
  public static final Duration DELAY = Duration.ofSeconds(2);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "baton-designer-autosave");
    t.setDaemon(true);
    return t;
  });

  @Autowired
  public WorkingCopies(JdbcTemplate jdbc, TransactionTemplate tx) {
    this(jdbc, tx, Clock.systemUTC());
  }

  /** A store with its own clock (tests). */
  public WorkingCopies(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Keeps the user's working copy of a pack, replacing the one before. */
  public WorkingCopy save(String username, String packId, long baseRevision, String content) {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    tx.executeWithoutResult(s -> {
      int updated = jdbc.update("update designer_working_copy set base_revision = ?,"
          + " content = ?, saved_at = ? where username = ? and pack_id = ?", baseRevision,
          content, at, username, packId);
      if (updated == 0) {
        jdbc.update("insert into designer_working_copy (username, pack_id, base_revision,"
            + " content, saved_at) values (?, ?, ?, ?, ?)", username, packId, baseRevision,
            content, at);
      }
    });
    return new WorkingCopy(username, packId, baseRevision, content, now);
  }

  /** The user's working copy of a pack, if one is kept. */
  public Optional<WorkingCopy> find(String username, String packId) {
    List<WorkingCopy> found = jdbc.query("select base_revision, content, saved_at from"
        + " designer_working_copy where username = ? and pack_id = ?", (rs, i) ->
        new WorkingCopy(username, packId, rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant()), username, packId);
    return found.stream().findFirst();
  }

  /** Deletes the user's working copy of a pack (saved or discarded); false when none was kept. */
  public boolean discard(String username, String packId) {
    return jdbc.update("delete from designer_working_copy where username = ? and pack_id = ?",
        username, packId) > 0;
  }

  /** A debounced writer of one user's working copy of one pack (one per open designer). */
  public Autosave autosave(String username, String packId) {
    return new Autosave(username, packId, DELAY);
  }

  /** A debounced writer with another delay (tests). */
  public Autosave autosave(String username, String packId, Duration delay) {
    return new Autosave(username, packId, delay);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * Writes one user's working copy of one pack a moment after the last edit. Each call
   * supersedes the ones before: a pending write is cancelled, and a write that already started
   * for an older state never lands after a newer one or after {@link #clear}. Thread-safe; a
   * failed write is logged and the next edit tries again (the editor keeps the edits).
   */
  public final class Autosave {
    private final String username;
    private final String packId;
    private final Duration delay;
    private final Object lock = new Object();
    private ScheduledFuture<?> pending;
    private long generation;

    private Autosave(String username, String packId, Duration delay) {
      this.username = username;
      this.packId = packId;
      this.delay = delay;
    }

    /** The edits changed: writes this state after the delay unless another comes first. */
    public void edited(long baseRevision, String content) {
      synchronized (lock) {
        long mine = supersede();
        pending = timer.schedule(() -> write(mine, baseRevision, content), delay.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }

    /** Writes this state now (the editor closes). */
    public void flush(long baseRevision, String content) {
      synchronized (lock) {
        write(supersede(), baseRevision, content);
      }
    }

    /** The edits were saved or discarded: deletes the working copy, cancels pending writes. */
    public void clear() {
      synchronized (lock) {
        supersede();
        try {
          discard(username, packId);
        } catch (RuntimeException e) {
          LOG.warn("Could not delete the working copy of {} for {}: {}", packId, username,
              e.getMessage());
        }
      }
    }

    private long supersede() {
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
      return ++generation;
    }

    private void write(long mine, long baseRevision, String content) {
      synchronized (lock) {
        if (mine != generation) {
          return;
        }
        try {
          save(username, packId, baseRevision, content);
        } catch (RuntimeException e) {
          LOG.warn("Could not keep the working copy of {} for {}: {}", packId, username,
              e.getMessage());
        }
      }
    }
  }
}
