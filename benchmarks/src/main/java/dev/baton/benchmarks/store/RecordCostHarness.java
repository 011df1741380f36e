package dev.baton.benchmarks.store;

import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * What a recorded decision costs before the database sees it, step by step on one thread: the
 * evaluation, its nearest misses (computed when first read), the compact decision JSON the log
 * stores, its zlib compression at the log's level and the SHA-256 of the compressed bytes. Each
 * step runs over the same decisions in turn; the first rounds are warm-up. Usage: {@code java
 * -cp benchmarks/target/benchmarks.jar dev.baton.benchmarks.store.RecordCostHarness [rounds]
 * [decisions per round]}.
 */
public final class RecordCostHarness {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private RecordCostHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    List<RulePack> pipeline = BundledTemplates.pipeline();
    RulesEngine engine = RulesEngine.create();
    pipeline.forEach(engine::prepare);
    List<List<Fact>> customers = DecisionLogHarness.customers(1000);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    byte[] buffer = new byte[1 << 16];
    System.out.printf("Record cost, one thread, %d decisions per round, %d cores, %s%n", n,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (int round = 1; round <= rounds; round++) {
      List<Decision> decisions = new ArrayList<>(n);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        decisions.add(engine.evaluate(Evaluation.of(pipeline, customers.get(i % 1000), NOW)
            .by("cost-" + round + "-" + i, "bench")));
      }
      long t1 = System.nanoTime();
      long misses = 0;
      for (Decision d : decisions) {
        misses += d.nearestMisses().size();
      }
      long t2 = System.nanoTime();
      List<byte[]> json = new ArrayList<>(n);
      for (Decision d : decisions) {
        json.add(d.toCompactJson().getBytes(StandardCharsets.UTF_8));
      }
      long t3 = System.nanoTime();
      List<byte[]> compressed = new ArrayList<>(n);
      for (byte[] in : json) {
        deflater.reset();
        deflater.setInput(in);
        deflater.finish();
        int k = deflater.deflate(buffer);
        compressed.add(Arrays.copyOf(buffer, k));
      }
      long t4 = System.nanoTime();
      for (byte[] z : compressed) {
        sha.update(z);
        sha.digest();
      }
      long t5 = System.nanoTime();
      long jsonBytes = json.stream().mapToLong(b -> b.length).sum();
      long zipBytes = compressed.stream().mapToLong(b -> b.length).sum();
      System.out.printf(Locale.ROOT, "round %d%s, µs per decision: evaluate %.1f, nearest misses"
          + " %.1f (%.1f per decision), compact JSON %.1f (%d bytes), deflate %.1f (to %d bytes),"
          + " SHA-256 %.1f%n", round, round <= rounds / 2 ? " (warm-up)" : "",
          us(t1 - t0, n), us(t2 - t1, n), misses / (double) n, us(t3 - t2, n), jsonBytes / n,
          us(t4 - t3, n), zipBytes / n, us(t5 - t4, n));
    }
  }

  private static double us(long nanos, int n) {
    return nanos / 1e3 / n;
  }
}
