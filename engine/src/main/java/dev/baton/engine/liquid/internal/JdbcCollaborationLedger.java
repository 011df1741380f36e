package dev.baton.engine.liquid.internal;

import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.CollaborationLedger;
import dev.baton.engine.liquid.LedgerVerifyReport;
import dev.baton.engine.liquid.RecordedEvent;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.DurableConnection;
import dev.baton.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link CollaborationLedger} on JDBC with group commit: callers queue their events and wait; one
 * writer thread takes everything queued (up to {@value #MAX_BATCH} events), appends it to the
 * chain in one transaction under the head row's lock (so several processes append one batch at
 * a time) and commits; a second thread waits until that commit is durable and then answers every
 * caller of the batch, while the writer already writes the next batch.
 */
public final class JdbcCollaborationLedger implements CollaborationLedger {
  private static final int MAX_BATCH = 256;
  /** The longest a batch waits for callers answered by an earlier commit to come back. */
  private static final long LINGER_MICROS = 500;
  private static final String SELECT = "select sequence, recorded_at, actor, event_id,"
      + " occurred_at, person_id, campaign_id, customer_id, kind, inputs, outputs,"
      + " counterpart_department, hash from baton_liquid_event";

  private final BatonStore store;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  /** Waits for each commit to be durable and then answers its callers, in commit order. */
  private final java.util.concurrent.ExecutorService durability =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "baton-collaboration-ledger-durable");
        t.setDaemon(true);
        return t;
      });
  private volatile boolean closed;
  /** Callers answered by a commit who have not appended again yet (see {@link #collect}). */
  private final java.util.concurrent.atomic.AtomicInteger returning =
      new java.util.concurrent.atomic.AtomicInteger();

  private record Pending(List<Prepared> events, String actor,
      CompletableFuture<List<RecordedEvent>> done) {}

  /**
   * An event with what does not depend on its place in the chain — its lists as JSON and its
   * content hash — computed by the caller's thread before it queues, so that the one writer
   * thread only links, inserts and commits.
   */
  private record Prepared(CollaborationEvent event, String inputs, String outputs,
      String contentHash, Timestamp occurredAt) {
    static Prepared of(CollaborationEvent e, String actor) {
      String inputs = LiquidJson.strings(e.inputs());
      String outputs = LiquidJson.strings(e.outputs());
      return new Prepared(e, inputs, outputs,
          JdbcCollaborationLedger.contentHash(e, inputs, outputs, actor),
          Timestamp.from(e.occurredAt()));
    }

    String eventId() {
      return event.eventId();
    }
  }

  public JdbcCollaborationLedger(BatonStore store) {
    this.store = store;
    this.writer = new Thread(this::writeLoop, "baton-collaboration-ledger");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public RecordedEvent append(CollaborationEvent event, String actor) {
    return appendAll(List.of(event), actor).get(0);
  }

  @Override
  public List<RecordedEvent> appendAll(List<CollaborationEvent> events, String actor) {
    if (events.isEmpty()) {
      return List.of();
    }
    if (closed) {
      throw new StoreException("The collaboration ledger is closed.");
    }
    List<Prepared> prepared = new ArrayList<>(events.size());
    for (CollaborationEvent e : events) {
      prepared.add(Prepared.of(e, actor));
    }
    Pending p = new Pending(List.copyOf(prepared), actor, new CompletableFuture<>());
    if (returning.get() > 0) {
      returning.updateAndGet(n -> Math.max(0, n - 1));
    }
    queue.add(p);
    try {
      return p.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while recording collaboration events; they may"
          + " or may not be recorded: append them again (appends are idempotent by event id).");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("Cannot record collaboration events: " + cause.getMessage(),
          cause);
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    Writer w = null;
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch = new ArrayList<>();
        batch.add(first);
        collect(batch, first.events().size());
        if (w == null) {
          w = new Writer(store.dataSource().getConnection());
        }
        write(w, batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (SQLException | RuntimeException e) {
        if (w != null) {
          w.close();
        }
        w = null;
        fail(batch, e);
      }
    }
    if (w != null) {
      w.close();
    }
    durability.shutdown();
  }

  /**
   * Takes what is queued into the batch; then, while callers answered by an earlier commit have
   * not come back yet, lingers up to {@value #LINGER_MICROS} µs for them (a short group-commit
   * delay, as PostgreSQL's {@code commit_delay} with siblings): otherwise the first caller back
   * would be committed alone, and every commit is a checkpoint on H2.
   */
  private void collect(List<Pending> batch, int events) throws InterruptedException {
    long lingerUntil = 0;
    while (events < MAX_BATCH) {
      Pending next = queue.poll();
      if (next == null) {
        if (returning.get() <= 0) {
          break;
        }
        long now = System.nanoTime();
        if (lingerUntil == 0) {
          lingerUntil = now + TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS);
        } else if (now >= lingerUntil) {
          returning.set(0); // the rest are not coming back soon: do not wait for them again
          break;
        }
        next = queue.poll(lingerUntil - now, TimeUnit.NANOSECONDS);
        if (next == null) {
          returning.set(0);
          break;
        }
      }
      batch.add(next);
      events += next.events().size();
    }
  }

  /** The writer thread's connection and statements, prepared once and reused for every batch. */
  private static final class Writer {
    final Connection connection;
    final PreparedStatement lockHead;
    final PreparedStatement insert;
    final PreparedStatement moveHead;
    /** The head as this writer last committed it; -1 when it must be read (and locked). */
    long sequence = -1;
    String hash;

    Writer(Connection connection) throws SQLException {
      this.connection = connection;
      try {
        connection.setAutoCommit(false);
        lockHead = connection.prepareStatement(
            "select sequence, hash from baton_liquid_event_head where id = 1 for update");
        insert = connection.prepareStatement("insert into baton_liquid_event (sequence,"
            + " event_id, recorded_at, occurred_at, person_id, campaign_id, customer_id, kind,"
            + " counterpart_department, inputs, outputs, actor, hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        moveHead = connection.prepareStatement("update baton_liquid_event_head set sequence = ?,"
            + " hash = ? where id = 1 and sequence = ? and hash = ?");
      } catch (SQLException | RuntimeException e) {
        closeQuietly(connection);
        throw e;
      }
    }

    void rollback() throws SQLException {
      sequence = -1;
      connection.rollback();
    }

    void close() {
      sequence = -1;
      closeQuietly(connection);
    }
  }

  /**
   * Appends the batch and commits; the next batch is written while this one's commit is made
   * durable (H2's checkpoint), and its callers are answered only once it is. A batch the database
   * refuses is written again caller by caller, so that one bad event fails only its own caller.
   */
  private void write(Writer w, List<Pending> batch) throws SQLException {
    List<List<RecordedEvent>> results;
    DurableConnection.PendingCommit pending;
    try {
      results = appendBatch(w, batch);
      long sequence = w.sequence;
      String hash = w.hash;
      w.sequence = -1; // unknown until the commit returned
      pending = w.connection.unwrap(DurableConnection.class).commitAndContinue();
      w.sequence = sequence;
      w.hash = hash;
    } catch (SQLException | RuntimeException e) {
      w.rollback();
      if (batch.size() == 1) {
        throw e;
      }
      for (Pending p : batch) {
        try {
          write(w, List.of(p));
        } catch (SQLException | RuntimeException single) {
          fail(List.of(p), single);
        }
      }
      return;
    }
    durability.execute(() -> {
      try {
        pending.awaitDurable();
      } catch (SQLException e) {
        fail(batch, e);
        return;
      }
      returning.addAndGet(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(results.get(i));
      }
    });
  }

  private static void fail(List<Pending> batch, Exception e) {
    RuntimeException failure = e instanceof RuntimeException r ? r
        : new StoreException("Cannot record collaboration events: " + e.getMessage(), e);
    batch.forEach(p -> p.done().completeExceptionally(failure));
  }

  /** A unique-key violation (SQL state 23505 on H2 and PostgreSQL), also inside a batch. */
  private static boolean isDuplicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if ("23505".equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // the connection is broken already; a new one is opened for the next batch
    }
  }

  /**
   * Appends the batch. The fast path does not look for recorded event ids first: the unique key
   * refuses a repeated id, and then the batch is appended again with the look-up (idempotent
   * appends are rare; the look-up on every batch cost a query per commit).
   */
  private List<List<RecordedEvent>> appendBatch(Writer w, List<Pending> batch)
      throws SQLException {
    try {
      return appendBatch(w, batch, false);
    } catch (SQLException e) {
      if (!isDuplicate(e)) {
        throw e;
      }
      w.rollback();
      return appendBatch(w, batch, true);
    }
  }

  /**
   * Chains the batch from the head this writer committed last and moves the head on only if it
   * is still there ({@code where sequence = ? and hash = ?}, which also locks the head row until
   * the commit); when another process appended in between, or the head is not known, the head is
   * read under its lock and the batch chained again. Without a write the head is left alone.
   */
  private List<List<RecordedEvent>> appendBatch(Writer w, List<Pending> batch, boolean lookUp)
      throws SQLException {
    if (w.sequence < 0) {
      readHead(w);
    }
    Chained chained = chain(w, batch, lookUp);
    if (chained.wrote() && !moveHead(w, chained)) {
      // another process appended since this writer's last commit: lock the head and chain again
      readHead(w);
      chained = chain(w, batch, lookUp);
      if (!moveHead(w, chained)) {
        throw new StoreException("The head of the collaboration ledger changed while it was"
            + " locked; nothing of this batch was recorded: append again.");
      }
    }
    if (chained.wrote()) {
      w.insert.executeBatch();
      w.sequence = chained.sequence();
      w.hash = chained.hash();
    }
    return chained.results();
  }

  private static void readHead(Writer w) throws SQLException {
    try (ResultSet r = w.lockHead.executeQuery()) {
      r.next();
      w.sequence = r.getLong(1);
      w.hash = r.getString(2);
    }
  }

  private static boolean moveHead(Writer w, Chained chained) throws SQLException {
    w.moveHead.setLong(1, chained.sequence());
    w.moveHead.setString(2, chained.hash());
    w.moveHead.setLong(3, w.sequence);
    w.moveHead.setString(4, w.hash);
    return w.moveHead.executeUpdate() == 1;
  }

  /** A batch chained onto a head: the new head, the answers, whether any row is new. */
  private record Chained(long sequence, String hash, List<List<RecordedEvent>> results,
      boolean wrote) {}

  /** Hashes the batch onto the writer's head and adds its new rows to the insert's batch. */
  private Chained chain(Writer w, List<Pending> batch, boolean lookUp) throws SQLException {
    w.insert.clearBatch();
    long sequence = w.sequence;
    String previous = w.hash;
    Map<String, RecordedEvent> existing = lookUp ? existing(w.connection, batch) : Map.of();
    Map<String, RecordedEvent> inBatch = new HashMap<>();
    Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String recordedAtText = recordedAt.toString();
    Timestamp recordedAtStamp = Timestamp.from(recordedAt);
    List<List<RecordedEvent>> results = new ArrayList<>(batch.size());
    boolean wrote = false;
    PreparedStatement ins = w.insert;
    for (Pending p : batch) {
      List<RecordedEvent> out = new ArrayList<>(p.events().size());
      for (Prepared pe : p.events()) {
        CollaborationEvent e = pe.event();
        RecordedEvent known = existing.getOrDefault(e.eventId(), inBatch.get(e.eventId()));
        if (known != null) {
          out.add(known);
          continue;
        }
        sequence++;
        String hash = EventHash.link(previous, sequence, recordedAtText, pe.contentHash());
        ins.setLong(1, sequence);
        ins.setString(2, e.eventId());
        ins.setTimestamp(3, recordedAtStamp);
        ins.setTimestamp(4, pe.occurredAt());
        ins.setString(5, e.personId());
        ins.setString(6, e.campaignId());
        ins.setString(7, e.customerId());
        ins.setString(8, e.kind());
        ins.setString(9, e.counterpartDepartment());
        ins.setString(10, pe.inputs());
        ins.setString(11, pe.outputs());
        ins.setString(12, p.actor());
        ins.setString(13, hash);
        ins.addBatch();
        RecordedEvent recorded = new RecordedEvent(sequence, recordedAt, p.actor(), e, hash);
        inBatch.put(e.eventId(), recorded);
        out.add(recorded);
        previous = hash;
        wrote = true;
      }
      results.add(out);
    }
    return new Chained(sequence, previous, results, wrote);
  }

  private static Map<String, RecordedEvent> existing(Connection c, List<Pending> batch)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    batch.forEach(p -> p.events().forEach(e -> ids.add(e.eventId())));
    Map<String, RecordedEvent> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 100) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + 100));
      String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
      try (PreparedStatement q = c.prepareStatement(SELECT + " where event_id in (" + marks
          + ")")) {
        for (int i = 0; i < part.size(); i++) {
          q.setString(i + 1, part.get(i));
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            RecordedEvent e = row(r);
            out.put(e.event().eventId(), e);
          }
        }
      }
    }
    return out;
  }

  static String contentHash(CollaborationEvent e, String inputs, String outputs, String actor) {
    return EventHash.content(e.eventId(), e.occurredAt().toString(), e.personId(),
        e.campaignId(), e.customerId(), e.kind(), inputs, outputs, e.counterpartDepartment(),
        actor);
  }

  private static RecordedEvent row(ResultSet r) throws SQLException {
    CollaborationEvent e = new CollaborationEvent(r.getString(4), r.getTimestamp(5).toInstant(),
        r.getString(6), r.getString(7), r.getString(8), r.getString(9),
        LiquidJson.strings(r.getString(10)), LiquidJson.strings(r.getString(11)),
        r.getString(12));
    return new RecordedEvent(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), e,
        r.getString(13));
  }

  @Override
  public List<RecordedEvent> eventsOf(String campaignId) {
    return query(SELECT + " where campaign_id = ? order by sequence", campaignId);
  }

  @Override
  public List<RecordedEvent> latest(int limit) {
    return query(SELECT + " order by sequence desc fetch first " + Math.max(1, Math.min(limit,
        10_000)) + " rows only", null);
  }

  @Override
  public List<RecordedEvent> all() {
    return query(SELECT + " order by sequence", null);
  }

  private List<RecordedEvent> query(String sql, String arg) {
    return store.inTransaction(c -> {
      List<RecordedEvent> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(sql)) {
        if (arg != null) {
          q.setString(1, arg);
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.add(row(r));
          }
        }
      }
      return out;
    });
  }

  @Override
  public LedgerVerifyReport verify() {
    return store.inTransaction(c -> {
      String previous = EventHash.GENESIS;
      long expected = 0;
      try (PreparedStatement q = c.prepareStatement(SELECT + " order by sequence");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          RecordedEvent e = row(r);
          expected++;
          if (e.sequence() != expected) {
            return LedgerVerifyReport.broken(expected - 1, expected, "Event " + expected
                + " is missing from the chain (the next is " + e.sequence() + ").");
          }
          String hash = EventHash.link(previous, e.sequence(), e.recordedAt(),
              contentHash(e.event(), r.getString(10), r.getString(11), e.actor()));
          if (!hash.equals(e.hash())) {
            return LedgerVerifyReport.broken(expected - 1, expected, "Event " + expected + " ("
                + e.event().eventId() + ") was changed after it was recorded: its hash does"
                + " not match its content.");
          }
          previous = hash;
        }
      }
      try (PreparedStatement head = c.prepareStatement(
          "select sequence, hash from baton_liquid_event_head where id = 1");
          ResultSet r = head.executeQuery()) {
        r.next();
        if (r.getLong(1) != expected || !r.getString(2).equals(previous)) {
          return LedgerVerifyReport.broken(expected, expected + 1, "The chain ends at event "
              + expected + " but its head says " + r.getLong(1)
              + ": trailing events were removed.");
        }
      }
      return LedgerVerifyReport.intact(expected);
    });
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
      durability.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
