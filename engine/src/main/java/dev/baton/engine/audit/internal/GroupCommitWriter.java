package dev.baton.engine.audit.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.DecisionLogException;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import dev.baton.engine.store.DurableConnection;
import dev.baton.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the chain. Callers queue prepared records; the writer takes whatever is
 * queued (up to a batch), locks the chain head, gives each new record its sequence, time and
 * chain hash in order, inserts the batch in one transaction, commits, makes it durable and only
 * then completes the callers' futures. While a batch commits the next one queues up, so the
 * commit cost is shared by everyone who arrived meanwhile (group commit).
 *
 * <p>Making a commit durable (on H2 a checkpoint, see {@link Databases#durable}) runs on a second
 * thread while the writer commits the next batch: the writer commits with {@link
 * DurableConnection#commitAndContinue()} and hands the batch over; the second thread waits until
 * every batch whose commit has returned is durable (one checkpoint covers them all) and only then
 * acknowledges them. So no record is acknowledged before it is durable, and the two costs overlap
 * instead of adding up.
 */
final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int IN_LIST = 500;

  private final BatonStore store;
  private final Clock clock;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object enqueueLock = new Object();
  private final Thread thread;
  private final Thread durability;
  /** Committed batches waiting to be durable; the poison (empty list) stops the thread. */
  private final BlockingQueue<Committed> committed = new LinkedBlockingQueue<>();
  private boolean closed;

  /** A record waiting for its commit; the poison (null record) stops the writer. */
  record Pending(PreparedRecord record, CompletableFuture<RecordedDecision> done) {}

  GroupCommitWriter(BatonStore store, Clock clock, int maxBatch) {
    this.store = store;
    this.clock = clock;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "baton-decision-writer");
    thread.setDaemon(true);
    this.durability = new Thread(this::makeDurable, "baton-decision-checkpoint");
    durability.setDaemon(true);
    durability.start();
    thread.start();
  }

  /** Queues a record; the future completes once it is committed. */
  CompletableFuture<RecordedDecision> submit(PreparedRecord record) {
    CompletableFuture<RecordedDecision> done = new CompletableFuture<>();
    synchronized (enqueueLock) {
      if (closed) {
        throw new DecisionLogException("The decision log is closed: request "
            + record.requestId() + " was not recorded. Open a new log to record decisions.");
      }
      queue.add(new Pending(record, done));
    }
    return done;
  }

  /** Commits what is queued, then stops the writer. */
  void close() {
    synchronized (enqueueLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(new Pending(null, null));
    }
    try {
      thread.join();
      durability.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // only close() stops the writer: callers are waiting for their records
        continue;
      }
      queue.drainTo(batch, maxBatch - 1);
      List<Pending> work = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        if (p.record() == null) {
          stop = true;
        } else {
          work.add(p);
        }
      }
      batch.clear();
      if (!work.isEmpty()) {
        write(work);
      }
    }
    // records queued behind the poison cannot exist (submit checks closed under the same lock)
    committed.add(new Committed(List.of(), () -> { }));
  }

  /** Acknowledges committed batches once they are durable (see the class comment). */
  private void makeDurable() {
    List<Committed> ready = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        ready.add(committed.take());
      } catch (InterruptedException e) {
        continue; // only close() stops this thread: callers are waiting
      }
      committed.drainTo(ready);
      // the first wait covers every batch committed so far; the others return at once
      for (Committed batch : ready) {
        stop |= batch.outcomes().isEmpty();
        try {
          batch.pending().awaitDurable();
        } catch (SQLException | RuntimeException e) {
          batch.outcomes().forEach(o -> fail(o.pending(), e));
          continue;
        }
        complete(batch.outcomes());
      }
      ready.clear();
    }
  }

  /** A batch whose commit returned, and the wait for it to be durable. */
  private record Committed(List<Outcome> outcomes, DurableConnection.PendingCommit pending) {}

  /** Hands a committed batch to the durability step. */
  private void committed(Committed batch) {
    committed.add(batch);
  }

  /**
   * Writes a batch; when it fails, writes its records one by one so one bad record fails alone.
   *
   * <p>A batch is first inserted without looking its request ids up: a request id recorded
   * before violates the unique key on {@code request_id}, the transaction rolls back and the
   * batch is written again with the lookup, which answers such retries with the earlier record.
   * So a retry is never recorded twice, and a batch of new requests (nearly all of them) costs
   * no lookup query.
   */
  private void write(List<Pending> work) {
    try {
      committed(commit(work, false));
      return;
    } catch (RuntimeException | SQLException | Error optimistic) {
      LOG.debug("A batch of {} decision records was not written without lookup ({});"
          + " writing it again with the request-id lookup.", work.size(), optimistic.toString());
    }
    try {
      committed(commit(work, true));
    } catch (RuntimeException | SQLException | Error e) {
      if (work.size() == 1) {
        fail(work.get(0), e);
        return;
      }
      LOG.warn("A batch of {} decision records failed ({}); writing them one by one.",
          work.size(), e.toString());
      for (Pending p : work) {
        try {
          committed(commit(List.of(p), true));
        } catch (RuntimeException | SQLException | Error single) {
          fail(p, single);
        }
      }
    }
  }

  private record Outcome(Pending pending, RecordedDecision result) {}

  /**
   * Writes a batch in one transaction and commits it; with {@code lookup}, request ids already
   * stored are answered with their earlier record, without it they fail the transaction (unique
   * key).
   */
  private Committed commit(List<Pending> work, boolean lookup) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>(work.size());
    DurableConnection.PendingCommit pending;
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        Head head = lockHead(c);
        Map<String, RecordedDecision> known = lookup ? existing(c, work) : new HashMap<>();
        List<Row> rows = new ArrayList<>(work.size());
        for (Pending p : work) {
          PreparedRecord r = p.record();
          RecordedDecision earlier = known.get(r.requestId());
          if (earlier != null) {
            outcomes.add(new Outcome(p, earlier));
            continue;
          }
          long sequence = head.sequence() + 1;
          Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          String hash = ChainHash.link(head.hash(), sequence, recordedAt, r.contentHash());
          head = new Head(sequence, hash);
          rows.add(new Row(r, sequence, recordedAt, hash));
          RecordedDecision result =
              new RecordedDecision(r.decisionId(), r.requestId(), sequence, hash, false);
          outcomes.add(new Outcome(p, result));
          // a second record of this request id in the same batch is a duplicate of this one
          known.put(r.requestId(), new RecordedDecision(r.decisionId(), r.requestId(),
              sequence, hash, true));
        }
        if (!rows.isEmpty()) {
          insert(c, rows);
          try (PreparedStatement u = c.prepareStatement(
              "update baton_decision_head set sequence = ?, hash = ? where id = 1")) {
            u.setLong(1, head.sequence());
            u.setString(2, head.hash());
            u.executeUpdate();
          }
        }
        pending = c.unwrap(DurableConnection.class).commitAndContinue();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return new Committed(outcomes, pending);
  }

  private record Head(long sequence, String hash) {}

  private record Row(PreparedRecord record, long sequence, Instant recordedAt, String hash) {}

  private static Head lockHead(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "select sequence, hash from baton_decision_head where id = 1 for update");
        ResultSet r = q.executeQuery()) {
      if (!r.next()) {
        throw new StoreException("The decision log has no chain head (table"
            + " baton_decision_head, row 1): the schema was changed by hand. Restore the row"
            + " from the last record of baton_decision.");
      }
      return new Head(r.getLong(1), r.getString(2));
    }
  }

  /** The records already stored under the batch's request ids. */
  private static Map<String, RecordedDecision> existing(Connection c, List<Pending> work)
      throws SQLException {
    Map<String, RecordedDecision> out = new HashMap<>();
    List<String> ids = work.stream().map(p -> p.record().requestId()).distinct().toList();
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
      try (PreparedStatement q = c.prepareStatement("select request_id, decision_id, sequence,"
          + " hash from baton_decision where request_id in (" + marks + ")")) {
        for (int i = 0; i < part.size(); i++) {
          q.setString(i + 1, part.get(i));
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), new RecordedDecision(r.getString(2), r.getString(1),
                r.getLong(3), r.getString(4), true));
          }
        }
      }
    }
    return out;
  }

  private static void insert(Connection c, List<Row> rows) throws SQLException {
    try (PreparedStatement d = c.prepareStatement("insert into baton_decision (sequence,"
        + " decision_id, request_id, recorded_at, evaluated_at, actor, customer_id, pack_refs,"
        + " action_names, input, decision, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement p = c.prepareStatement("insert into baton_decision_pack (sequence,"
            + " pack_index, pack_id, version, hash) values (?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        PreparedRecord r = row.record();
        d.setLong(1, row.sequence());
        d.setString(2, r.decisionId());
        d.setString(3, r.requestId());
        DecisionRows.setInstant(d, 4, row.recordedAt());
        DecisionRows.setInstant(d, 5, r.evaluatedAt());
        d.setString(6, r.actor());
        d.setString(7, r.customerId());
        d.setString(8, r.packRefs());
        d.setString(9, r.actionNames());
        d.setBytes(10, r.input());
        d.setBytes(11, r.decision());
        d.setString(12, row.hash());
        d.addBatch();
        int index = 0;
        for (Decision.PackRef pack : r.packs()) {
          p.setLong(1, row.sequence());
          p.setInt(2, index++);
          p.setString(3, pack.id());
          p.setString(4, pack.version());
          p.setString(5, pack.hash());
          p.addBatch();
        }
      }
      d.executeBatch();
      p.executeBatch();
    }
  }

  private static void complete(List<Outcome> outcomes) {
    outcomes.forEach(o -> o.pending().done().complete(o.result()));
  }

  private static void fail(Pending p, Throwable e) {
    BatonException error = e instanceof BatonException b ? b
        : new StoreException("Cannot record the decision of request " + p.record().requestId()
            + ": " + e.getMessage(), e);
    p.done().completeExceptionally(error);
  }
}
