package dev.baton.benchmarks.liquid;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.CollaborationLedger;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Recording collaboration events durably (issue 18: ≥ 0.6 × the raw-JDBC floor measured in the
 * same run). Three Baton variants and two floors per round, each on a fresh database:
 *
 * <ul>
 *   <li>Baton, {@code T} clients: {@code T} threads each calling {@link
 *       CollaborationLedger#append} for one event at a time and waiting until it is durable (the
 *       ledger's writer chains, batches and commits what the waiting clients queued);
 *   <li>Baton, bulk: one thread calling {@link CollaborationLedger#appendAll} with lists of
 *       {@value #BULK} events (an import: the REST API's batch endpoint and {@code baton liquid
 *       import} record lists), each waited for until durable — the floor's work shape;
 *   <li>floors: the same rows (hash strings precomputed, no chain) inserted with plain JDBC by one
 *       thread into a database of the same schema, in transactions of {@value #BULK}, and in
 *       transactions of the size the {@code T} clients' commits had (Baton's own commit policy, as
 *       the decision log's floor has it), each committed and made durable through the same durable
 *       data source ({@code CHECKPOINT} on H2).
 * </ul>
 *
 * <p>Before each timed part the harness waits until the JIT compiler is quiet (opening a
 * database runs Liquibase, whose code is still being compiled otherwise); each line says how
 * many milliseconds the compiler still spent during the part. Warm-up rounds first (default 2).
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.baton.benchmarks.liquid.LedgerHarness [--events N] [--threads T] [--rounds R]
 * [--warm-ups W] [--db h2|<jdbc-url>] [--only clients|bulk|<floor batch size>]}.
 */
public final class LedgerHarness {
  /** Events per transaction of the floor, and per {@code appendAll} of the bulk client. */
  static final int BULK = 64;

  private LedgerHarness() {}

  /** One measured run: events per second, process CPU per event, events per commit. */
  record Result(double rate, double cpuPerEvent, double eventsPerCommit) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int events = Integer.parseInt(opts.getOrDefault("events", "20000"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "16"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
    int warmUps = Integer.parseInt(opts.getOrDefault("warm-ups", "2"));
    String db = opts.getOrDefault("db", "h2");
    System.out.printf("cores %d, events %d, client threads %d, warm-up rounds %d, rounds %d,"
        + " db %s%n", Runtime.getRuntime().availableProcessors(), events, threads, warmUps,
        rounds, db);
    List<CollaborationEvent> workload = workload(events);
    if (opts.containsKey("only")) { // profiling: one variant alone, no ratios
      for (int round = 1 - warmUps; round <= rounds; round++) {
        String label = round <= 0 ? "warm-up " + (round + warmUps) : "round " + round;
        switch (opts.get("only")) {
          case "clients" -> baton(db, workload, threads, label);
          case "bulk" -> bulk(db, workload, BULK, label);
          default -> floor(db, workload, label, Integer.parseInt(opts.get("only")));
        }
      }
      return;
    }
    for (int round = 1 - warmUps; round <= rounds; round++) {
      String label = round <= 0 ? "warm-up " + (round + warmUps) : "round " + round;
      Result clients = baton(db, workload, threads, label);
      Result bulk = bulk(db, workload, BULK, label);
      Result same = floor(db, workload, label, Math.max(1,
          (int) Math.round(clients.eventsPerCommit())));
      Result floor = floor(db, workload, label, BULK);
      System.out.printf("%s: %d clients / floor at their commit size = %.2f (per CPU-s %.2f);"
          + " %d clients / floor of %d = %.2f (per CPU-s %.2f); batches of %d / floor of %d ="
          + " %.2f (per CPU-s %.2f)%n", label, threads, clients.rate() / same.rate(),
          same.cpuPerEvent() / clients.cpuPerEvent(), threads, BULK,
          clients.rate() / floor.rate(), floor.cpuPerEvent() / clients.cpuPerEvent(), BULK,
          BULK, bulk.rate() / floor.rate(), floor.cpuPerEvent() / bulk.cpuPerEvent());
    }
  }

  static List<CollaborationEvent> workload(int n) {
    List<String> kinds = List.of("BID_DOCUMENT", "LEGAL_RESPONSE", "CASE_LIBRARY_USE",
        "CROSS_DEPARTMENT_MEETING", "RISK_REVIEW", "KNOWLEDGE_SESSION");
    Instant t0 = LiquidWorkload.NOW.minus(Duration.ofDays(30));
    List<CollaborationEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new CollaborationEvent("EV-" + i, t0.plusSeconds(i), String.format("P-%05d",
          i % 5000), "CMP-" + (i % 40), "C-" + (i % 900), kinds.get(i % kinds.size()),
          List.of("标书 v" + (i % 7), "案例库检索"), List.of("评审意见 " + i),
          i % 3 == 0 ? "法务部" : null));
    }
    return out;
  }

  private static HikariDataSource fresh(String db) throws Exception {
    if (db.equals("h2")) {
      return Databases.pooled(Databases.h2Url(Files.createTempDirectory("baton-ledger-")));
    }
    HikariDataSource ds = Databases.pooled(db);
    try (Connection c = ds.getConnection(); var s = c.createStatement()) {
      s.execute("drop table if exists baton_liquid_event_floor");
    }
    return ds;
  }

  static Result baton(String db, List<CollaborationEvent> workload, int threads, String label)
      throws Exception {
    try (HikariDataSource ds = fresh(db)) {
      BatonStore store = BatonStore.open(ds);
      try (CollaborationLedger ledger = CollaborationLedger.open(store)) {
        long[] latencies = new long[workload.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        settle();
        long jit0 = jit();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < workload.size();
                i = next.getAndIncrement()) {
              long s = System.nanoTime();
              ledger.append(workload.get(i), "bench");
              latencies[i] = System.nanoTime() - s;
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpu() - cpu0;
        pool.shutdown();
        if (!ledger.verify().intact()) {
          throw new IllegalStateException("The chain is broken after the run.");
        }
        double perCommit = workload.size() / (double) commits(ds);
        Arrays.sort(latencies);
        double rate = workload.size() / (elapsed / 1e9);
        System.out.printf("%s baton, %d clients: %,.0f events/s, p50 %.2f ms, p99 %.2f ms,"
            + " %.1f µs CPU/event, %.1f events/commit, JIT %d ms%n", label, threads, rate,
            latencies[latencies.length / 2] / 1e6,
            latencies[(int) (latencies.length * 0.99)] / 1e6, cpu / 1e3 / workload.size(),
            perCommit, jit() - jit0);
        return new Result(rate, cpu / 1e3 / workload.size(), perCommit);
      }
    }
  }

  /**
   * One client appending the workload in lists of {@code size} with {@link
   * CollaborationLedger#appendAll} (an importer, or the REST API's list of events), each list
   * waited for until it is durable: the floor's work shape, through the ledger.
   */
  static Result bulk(String db, List<CollaborationEvent> workload, int size, String label)
      throws Exception {
    try (HikariDataSource ds = fresh(db)) {
      BatonStore store = BatonStore.open(ds);
      try (CollaborationLedger ledger = CollaborationLedger.open(store)) {
        settle();
        long jit0 = jit();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        for (int from = 0; from < workload.size(); from += size) {
          ledger.appendAll(workload.subList(from, Math.min(workload.size(), from + size)),
              "bench");
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpu() - cpu0;
        if (!ledger.verify().intact()) {
          throw new IllegalStateException("The chain is broken after the run.");
        }
        double perCommit = workload.size() / (double) commits(ds);
        double rate = workload.size() / (elapsed / 1e9);
        System.out.printf("%s baton, 1 client, appendAll of %d: %,.0f events/s, %.1f µs"
            + " CPU/event, %.1f events/commit, JIT %d ms%n", label, size, rate,
            cpu / 1e3 / workload.size(), perCommit, jit() - jit0);
        return new Result(rate, cpu / 1e3 / workload.size(), perCommit);
      }
    }
  }

  /** Commits the ledger made: every commit stamps its events with one recorded time. */
  private static long commits(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); var s = c.createStatement();
        var r = s.executeQuery("select count(distinct recorded_at) from baton_liquid_event")) {
      r.next();
      return r.getLong(1);
    }
  }

  static Result floor(String db, List<CollaborationEvent> workload, String label, int batch)
      throws Exception {
    try (HikariDataSource ds = fresh(db)) {
      BatonStore store = BatonStore.open(ds);
      DataSource durable = store.dataSource();
      Instant recordedAt = Instant.now();
      String hash = "f".repeat(64);
      settle();
      long jit0 = jit();
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      try (Connection c = durable.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ins = c.prepareStatement("insert into baton_liquid_event"
            + " (sequence, event_id, recorded_at, occurred_at, person_id, campaign_id,"
            + " customer_id, kind, counterpart_department, inputs, outputs, actor, hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (int i = 0; i < workload.size(); i++) {
            CollaborationEvent e = workload.get(i);
            ins.setLong(1, i + 1);
            ins.setString(2, e.eventId());
            ins.setTimestamp(3, Timestamp.from(recordedAt));
            ins.setTimestamp(4, Timestamp.from(e.occurredAt()));
            ins.setString(5, e.personId());
            ins.setString(6, e.campaignId());
            ins.setString(7, e.customerId());
            ins.setString(8, e.kind());
            ins.setString(9, e.counterpartDepartment());
            ins.setString(10, "[\"" + String.join("\",\"", e.inputs()) + "\"]");
            ins.setString(11, "[\"" + String.join("\",\"", e.outputs()) + "\"]");
            ins.setString(12, "bench");
            ins.setString(13, hash);
            ins.addBatch();
            if ((i + 1) % batch == 0 || i == workload.size() - 1) {
              ins.executeBatch();
              c.commit();
            }
          }
        }
      }
      long elapsed = System.nanoTime() - t0;
      long cpu = cpu() - cpu0;
      double rate = workload.size() / (elapsed / 1e9);
      System.out.printf("%s floor (raw JDBC, batches of %d, durable commit): %,.0f events/s,"
          + " %.1f µs CPU/event, JIT %d ms%n", label, batch, rate, cpu / 1e3 / workload.size(),
          jit() - jit0);
      return new Result(rate, cpu / 1e3 / workload.size(), batch);
    }
  }

  /**
   * Waits (at most 10 s) until the JIT compiler has been quiet for 300 ms: opening a fresh
   * database runs Liquibase, whose code the compiler threads are still compiling when the timed
   * part would start, and that CPU would be counted against whichever variant runs next.
   */
  static void settle() throws InterruptedException {
    var jit = ManagementFactory.getCompilationMXBean();
    long until = System.nanoTime() + 10_000_000_000L;
    long last = jit.getTotalCompilationTime();
    int quiet = 0;
    while (quiet < 3 && System.nanoTime() < until) {
      Thread.sleep(100);
      long now = jit.getTotalCompilationTime();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
  }

  /** Milliseconds the JIT compiler threads have spent so far. */
  private static long jit() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
