package dev.baton.benchmarks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/** What the decision-log harnesses measure and print alike: timed runs, process CPU, clean-up. */
final class HarnessFigures {
  private HarnessFigures() {}

  /** A timed run: operations, wall-clock seconds and each operation's latency. */
  record Result(long count, double seconds, double[] latenciesMs) {
    double perSecond() {
      return count / seconds;
    }

    double p50() {
      return percentile(0.50);
    }

    double p99() {
      return percentile(0.99);
    }

    double percentile(double p) {
      double[] sorted = latenciesMs.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }

  /** Waits until {@link System#nanoTime()} reaches {@code due}: a paced run's arrival. */
  static void parkUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
  }

  /** CPU time of this whole process (every thread: clients, writer, database, JIT, GC). */
  static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : -1;
  }

  /**
   * Cores the process used and operations per CPU-second of the process: on a machine shared
   * with other work, this stays comparable where the wall-clock rate does not.
   */
  static String cpu(long count, double seconds, long cpuNanos) {
    if (cpuNanos <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, "cores used %.2f, %,.0f per CPU-s",
        cpuNanos / 1e9 / seconds, count / (cpuNanos / 1e9));
  }

  static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e.getMessage());
    }
  }
}
