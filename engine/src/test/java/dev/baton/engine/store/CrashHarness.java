package dev.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The crash test of every store: a child JVM writes in a loop and prints {@code ACK <id>} for
 * every write the store acknowledged; the test kills it with SIGKILL
 * ({@link Process#destroyForcibly()}) while it writes, opens the database again and checks that
 * every acknowledged id is there exactly once ({@link #assertKeptOnce}).
 *
 * <p>The child's side is {@link #writeUntilKilled}: its {@code main} opens the database from its
 * arguments ({@link #dataSource(String[])}) and loops. The parent's side is {@link #run}.
 */
public final class CrashHarness {
  /** How long the child may take to start and acknowledge enough (not a timing goal: a loaded
   * 2-core machine took over a minute to start a JVM with the engine). */
  private static final long DEADLINE_SECONDS = 180;

  private CrashHarness() {}

  /** A fresh database that a child JVM can open: H2 only while this JVM does not hold the file. */
  public record CrashDatabase(String url, String user, String password, HikariDataSource pg,
      Path h2Dir) implements AutoCloseable {

    /** A new, empty database of that kind ({@link TestDatabases#names()}). */
    public static CrashDatabase create(String name) throws IOException {
      if (name.equals("h2")) {
        Path dir = Files.createTempDirectory("baton-crash-");
        return new CrashDatabase(Databases.h2Url(dir), "-", "-", null, dir);
      }
      HikariDataSource ds = TestDatabases.fresh(name);
      return new CrashDatabase(ds.getJdbcUrl(), ds.getUsername(),
          ds.getPassword() == null || ds.getPassword().isEmpty() ? "-" : ds.getPassword(), ds,
          null);
    }

    /** The arguments {@link CrashHarness#dataSource(String[])} reads: url, user, password. */
    public List<String> args() {
      return List.of(url, user, password);
    }

    /** A pool on the database (after the child is dead). */
    public HikariDataSource open() {
      return Databases.pooled(url, "-".equals(user) ? null : user,
          "-".equals(password) ? null : password);
    }

    @Override
    public void close() {
      if (pg != null) {
        pg.close();
      }
      if (h2Dir != null) {
        TestDatabases.deleteQuietly(h2Dir);
      }
    }
  }

  /** What the child printed before it was killed: acknowledged ids in order, other lines. */
  public record Run(List<String> acknowledged, List<String> lines) {
    public Run {
      acknowledged = List.copyOf(acknowledged);
      lines = List.copyOf(lines);
    }

    /** The ids of lines {@code <prefix> <id>}. */
    public List<String> linesAfter(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix + " "))
          .map(l -> l.substring(prefix.length() + 1)).toList();
    }
  }

  /**
   * Starts {@code child}'s {@code main} with the database's arguments and then {@code args},
   * reads its output until {@code acks} writes were acknowledged, and kills it with SIGKILL.
   */
  public static Run run(Class<?> child, CrashDatabase db, int acks, String... args)
      throws Exception {
    return run(child, db, lines -> lines.stream().filter(l -> l.startsWith("ACK ")).count()
        >= acks, args);
  }

  /** As {@link #run(Class, CrashDatabase, int, String...)}, killing when {@code enough}. */
  public static Run run(Class<?> child, CrashDatabase db, Predicate<List<String>> enough,
      String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        child.getName()));
    command.addAll(db.args());
    command.addAll(List.of(args));
    Path childLog = Files.createTempFile("baton-crash-child-", ".log");
    Process process = new ProcessBuilder(command).redirectError(childLog.toFile()).start();
    List<String> seen = new ArrayList<>();
    Set<String> acknowledged = new LinkedHashSet<>();
    BlockingQueue<String> lines = lines(process);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (!enough.test(seen)) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        assertThat(line).as("the child %s stopped or was too slow after %d acknowledgements;"
            + " its log: %s", child.getSimpleName(), acknowledged.size(), childLog).isNotNull().isNotEqualTo("EOF");
        assertThat(line).as("a write of the child %s failed before the kill; its log: %s",
            child.getSimpleName(), childLog).doesNotStartWith("FAILED");
        take(line, seen, acknowledged);
      }
    } finally {
      // SIGKILL while its threads write
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(process.isAlive()).isFalse();
    // what the child printed before it died but was not read yet (still in the pipe or the
    // queue) happened before the kill too: an acknowledgement there was given, a step there ran
    for (String line = lines.poll(10, TimeUnit.SECONDS); line != null && !line.equals("EOF");
        line = lines.poll(10, TimeUnit.SECONDS)) {
      take(line, seen, acknowledged);
    }
    Files.deleteIfExists(childLog);
    return new Run(new ArrayList<>(acknowledged), seen);
  }

  /** A line the child printed: seen, and an acknowledgement when it is one. */
  private static void take(String line, List<String> seen, Set<String> acknowledged) {
    seen.add(line);
    if (line.startsWith("ACK ")) {
      acknowledged.add(line.substring(4));
    }
  }

  /**
   * Every acknowledged id is among the found ones, and no id was found twice: nothing
   * acknowledged was lost, nothing was stored twice.
   */
  public static void assertKeptOnce(Collection<String> acknowledged, Collection<String> found) {
    Map<String, Integer> counts = new HashMap<>();
    found.forEach(id -> counts.merge(id, 1, Integer::sum));
    assertThat(acknowledged).as("acknowledged before the kill").isNotEmpty();
    List<String> lost = acknowledged.stream().filter(id -> !counts.containsKey(id)).toList();
    assertThat(lost).as("acknowledged (%d) but not found after the crash (%d found)",
        acknowledged.size(), counts.size()).isEmpty();
    assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
        .toList()).as("stored more than once").isEmpty();
  }

  // --- the child's side

  /** The child's data source from its first three arguments (url, user, password; - for none). */
  public static HikariDataSource dataSource(String[] args) {
    return Databases.pooled(args[0], "-".equals(args[1]) ? null : args[1],
        "-".equals(args[2]) ? null : args[2]);
  }

  private static final PrintStream OUT = new PrintStream(System.out, false,
      StandardCharsets.UTF_8);

  /** Prints a line for the parent (flushed at once: the process is killed at any moment). */
  public static void print(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }

  /** One write of the child's loop; returns the id the store acknowledged. */
  @FunctionalInterface
  public interface Write {
    String write(int thread, int i) throws Exception;
  }

  /** Runs {@code write} in a loop on {@code threads} threads, printing ACK for each, until killed. */
  public static void writeUntilKilled(int threads, Write write) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread w = new Thread(() -> {
        for (int i = 0; ; i++) {
          try {
            print("ACK " + write.write(thread, i));
          } catch (Exception e) {
            e.printStackTrace();
            print("FAILED " + e);
            return;
          }
        }
      }, "crash-writer-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  private static BlockingQueue<String> lines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
          if (c == '\n') {
            lines.add(line.toString());
            line.setLength(0);
          } else {
            line.append((char) c);
          }
        }
        if (line.length() > 0) {
          // cut off by the kill: not a whole line, so no acknowledgement of anything
          lines.add("PARTIAL " + line);
        }
      } catch (IOException e) {
        // the child was killed
      }
      lines.add("EOF");
    }, "crash-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
