package dev.baton.benchmarks.store;

import static dev.baton.benchmarks.store.HarnessFigures.cpu;
import static dev.baton.benchmarks.store.HarnessFigures.cpuNanos;
import static dev.baton.benchmarks.store.HarnessFigures.deleteTree;

import dev.baton.benchmarks.store.HarnessFigures.Result;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Measures the decision log: durable recording (throughput and latency per acknowledged
 * record), replay and verify, against a baseline measured in the same run (the same
 * evaluations without recording). Recording is measured twice: evaluate + record per client
 * (what an application sees), and record only, of decisions evaluated beforehand and not timed
 * (the log's own rate). Every phase also prints process CPU time per operation, which stays
 * comparable on a machine shared with other work where wall-clock rates do not. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.baton.benchmarks.store.DecisionLogHarness
 * [--decisions N] [--threads T] [--append-threads T] [--only all|append] [--repeat R]
 * [--db h2|<jdbc-url>]}; {@code --repeat} runs the record-only phase and the replay of
 * {@code --only append} R times.
 */
public final class DecisionLogHarness {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private DecisionLogHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int decisions = Integer.parseInt(opts.getOrDefault("decisions", "50000"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "16"));
    String db = opts.getOrDefault("db", "h2");
    int appendThreads = Integer.parseInt(opts.getOrDefault("append-threads",
        String.valueOf(threads)));
    // "append": only the record-only phase, verify and replay (the log's own paths)
    boolean appendOnly = opts.getOrDefault("only", "all").equals("append");
    int repeat = Integer.parseInt(opts.getOrDefault("repeat", "1"));
    List<RulePack> pipeline = BundledTemplates.pipeline();
    List<List<Fact>> customers = customers(1000);
    RulesEngine engine = RulesEngine.create();
    pipeline.forEach(engine::prepare);

    String url;
    Path dir = null;
    if (db.equals("h2")) {
      dir = Files.createTempDirectory("baton-bench-");
      url = Databases.h2Url(dir);
    } else {
      url = db;
    }
    System.out.printf("Decision log harness: %d decisions, %d client threads, %s, %d cores, %s%n",
        decisions, threads, db.equals("h2") ? "H2 file " + dir : url,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    try {
      try (HikariDataSource ds = Databases.pooled(url);
          DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine)) {
        // warm-up: evaluation and recording paths
        run(engine, null, pipeline, customers, Math.min(5000, decisions), threads, "warm");
        run(engine, log, pipeline, customers, Math.min(5000, decisions), threads, "warm");
        append(log, evaluate(engine, pipeline, customers, Math.min(5000, decisions), "warm-app"),
            appendThreads);
        if (appendOnly) {
          // repeated: the first rounds still pay for the JIT compiling the recording path
          for (int round = 1; round <= repeat; round++) {
            List<Evaluated> evaluated = evaluate(engine, pipeline, customers, decisions, "app");
            System.out.println("load average at start: " + loadAverage());
            long c = cpuNanos();
            Result appended = append(log, evaluated, appendThreads);
            line("record only (pre-evaluated), " + appendThreads + " clients"
                + (repeat > 1 ? ", round " + round : ""), appended, cpuNanos() - c);
          }
          double verified = verify(log);
          // replay of the whole log, as often: its first run compiles the replay path
          for (int round = 1; round <= repeat; round++) {
            replay(log, "replay" + (repeat > 1 ? ", round " + round : ""));
          }
          if (db.equals("h2")) {
            rawBaseline(ds, decisions, verified);
          }
          System.out.println("load average at end: " + loadAverage());
          return;
        }

        System.out.println("load average at start: " + loadAverage());
        long c0 = cpuNanos();
        Result baseline = run(engine, null, pipeline, customers, decisions, threads, "base");
        long c1 = cpuNanos();
        Result recorded = run(engine, log, pipeline, customers, decisions, threads, "rec");
        long c2 = cpuNanos();
        // the log alone: the same number of decisions evaluated first (not timed), then recorded
        List<Evaluated> evaluated = evaluate(engine, pipeline, customers, decisions, "app");
        long c3 = cpuNanos();
        Result appended = append(log, evaluated, appendThreads);
        long c4 = cpuNanos();
        evaluated = null;
        line("evaluate only (baseline)", baseline, c1 - c0);
        line("evaluate + record durably", recorded, c2 - c1);
        line("record only, " + appendThreads + " clients", appended, c4 - c3);
        System.out.printf("%-34s %10.2f  (per CPU-s %.2f)%n", "evaluate+record / baseline",
            recorded.perSecond() / baseline.perSecond(),
            perCpuSecond(recorded.count(), c2 - c1) / perCpuSecond(baseline.count(), c1 - c0));
        System.out.printf("%-34s %10.2f  (per CPU-s %.2f)%n", "record only / baseline",
            appended.perSecond() / baseline.perSecond(),
            perCpuSecond(appended.count(), c4 - c3) / perCpuSecond(baseline.count(), c1 - c0));
        System.out.println("load average after recording: " + loadAverage());

        replay(log, "replay");
        verify(log);
        System.out.println("load average at end: " + loadAverage());
      }
    } finally {
      // the log of a run is ~1 GB: a folder left per run fills the disk
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /**
   * The database's own floor for the same rows (see {@link RawJdbcBaseline}): the last
   * {@code decisions} records written again with plain JDBC into fresh H2 files of the same
   * schema, in batches of 64 and 512, with all, some or none of the secondary indexes; then
   * read back and hashed. Printed next to Baton's figures of the same run.
   */
  private static void rawBaseline(HikariDataSource recorded, int decisions, double batonVerify)
      throws Exception {
    List<RawJdbcBaseline.RawRow> rows = RawJdbcBaseline.readLast(recorded, decisions);
    // renumber from 1 so that each copy is a complete chain of its own
    List<RawJdbcBaseline.RawRow> numbered = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] values = rows.get(i).values().clone();
      values[0] = (long) (i + 1);
      List<Object[]> packs = new ArrayList<>();
      for (Object[] pack : rows.get(i).packs()) {
        Object[] copy = pack.clone();
        copy[0] = (long) (i + 1);
        packs.add(copy);
      }
      numbered.add(new RawJdbcBaseline.RawRow(values, packs));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    for (int batch : new int[] {64, 512}) {
      for (RawJdbcBaseline.Indexes indexes : RawJdbcBaseline.Indexes.values()) {
        Path dir = Files.createTempDirectory("baton-raw-");
        try (HikariDataSource ds = Databases.pooled(Databases.h2Url(dir))) {
          BatonStore store = BatonStore.open(ds);
          long c = cpuNanos();
          long t = System.nanoTime();
          double rate = RawJdbcBaseline.write(store, numbered, batch, true, indexes);
          String label = "raw JDBC write, batch " + batch + switch (indexes) {
            case ALL -> "";
            case NO_REQUEST_OR_CUSTOMER -> ", no req/cust idx";
            case KEY_ONLY -> ", key only";
          };
          System.out.printf("%-34s %10.0f /s   (%d rows, commit + CHECKPOINT per batch)   %s%n",
              label, rate, numbered.size(),
              cpu(numbered.size(), (System.nanoTime() - t) / 1e9, cpuNanos() - c));
          if (batch == 64 && indexes == RawJdbcBaseline.Indexes.ALL) {
            c = cpuNanos();
            t = System.nanoTime();
            double read = RawJdbcBaseline.readAndHash(ds, numbered.size(), cores, true);
            System.out.printf("%-34s %10.0f /s   (Baton verify, same run: %.0f /s)   %s%n",
                "raw JDBC read + SHA-256, " + cores + " thr", read, batonVerify,
                cpu(numbered.size(), (System.nanoTime() - t) / 1e9, cpuNanos() - c));
          }
        } finally {
          deleteTree(dir);
        }
      }
    }
  }

  /** Replays the whole log and prints its rate and how many came out identical. */
  private static void replay(DecisionLog log, String label) {
    long t = System.nanoTime();
    long c = cpuNanos();
    ReplayReport replay = log.replayer().replay(ReplayScope.all());
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf("%-34s %10.0f /s   (%d records, %d identical)   %s%n", label,
        replay.total() / seconds, replay.total(), replay.identical(),
        cpu(replay.total(), seconds, cpuNanos() - c));
  }

  /** Verifies the chain, prints its rate and returns it (records per second). */
  private static double verify(DecisionLog log) {
    long t = System.nanoTime();
    long c = cpuNanos();
    VerifyReport verify = log.verify();
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf("%-34s %10.0f /s   (%d records, ok=%s)   %s%n", "verify",
        verify.checked() / seconds, verify.checked(), verify.ok(),
        cpu(verify.checked(), seconds, cpuNanos() - c));
    return verify.checked() / seconds;
  }

  /** Deletes a folder and what it holds; what cannot be deleted is reported and left. */



  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }


  private static void line(String what, Result r, long cpuNanos) {
    System.out.printf("%-34s %10.0f /s   p50 %6.2f ms   p99 %6.2f ms   %s%n", what,
        r.perSecond(), r.p50(), r.p99(), cpu(r.count(), r.seconds(), cpuNanos));
  }

  private static double perCpuSecond(long count, long cpuNanos) {
    return count / (cpuNanos / 1e9);
  }

  /** An evaluation and its decision, made before the timed part. */
  private record Evaluated(Evaluation evaluation, Decision decision) {}

  private static List<Evaluated> evaluate(RulesEngine engine, List<RulePack> pipeline,
      List<List<Fact>> customers, int count, String prefix) {
    String run = prefix + "-" + System.nanoTime();
    List<Evaluated> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Evaluation ev = Evaluation.of(pipeline, customers.get(i % customers.size()), NOW)
          .by(run + "-" + i, "bench");
      out.add(new Evaluated(ev, engine.evaluate(ev)));
    }
    return out;
  }

  /** Records pre-evaluated decisions from {@code threads} clients; latency per acknowledgement. */
  private static Result append(DecisionLog log, List<Evaluated> evaluated, int threads)
      throws Exception {
    return timed(evaluated.size(), threads, i -> {
      Evaluated e = evaluated.get(i);
      log.record(e.evaluation(), e.decision());
    });
  }

  private static Result run(RulesEngine engine, DecisionLog log, List<RulePack> pipeline,
      List<List<Fact>> customers, int count, int threads, String prefix) throws Exception {
    String run = prefix + "-" + System.nanoTime();
    return timed(count, threads, i -> {
      Evaluation ev = Evaluation.of(pipeline, customers.get(i % customers.size()), NOW)
          .by(run + "-" + i, "bench");
      Decision d = engine.evaluate(ev);
      if (log != null) {
        log.record(ev, d);
      }
    });
  }

  /** Runs operations 0..count-1 on {@code threads} clients, each timed (ms). */
  private static Result timed(int count, int threads, IntConsumer operation) throws Exception {
    AtomicLong next = new AtomicLong();
    double[] latencies = new double[count];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long i;
        while ((i = next.getAndIncrement()) < count) {
          long s = System.nanoTime();
          operation.accept((int) i);
          latencies[(int) i] = (System.nanoTime() - s) / 1e6;
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(count, seconds, latencies);
  }

  /** Customers with varied signals, visits and consents, so that different rules fire. */
  static List<List<Fact>> customers(int n) {
    List<List<Fact>> out = new ArrayList<>();
    String[] kinds = {"WEBSITE_HEATMAP", "COMMUNITY_KEYWORD", "COMPETITOR_COMPARISON_DOWNLOAD",
        "RATING_CHANGE"};
    for (int i = 0; i < n; i++) {
      String id = "C-" + i;
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("Customer", Map.of("customerId", id, "name", "Customer " + i,
          "region", i % 2 == 0 ? "East" : "North")));
      for (int k = 0; k < i % 5; k++) {
        facts.add(new Fact("BehaviourSignal", Map.of("customerId", id, "kind", kinds[k % 4],
            "detail", "d", "occurredAt", NOW.minusSeconds(86_400L * (1 + k)).toString())));
      }
      facts.add(new Fact("VisitRequest", Map.of("requestId", "V-" + i, "customerId", id,
          "repId", "R-1", "plannedDate", "2026-12-01", "channel", "WECOM",
          "dealSize", new BigDecimal(100_000 * (1 + i % 15)), "riskLevel",
          i % 7 == 0 ? "HIGH" : "LOW")));
      facts.add(new Fact("Consent", Map.of("customerId", id, "channel", "WECHAT",
          "purpose", "MARKETING", "status", i % 3 == 0 ? "WITHDRAWN" : "GRANTED",
          "source", "WECHAT_AUTHORIZATION", "evidenceId", "EV-" + i,
          "recordedAt", NOW.minusSeconds(86_400L * 30).toString())));
      out.add(facts);
    }
    return out;
  }
}
