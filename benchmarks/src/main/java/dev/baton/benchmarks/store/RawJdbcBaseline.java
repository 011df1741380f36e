package dev.baton.benchmarks.store;

import dev.baton.engine.store.BatonStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The floor under the decision log: what the database itself costs for the log's rows, with
 * none of Baton's work. Rows recorded by Baton are read back (not timed) and written again with
 * plain JDBC into a fresh database of the same schema: batches inserted by one thread, each
 * committed and made durable as the log does it ({@code CHECKPOINT} on H2). Then read back
 * with one query per range, hashing each row's bytes with SHA-256, the least any verify must
 * do. If this floor is below a target, no change inside Baton reaches the target on that
 * database.
 */
final class RawJdbcBaseline {
  private static final String COLUMNS = "sequence, decision_id, request_id, recorded_at,"
      + " evaluated_at, actor, customer_id, pack_refs, action_names, input, decision, hash";

  private static final String INSERT_DECISION = "insert into baton_decision (" + COLUMNS
      + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_PACK = "insert into baton_decision_pack (sequence,"
      + " pack_index, pack_id, version, hash) values (?, ?, ?, ?, ?)";
  private static final String MOVE_HEAD =
      "update baton_decision_head set sequence = ?, hash = ? where id = 1";

  /** One stored record and its pack-index rows, as read from the log. */
  record RawRow(Object[] values, List<Object[]> packs) {}

  private RawJdbcBaseline() {}

  /** How many records the log holds. */
  static long count(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from baton_decision")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The last {@code count} rows of the log, in chain order, each with its pack-index rows. */
  static List<RawRow> readLast(DataSource ds, int count) throws SQLException {
    List<RawRow> out = new ArrayList<>();
    java.util.Map<Long, List<Object[]>> packs = new java.util.HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement q = c.prepareStatement("select " + COLUMNS
            + " from baton_decision where sequence > ? order by sequence");
        PreparedStatement p = c.prepareStatement("select sequence, pack_index, pack_id,"
            + " version, hash from baton_decision_pack where sequence > ?"
            + " order by sequence, pack_index")) {
      long after;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select coalesce(max(sequence), 0) from baton_decision")) {
        r.next();
        after = Math.max(0, r.getLong(1) - count);
      }
      p.setLong(1, after);
      try (ResultSet pr = p.executeQuery()) {
        while (pr.next()) {
          packs.computeIfAbsent(pr.getLong(1), k -> new ArrayList<>()).add(new Object[] {
              pr.getObject(1), pr.getObject(2), pr.getObject(3), pr.getObject(4),
              pr.getObject(5)});
        }
      }
      q.setLong(1, after);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          Object[] values = new Object[12];
          for (int i = 0; i < 12; i++) {
            values[i] = r.getObject(i + 1);
          }
          out.add(new RawRow(values, packs.getOrDefault(r.getLong(1), List.of())));
        }
      }
    }
    return out;
  }

  /** Which of the schema's secondary indexes a write keeps. */
  enum Indexes {
    /** All of them, as the log has them. */
    ALL(List.of()),
    /** All but the two with random keys: the request id (unique) and the customer. */
    NO_REQUEST_OR_CUSTOMER(List.of(
        "alter table baton_decision drop constraint uq_baton_decision_request",
        "drop index ix_baton_decision_customer")),
    /** The primary key only. */
    KEY_ONLY(List.of("drop index ix_baton_decision_recorded",
        "drop index ix_baton_decision_customer", "drop index ix_baton_decision_pack_id",
        "alter table baton_decision drop constraint uq_baton_decision_id",
        "alter table baton_decision drop constraint uq_baton_decision_request"));

    final List<String> drops;

    Indexes(List<String> drops) {
      this.drops = drops;
    }
  }

  /**
   * Writes the rows into the (empty) schema of {@code store} in batches of {@code batch}, one
   * transaction and, on H2, one {@code CHECKPOINT} per batch; returns rows per second. The
   * indexes not kept are dropped first, to show what they cost.
   */
  static double write(BatonStore store, List<RawRow> rows, int batch, boolean h2,
      Indexes indexes) throws SQLException {
    DataSource ds = store.dataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String drop : indexes.drops) {
        s.execute(drop);
      }
    }
    long start = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement d = c.prepareStatement(INSERT_DECISION);
          PreparedStatement p = c.prepareStatement(INSERT_PACK);
          PreparedStatement head = c.prepareStatement(MOVE_HEAD);
          Statement checkpoint = c.createStatement()) {
        for (int from = 0; from < rows.size(); from += batch) {
          List<RawRow> part = rows.subList(from, Math.min(rows.size(), from + batch));
          insert(d, p, head, part);
          c.commit();
          if (h2) {
            checkpoint.execute("CHECKPOINT");
          }
        }
      }
    }
    return rows.size() / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * The same rows written at {@code rate} per second (open loop) by one writer that commits
   * every row due by then, up to {@code maxBatch}, in one durable transaction: group commit
   * with nothing in between. Returns each row's latency in milliseconds, from when it was due
   * to when its transaction was durable: the least any durable log waits at that rate on this
   * database and machine.
   */
  static double[] paced(BatonStore store, List<RawRow> rows, double rate, int maxBatch)
      throws SQLException {
    double[] latencies = new double[rows.size()];
    double interval = 1e9 / rate;
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement d = c.prepareStatement(INSERT_DECISION);
          PreparedStatement p = c.prepareStatement(INSERT_PACK);
          PreparedStatement head = c.prepareStatement(MOVE_HEAD)) {
        long start = System.nanoTime() + 1_000_000;
        int from = 0;
        while (from < rows.size()) {
          HarnessFigures.parkUntil(start + (long) (from * interval));
          long now = System.nanoTime();
          int to = from + 1;
          while (to < rows.size() && to - from < maxBatch
              && start + (long) (to * interval) <= now) {
            to++;
          }
          insert(d, p, head, rows.subList(from, to));
          c.commit();
          long done = System.nanoTime();
          for (int k = from; k < to; k++) {
            latencies[k] = (done - (start + (long) (k * interval))) / 1e6;
          }
          from = to;
        }
      }
    }
    return latencies;
  }

  /** Inserts the rows and their pack-index rows as batches and moves the chain head. */
  private static void insert(PreparedStatement d, PreparedStatement p, PreparedStatement head,
      List<RawRow> rows) throws SQLException {
    for (RawRow row : rows) {
      for (int i = 0; i < 12; i++) {
        d.setObject(i + 1, row.values()[i]);
      }
      d.addBatch();
      for (Object[] pack : row.packs()) {
        for (int i = 0; i < 5; i++) {
          p.setObject(i + 1, pack[i]);
        }
        p.addBatch();
      }
    }
    d.executeBatch();
    p.executeBatch();
    RawRow last = rows.get(rows.size() - 1);
    head.setObject(1, last.values()[0]);
    head.setObject(2, last.values()[11]);
    head.executeUpdate();
  }

  /**
   * Reads every row back in ranges of 8,192 on {@code threads} threads, hashing the bytes of
   * each row's columns with SHA-256; returns rows per second.
   */
  static double readAndHash(DataSource ds, long rows, int threads, boolean h2)
      throws Exception {
    long range = 8192;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
    long start = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
      for (long from = 1; from <= rows; from += range) {
        long lo = from;
        long hi = Math.min(rows, from + range - 1);
        parts.add(pool.submit(() -> {
          seen.addAndGet(hashRange(ds, lo, hi, h2));
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    if (seen.get() != rows) {
      throw new IllegalStateException("Read " + seen.get() + " rows of " + rows);
    }
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  private static long hashRange(DataSource ds, long from, long to, boolean h2)
      throws SQLException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long n = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      if (h2) {
        try (Statement s = c.createStatement()) {
          s.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
      }
      try (PreparedStatement q = c.prepareStatement("select " + COLUMNS
          + " from baton_decision where sequence between ? and ? order by sequence")) {
        q.setFetchSize(1024);
        q.setLong(1, from);
        q.setLong(2, to);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            for (int i = 2; i <= 12; i++) {
              if (i == 10 || i == 11) {
                sha.update(r.getBytes(i));
              } else if (i == 4 || i == 5) {
                sha.update(r.getObject(i).toString().getBytes(StandardCharsets.UTF_8));
              } else {
                String s = r.getString(i);
                if (s != null) {
                  sha.update(s.getBytes(StandardCharsets.UTF_8));
                }
              }
            }
            sha.digest();
            n++;
          }
        }
      } finally {
        if (h2) {
          try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION FALSE");
          }
        }
        c.rollback();
      }
    }
    return n;
  }
}
