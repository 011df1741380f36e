package dev.baton.benchmarks.store;

import static dev.baton.benchmarks.store.HarnessFigures.cpu;
import static dev.baton.benchmarks.store.HarnessFigures.cpuNanos;
import static dev.baton.benchmarks.store.HarnessFigures.deleteTree;
import static dev.baton.benchmarks.store.HarnessFigures.parkUntil;

import dev.baton.benchmarks.store.HarnessFigures.Result;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.audit.DocumentCompression;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * The decision log's targets as ratios to floors measured in the same run, printed as one table:
 *
 * <ul>
 *   <li><b>record</b>: decisions evaluated and explained beforehand (not timed: each customer's
 *       once, then one request per record, see {@link Decided}) recorded durably
 *       by {@code --threads} clients, each waiting for its acknowledgement (peak rate). Floor:
 *       the same rows (read back from the log, not timed) written with plain JDBC by one thread
 *       into a fresh database of the same schema, with the same commit policy — transactions of
 *       the size the log's writer committed in the peak run (counted at the JDBC connection),
 *       each made durable through the same durable data source ({@link Databases#durable}:
 *       {@code CHECKPOINT} on H2, the commit itself on PostgreSQL). The floor with transactions
 *       of 64 is printed next to it;
 *   <li><b>p99 at half the peak</b>: a paced run, arrivals at 50 % of the peak rate measured
 *       just before (open loop: each record is due at its time, latency counts from then, so
 *       a stall is not hidden by the clients waiting). Floors: the same rows at the same rate
 *       with plain JDBC, one writer committing every row due in one durable transaction, into
 *       a fresh database and into one holding as many records as the log;
 *   <li><b>replay</b>: {@code replayer().replay(all)} of the whole log. Floor: evaluating and
 *       explaining ({@code nearestMisses()}) as many decisions from the same inputs, on as many
 *       threads as replay uses, from facts already in memory;
 *   <li><b>verify</b>: {@code verify()} of the whole log. Floor: reading the same rows of the
 *       same database with plain JDBC on all cores and hashing each row's bytes with SHA-256.
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.baton.benchmarks.store.DecisionLogRatios [--decisions N] [--threads T] [--rounds R]
 * [--documents deflate|store] [--db h2]}; {@code --documents} is the log's {@link
 * DocumentCompression} (deflate, the default, or store). H2 only: the write floor needs a fresh
 * database per measurement (PostgreSQL: {@link DecisionLogHarness}). Rounds repeat every phase;
 * the first rounds pay for the JIT, the table is printed per round. Every phase also prints the
 * process's CPU per operation.
 */
public final class DecisionLogRatios {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private DecisionLogRatios() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int decisions = Integer.parseInt(opts.getOrDefault("decisions", "20000"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "16"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
    String db = opts.getOrDefault("db", "h2");
    boolean h2 = db.equals("h2");
    if (!h2) {
      throw new IllegalArgumentException("--db " + db + ": the ratios run on H2 only (--db h2):"
          + " the write floor needs a fresh database of the log's schema per measurement."
          + " Measure PostgreSQL with DecisionLogHarness --db <jdbc-url>.");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    List<RulePack> pipeline = BundledTemplates.pipeline();
    List<List<Fact>> customers = DecisionLogHarness.customers(1000);
    RulesEngine engine = RulesEngine.create();
    pipeline.forEach(engine::prepare);
    DocumentCompression documents =
        DocumentCompression.parse(opts.getOrDefault("documents", "deflate"));
    DecisionLogOptions logOptions = DecisionLogOptions.defaults().withDocuments(documents);
    Decided decided = new Decided(engine, pipeline, customers);

    Path dir = h2 ? Files.createTempDirectory("baton-ratios-") : null;
    String url = h2 ? Databases.h2Url(dir) : db;
    System.out.printf("Decision log ratios: %d decisions, %d clients, %d rounds, %s, %d cores,"
        + " documents %s, Java %s%n", decisions, threads, rounds, h2 ? "H2 file" : url, cores,
        documents, System.getProperty("java.version"));
    System.out.println("load average at start: " + loadAverage());
    List<String> tables = new ArrayList<>();
    try (HikariDataSource pool = Databases.pooled(url)) {
      CommitCounter counter = new CommitCounter(pool);
      try (DecisionLog log = DecisionLog.open(BatonStore.open(counter), engine, logOptions)) {
        // warm-up of the recording path (not reported)
        record(log, decided.requests(Math.min(5000, decisions), "warm"),
            threads);
        for (int round = 1; round <= rounds; round++) {
          System.out.println("-- round " + round + ", load average " + loadAverage());
          // record: peak
          List<Evaluated> batch = decided.requests(decisions, "peak" + round);
          long commits0 = counter.commits.get();
          long c = cpuNanos();
          Result peak = record(log, batch, threads);
          long peakCpu = cpuNanos() - c;
          long commits = counter.commits.get() - commits0;
          double meanBatch = decisions / (double) Math.max(1, commits);
          line("record, peak, " + threads + " clients", peak, peakCpu);
          double peakPerCpu = decisions / (peakCpu / 1e9);
          System.out.printf(Locale.ROOT, "%-40s %d commits, %.1f records per commit%n",
              "  writer transactions", commits, meanBatch);

          // the floor: the same rows with plain JDBC, same commit policy
          List<RawJdbcBaseline.RawRow> rows = numbered(RawJdbcBaseline.readLast(pool,
              decisions), 0, null);
          int sameBatch = Math.max(1, (int) Math.round(meanBatch));
          double[] floorSame = floorWrite(url, h2, rows, sameBatch);
          double[] floor64 = floorWrite(url, h2, rows, 64);

          // paced at half the peak, and the same rows paced alike with plain JDBC
          batch = null;
          int pacedCount = (int) Math.min(decisions, Math.max(1000, peak.perSecond() * 10));
          List<Evaluated> paced = decided.requests(pacedCount, "half" + round);
          double rate = peak.perSecond() / 2;
          c = cpuNanos();
          Result half = paced(log, paced, threads, rate);
          line(String.format(Locale.ROOT, "record, paced at %.0f/s", rate), half,
              cpuNanos() - c);
          paced = null;
          Result halfFloor = floorPaced(rows.subList(0, pacedCount), rate, 0);
          // and into a file as large as the log's
          Result halfFloorFull = floorPaced(rows.subList(0, pacedCount), rate,
              RawJdbcBaseline.count(pool));
          rows = null;

          // replay and its floor
          long t = System.nanoTime();
          c = cpuNanos();
          ReplayReport replay = log.replayer().replay(ReplayScope.all());
          double replaySeconds = (System.nanoTime() - t) / 1e9;
          long replayCpu = cpuNanos() - c;
          double replayRate = replay.total() / replaySeconds;
          System.out.printf(Locale.ROOT, "%-40s %10.0f /s   (%d records, %d identical)   %s%n",
              "replay", replayRate, replay.total(), replay.identical(),
              cpu(replay.total(), replaySeconds, replayCpu));
          double replayPerCpu = replay.total() / (replayCpu / 1e9);
          double[] explainRate = evaluateAndExplain(engine, pipeline, customers,
              (int) replay.total(), logOptions.replayThreads());

          // verify and its floor, twice in turn (the first pair warms the database's cache for
          // both); the second pair is reported
          double verifyRate = 0;
          double verifyPerCpu = 0;
          double readRate = 0;
          double readPerCpu = 0;
          VerifyReport verify = null;
          for (int pass = 1; pass <= 2; pass++) {
            t = System.nanoTime();
            c = cpuNanos();
            verify = log.verify();
            double verifySeconds = (System.nanoTime() - t) / 1e9;
            long verifyCpu = cpuNanos() - c;
            verifyRate = verify.checked() / verifySeconds;
            verifyPerCpu = verify.checked() / (verifyCpu / 1e9);
            System.out.printf(Locale.ROOT, "%-40s %10.0f /s   (%d records, ok=%s)   %s%n",
                "verify, pass " + pass, verifyRate, verify.checked(), verify.ok(),
                cpu(verify.checked(), verifySeconds, verifyCpu));
            t = System.nanoTime();
            c = cpuNanos();
            readRate = RawJdbcBaseline.readAndHash(pool, verify.checked(), cores, h2);
            long readCpu = cpuNanos() - c;
            readPerCpu = verify.checked() / (readCpu / 1e9);
            System.out.printf(Locale.ROOT, "%-40s %10.0f /s   (%d rows, %d threads)   %s%n",
                "floor: read + SHA-256, pass " + pass, readRate, verify.checked(), cores,
                cpu(verify.checked(), (System.nanoTime() - t) / 1e9, readCpu));
          }

          StringBuilder table = new StringBuilder();
          table.append(String.format(Locale.ROOT, "%n| round %d, %s, documents %s, %d cores,"
              + " load %s | Baton | floor (same run) | Baton / floor | per CPU-s: Baton / floor"
              + " | target |%n| --- | ---: | ---: | ---: | ---: | --- |%n", round,
              h2 ? "H2 file" : "PostgreSQL", documents, cores, loadAverage()));
          table.append(String.format(Locale.ROOT, "| decisions recorded durably/s (%d clients,"
              + " %.1f per commit) | %.0f | %.0f (plain JDBC, same rows and schema, %d per"
              + " durable commit) | **%.2f** | %.0f / %.0f = %.2f | ≥ 0.6 |%n", threads,
              meanBatch, peak.perSecond(), floorSame[0], sameBatch,
              peak.perSecond() / floorSame[0], peakPerCpu, floorSame[1],
              peakPerCpu / floorSame[1]));
          table.append(String.format(Locale.ROOT, "| the same, against commits of 64 | %.0f |"
              + " %.0f | %.2f | %.0f / %.0f = %.2f | |%n", peak.perSecond(), floor64[0],
              peak.perSecond() / floor64[0], peakPerCpu, floor64[1], peakPerCpu / floor64[1]));
          table.append(String.format(Locale.ROOT, "| p99 at half the peak (paced %.0f/s,"
              + " achieved %.0f/s) | **%.2f ms** (p50 %.2f) | %.2f ms (p50 %.2f; plain JDBC,"
              + " same rows paced alike, one writer committing what is due; into a file as large"
              + " as the log's: %.2f ms, p50 %.2f) | | | ≤ 10 ms |%n",
              rate, half.perSecond(), half.p99(), half.p50(), halfFloor.p99(),
              halfFloor.p50(), halfFloorFull.p99(), halfFloorFull.p50()));
          table.append(String.format(Locale.ROOT, "| replay/s (%d threads) | %.0f | %.0f"
              + " (evaluate + explain alone) | **%.2f** | %.0f / %.0f = %.2f | ≥ 0.7 |%n",
              logOptions.replayThreads(), replayRate, explainRate[0],
              replayRate / explainRate[0], replayPerCpu, explainRate[1],
              replayPerCpu / explainRate[1]));
          table.append(String.format(Locale.ROOT, "| verify records/s | %.0f | %.0f (read +"
              + " SHA-256 alone, %d threads) | **%.2f** | %.0f / %.0f = %.2f | ≥ 0.9 |%n",
              verifyRate, readRate, cores, verifyRate / readRate, verifyPerCpu, readPerCpu,
              verifyPerCpu / readPerCpu));
          System.out.print(table);
          tables.add(table.toString());
          if (replay.identical() != replay.total() || !verify.ok()) {
            throw new IllegalStateException("Replay or verify found a problem: " + replay
                + " " + verify);
          }
        }
      }
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
    System.out.println("load average at end: " + loadAverage());
    System.out.println("\nAll rounds:");
    tables.forEach(System.out::print);
  }

  // ------------------------------------------------------------------------------ record

  /** An evaluation and its decision, evaluated and explained before the timed part. */
  private record Evaluated(Evaluation evaluation, Decision decision) {}

  /**
   * Each customer's decision, evaluated and explained once (not timed); {@link #requests} makes
   * as many requests of them as a phase records, each with its own request id. A request's
   * decision is the customer's decision with that request id: what the engine decides for the
   * same facts, pipeline and time (the request id is not an input of the rules), without the
   * harness evaluating and holding tens of thousands of explained decisions — kept alive, they
   * made the collector's young pauses, not the log, the paced run's p99 (copying ~700 MB of
   * them through the survivor spaces).
   */
  private static final class Decided {
    private final List<RulePack> pipeline;
    private final List<List<Fact>> customers;
    private final List<Decision> decisions = new ArrayList<>();

    Decided(RulesEngine engine, List<RulePack> pipeline, List<List<Fact>> customers) {
      this.pipeline = pipeline;
      this.customers = customers;
      for (List<Fact> facts : customers) {
        Decision d = engine.evaluate(Evaluation.of(pipeline, facts, NOW).by("base", "bench"));
        d.nearestMisses().size(); // the explanation is the evaluation's, not the log's
        decisions.add(d);
      }
    }

    List<Evaluated> requests(int count, String prefix) {
      String run = prefix + "-" + System.nanoTime();
      List<Evaluated> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int k = i % customers.size();
        Evaluation ev = Evaluation.of(pipeline, customers.get(k), NOW).by(run + "-" + i, "bench");
        Decision d = decisions.get(k);
        out.add(new Evaluated(ev, new Decision(ev.requestId(), d.actor(), d.now(), d.packs(),
            d.blocked(), d.actions(), d.vetoed(), d.blocks(), d.allows(), d.scores(), d.fired(),
            d.nearestMisses(), d.proofs())));
      }
      return out;
    }
  }

  private static Result record(DecisionLog log, List<Evaluated> evaluated, int threads)
      throws Exception {
    AtomicLong next = new AtomicLong();
    double[] latencies = new double[evaluated.size()];
    return run(evaluated.size(), threads, latencies, () -> {
      long i;
      while ((i = next.getAndIncrement()) < evaluated.size()) {
        long s = System.nanoTime();
        Evaluated e = evaluated.get((int) i);
        log.record(e.evaluation(), e.decision());
        latencies[(int) i] = (System.nanoTime() - s) / 1e6;
      }
    });
  }

  /** Records at {@code rate} per second (open loop); latency from when each was due. */
  private static Result paced(DecisionLog log, List<Evaluated> evaluated, int threads,
      double rate) throws Exception {
    AtomicLong next = new AtomicLong();
    double[] latencies = new double[evaluated.size()];
    double interval = 1e9 / rate;
    long[] start = new long[1];
    start[0] = System.nanoTime() + 1_000_000;
    return run(evaluated.size(), threads, latencies, () -> {
      long i;
      while ((i = next.getAndIncrement()) < evaluated.size()) {
        long due = start[0] + (long) (i * interval);
        parkUntil(due);
        Evaluated e = evaluated.get((int) i);
        log.record(e.evaluation(), e.decision());
        latencies[(int) i] = (System.nanoTime() - due) / 1e6;
      }
    });
  }

  private static Result run(int count, int threads, double[] latencies, Runnable client)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(client));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(count, (System.nanoTime() - start) / 1e9, latencies);
  }

  /**
   * The paced run's floor: the same rows at the same rate into a fresh database of the log's
   * schema, written with plain JDBC by one thread that commits every row due (at most 64) in
   * one durable transaction ({@link RawJdbcBaseline#paced}); latencies from when each was due.
   * With {@code before} &gt; 0, that many rows (copies of these with other ids) are written
   * first, untimed, so that the file holds as many records as the log's: its B-trees are as
   * deep, its checkpoints rewrite as much.
   */
  private static Result floorPaced(List<RawJdbcBaseline.RawRow> rows, double rate,
      long before) throws Exception {
    Path dir = Files.createTempDirectory("baton-floor-");
    try (HikariDataSource ds = Databases.pooled(Databases.h2Url(dir))) {
      BatonStore store = BatonStore.open(ds);
      List<RawJdbcBaseline.RawRow> timed = rows;
      String what = String.format(Locale.ROOT, "floor: plain JDBC, paced at %.0f/s", rate);
      if (before > 0) {
        long written = 0;
        while (written < before) {
          List<RawJdbcBaseline.RawRow> part = numbered(rows.subList(0,
              (int) Math.min(rows.size(), before - written)), written, "before" + written + "-");
          RawJdbcBaseline.write(store, part, 64, false, RawJdbcBaseline.Indexes.ALL);
          written += part.size();
        }
        timed = numbered(rows, written, "timed-");
        what = String.format(Locale.ROOT, "  the same after %d rows", before);
      }
      long c = cpuNanos();
      long t = System.nanoTime();
      double[] latencies = RawJdbcBaseline.paced(store, timed, rate, 64);
      Result r = new Result(timed.size(), (System.nanoTime() - t) / 1e9, latencies);
      line(what, r, cpuNanos() - c);
      return r;
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The rows numbered from {@code last + 1} in their order; with a {@code prefix}, with new
   * decision ids and request ids prefixed (rows beside those of the same run). Numbered from 1,
   * they make a complete chain in a fresh floor database.
   */
  private static List<RawJdbcBaseline.RawRow> numbered(List<RawJdbcBaseline.RawRow> rows,
      long last, String prefix) {
    List<RawJdbcBaseline.RawRow> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] values = rows.get(i).values().clone();
      long sequence = last + i + 1;
      values[0] = sequence;
      if (prefix != null) {
        values[1] = java.util.UUID.randomUUID().toString();
        values[2] = prefix + values[2];
      }
      List<Object[]> packs = new ArrayList<>();
      for (Object[] pack : rows.get(i).packs()) {
        Object[] copy = pack.clone();
        copy[0] = sequence;
        packs.add(copy);
      }
      out.add(new RawJdbcBaseline.RawRow(values, packs));
    }
    return out;
  }

  /**
   * Plain JDBC into a fresh database of the log's schema (a new H2 file; on PostgreSQL the
   * tables are emptied first), transactions of {@code batch} rows, each committed durably by the
   * durable data source; returns rows per second.
   */
  private static double[] floorWrite(String url, boolean h2,
      List<RawJdbcBaseline.RawRow> rows, int batch) throws Exception {
    Path dir = h2 ? Files.createTempDirectory("baton-floor-") : null;
    try (HikariDataSource ds = Databases.pooled(h2 ? Databases.h2Url(dir) : url)) {
      BatonStore store = BatonStore.open(ds);
      if (!h2) {
        throw new IllegalArgumentException("The write floor needs an empty database of the"
            + " log's schema: run the ratios on H2 (--db h2), or measure PostgreSQL with"
            + " DecisionLogHarness.");
      }
      long c = cpuNanos();
      long t = System.nanoTime();
      // the durable data source checkpoints each commit: no extra CHECKPOINT (h2 = false)
      double rate = RawJdbcBaseline.write(store, rows, batch, false,
          RawJdbcBaseline.Indexes.ALL);
      long used = cpuNanos() - c;
      System.out.printf(Locale.ROOT, "%-40s %10.0f /s   (%d rows)   %s%n",
          "floor: plain JDBC, " + batch + " per commit", rate, rows.size(),
          cpu(rows.size(), (System.nanoTime() - t) / 1e9, used));
      return new double[] {rate, rows.size() / (used / 1e9)};
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  // ------------------------------------------------------------------------------ replay

  /**
   * Evaluates and explains {@code count} decisions of the same inputs on {@code threads}
   * threads, the facts in memory: what replay does at least per record; returns decisions per
   * second and per CPU-second of the process.
   */
  private static double[] evaluateAndExplain(RulesEngine engine, List<RulePack> pipeline,
      List<List<Fact>> customers, int count, int threads) throws Exception {
    AtomicLong next = new AtomicLong();
    long c = cpuNanos();
    Result r = run(count, threads, new double[0], () -> {
      long i;
      while ((i = next.getAndIncrement()) < count) {
        Evaluation ev = Evaluation.of(pipeline, customers.get((int) (i % customers.size())),
            NOW).by("explain-" + i, "bench");
        engine.evaluate(ev).nearestMisses().size();
      }
    });
    long used = cpuNanos() - c;
    System.out.printf(Locale.ROOT, "%-40s %10.0f /s   (%d decisions, %d threads)   %s%n",
        "floor: evaluate + explain", r.perSecond(), count, threads, cpu(count, r.seconds(), used));
    return new double[] {r.perSecond(), count / (used / 1e9)};
  }

  // ------------------------------------------------------------------------------ helpers

  /** A data source whose connections count their commits (the log's writer transactions). */
  private static final class CommitCounter implements DataSource {
    private final DataSource target;
    final AtomicLong commits = new AtomicLong();

    CommitCounter(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return counting(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password)
        throws java.sql.SQLException {
      return counting(target.getConnection(user, password));
    }

    private Connection counting(Connection c) {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("commit") && method.getParameterCount() == 0) {
              commits.incrementAndGet();
            }
            try {
              return method.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws java.sql.SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws java.sql.SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws java.sql.SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws java.sql.SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger()
        throws java.sql.SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
      return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws java.sql.SQLException {
      return target.isWrapperFor(iface);
    }
  }


  private static void line(String what, Result r, long cpuNanos) {
    // ended at the JVM's uptime, to find the phase in a -Xlog:gc log
    double ended = uptime();
    System.out.printf(Locale.ROOT, "%-40s %10.0f /s   p50 %6.2f ms   p99 %6.2f ms   %s"
        + "   (%.1f-%.1f s)%n", what, r.perSecond(), r.p50(), r.p99(),
        cpu(r.count(), r.seconds(), cpuNanos), ended - r.seconds(), ended);
  }

  private static double uptime() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }


  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

}
