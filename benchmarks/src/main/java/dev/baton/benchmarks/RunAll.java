package dev.baton.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PipelineBenchmark} with 1 and with 2 threads and prints, from the numbers of this
 * run, the throughput of each variant and the ratios baton/rawDrools, batonExplained/baton and
 * baton/handWritten.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.baton.benchmarks.RunAll [JMH options]
 * </pre>
 *
 * Defaults: {@code -f 1 -wi 6 -w 5s -i 5 -r 5s} (Drools needs about 20 s of warm-up on 2
 * cores before its throughput settles, longer with 2 threads, which compete with the JIT
 * compiler threads); JMH options given on the command line (e.g.
 * {@code -wi 1 -i 2} for a quick look, {@code -prof stack}) take precedence, except {@code -t},
 * which this runner sets to 1, then 2.
 */
public final class RunAll {
  private static final List<String> VARIANTS = List.of("baton", "batonExplained",
      "batonPerPack", "rawDrools", "handWritten");

  private RunAll() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    String loadAtStart = loadAverage();
    Map<Integer, Map<String, RunResult>> results = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      // Values set on a builder win over its parent's, so defaults are set only where the
      // command line gives none.
      ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).threads(threads);
      if (cli.getIncludes().isEmpty()) {
        options.include(PipelineBenchmark.class.getName() + "\\.");
      }
      if (!cli.getForkCount().hasValue()) {
        options.forks(1);
      }
      if (!cli.getWarmupIterations().hasValue()) {
        options.warmupIterations(6);
      }
      if (!cli.getWarmupTime().hasValue()) {
        options.warmupTime(TimeValue.seconds(5));
      }
      if (!cli.getMeasurementIterations().hasValue()) {
        options.measurementIterations(5);
      }
      if (!cli.getMeasurementTime().hasValue()) {
        options.measurementTime(TimeValue.seconds(5));
      }
      Collection<RunResult> run = new Runner(options.build()).run();
      Map<String, RunResult> byVariant = new LinkedHashMap<>();
      for (RunResult r : run) {
        String name = r.getParams().getBenchmark();
        byVariant.put(name.substring(name.lastIndexOf('.') + 1), r);
      }
      results.put(threads, byVariant);
    }
    System.out.println(report(results));
    System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s %s (%s); load average at start %s,"
        + " at end %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("os.arch"), loadAtStart, loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The results tables and the ratios, as Markdown. */
  static String report(Map<Integer, Map<String, RunResult>> results) {
    StringBuilder b = new StringBuilder();
    b.append("\n## Pipeline evaluations per second (wall clock)\n\n");
    b.append("| variant | 1 thread (ops/s) | 2 threads (ops/s) | 2 threads / 1 thread |\n");
    b.append("| --- | ---: | ---: | ---: |\n");
    for (String v : VARIANTS) {
      Result<?> one = primary(results, 1, v);
      Result<?> two = primary(results, 2, v);
      if (one == null && two == null) {
        continue;
      }
      b.append("| ").append(v).append(" | ").append(cell(one)).append(" | ").append(cell(two))
          .append(" | ").append(one == null || two == null ? "-"
              : String.format(Locale.ROOT, "%.2f", two.getScore() / one.getScore()))
          .append(" |\n");
    }
    b.append("\n## Per CPU-second of the benchmark threads\n\n");
    b.append("ops/s divided by the cores the benchmark threads actually had (thread CPU time /"
        + " wall time, summed over threads): robust against other work on the machine.\n\n");
    b.append("| variant | 1 thread: cores used | 1 thread: ops per CPU-s"
        + " | 2 threads: cores used | 2 threads: ops per CPU-s |\n");
    b.append("| --- | ---: | ---: | ---: | ---: |\n");
    for (String v : VARIANTS) {
      if (primary(results, 1, v) == null && primary(results, 2, v) == null) {
        continue;
      }
      b.append("| ").append(v);
      for (int t : new int[] {1, 2}) {
        double cores = cores(results, t, v);
        b.append(" | ").append(Double.isNaN(cores) ? "-"
            : String.format(Locale.ROOT, "%.2f", cores));
        b.append(" | ").append(Double.isNaN(perCpu(results, t, v)) ? "-"
            : String.format(Locale.ROOT, "%,.0f", perCpu(results, t, v)));
      }
      b.append(" |\n");
    }
    b.append("\n## Ratios (same run)\n\n");
    b.append("| ratio | 1 thread | 2 threads | 1 thread, per CPU-s | 2 threads, per CPU-s |\n");
    b.append("| --- | ---: | ---: | ---: | ---: |\n");
    String[][] ratios = {{"baton", "rawDrools"}, {"batonExplained", "rawDrools"},
        {"batonExplained", "baton"}, {"batonPerPack", "rawDrools"}, {"baton", "batonPerPack"}, {"baton", "handWritten"},
        {"rawDrools", "handWritten"}};
    for (String[] r : ratios) {
      b.append("| ").append(r[0]).append(" / ").append(r[1]);
      for (int t : new int[] {1, 2}) {
        Result<?> x = primary(results, t, r[0]);
        Result<?> y = primary(results, t, r[1]);
        b.append(" | ").append(x == null || y == null ? "-"
            : String.format(Locale.ROOT, "%.3f", x.getScore() / y.getScore()));
      }
      for (int t : new int[] {1, 2}) {
        double q = perCpu(results, t, r[0]) / perCpu(results, t, r[1]);
        b.append(" | ").append(Double.isNaN(q) ? "-" : String.format(Locale.ROOT, "%.3f", q));
      }
      b.append(" |\n");
    }
    return b.toString();
  }

  private static Result<?> primary(Map<Integer, Map<String, RunResult>> results, int threads,
      String variant) {
    RunResult r = results.getOrDefault(threads, Map.of()).get(variant);
    return r == null ? null : r.getPrimaryResult();
  }

  /** Cores the benchmark threads had: their CPU nanoseconds per second, over 10^9. */
  private static double cores(Map<Integer, Map<String, RunResult>> results, int threads,
      String variant) {
    RunResult r = results.getOrDefault(threads, Map.of()).get(variant);
    Result<?> cpu = r == null ? null : r.getSecondaryResults().get("cpuNanos");
    return cpu == null ? Double.NaN : cpu.getScore() / 1e9;
  }

  private static double perCpu(Map<Integer, Map<String, RunResult>> results, int threads,
      String variant) {
    Result<?> p = primary(results, threads, variant);
    double cores = cores(results, threads, variant);
    return p == null || !(cores > 0) ? Double.NaN : p.getScore() / cores;
  }

  private static String cell(Result<?> r) {
    if (r == null) {
      return "-";
    }
    double err = r.getScoreError();
    return Double.isNaN(err)
        ? String.format(Locale.ROOT, "%,.0f", r.getScore())
        : String.format(Locale.ROOT, "%,.0f ± %,.0f", r.getScore(), err);
  }
}
