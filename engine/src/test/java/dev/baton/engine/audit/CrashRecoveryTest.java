package dev.baton.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import dev.baton.engine.store.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability: a child JVM records decisions from 4 threads and is killed with SIGKILL while it
 * does; every decision it acknowledged must be in the log once, and the chain must verify.
 */
class CrashRecoveryTest {
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedDecisionOnceWhenTheRecordingProcessIsKilled(String db)
      throws Exception {
    try (Database database = Database.create(db)) {
      // given: a child process recording decisions from 4 threads
      Path childLog = Files.createTempFile("baton-recording-child-", ".log");
      Process child = new ProcessBuilder(javaCommand(), "-cp",
          System.getProperty("java.class.path"), RecordingChild.class.getName(), database.url,
          database.user, database.password, "KILL", "4")
          .redirectError(childLog.toFile())
          .start();
      Set<String> acknowledged = new LinkedHashSet<>();
      try {
        BlockingQueue<String> lines = lines(child);
        // A deadline for the child JVM to start, migrate its schema and record (not a timing
        // goal): on a loaded 2-core machine the start alone took over a minute.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
          String line = lines.poll(Math.max(1, deadline - System.nanoTime()),
              TimeUnit.NANOSECONDS);
          assertThat(line).as("the child stopped or was too slow after %d acknowledgements;"
              + " its log: %s", acknowledged.size(), childLog).isNotNull().isNotEqualTo("EOF");
          if (line.startsWith("ACK ")) {
            acknowledged.add(line.substring(4));
          }
        }
      } finally {
        // when: SIGKILL while its threads are recording
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(child.isAlive()).isFalse();

      // then: every acknowledged decision is there once, and the chain verifies
      try (HikariDataSource ds = database.open();
          DecisionLog log = DecisionLog.open(BatonStore.open(ds), AuditFixtures.engine())) {
        Map<String, Integer> recorded = new HashMap<>();
        List<Long> sequences = new ArrayList<>();
        log.forEach(DecisionQuery.all(), r -> {
          recorded.merge(r.requestId(), 1, Integer::sum);
          sequences.add(r.sequence());
        });
        assertThat(recorded.keySet()).containsAll(acknowledged);
        assertThat(recorded.values()).allMatch(n -> n == 1);
        assertThat(sequences).hasSize(recorded.size());
        assertThat(sequences.get(sequences.size() - 1)).isEqualTo(sequences.size());
        assertThat(log.verify()).isEqualTo(VerifyReport.passed(sequences.size()));

        // and recording goes on: a retry of an acknowledged request is a duplicate, new ones
        // extend the chain
        String retried = acknowledged.iterator().next();
        assertThat(AuditFixtures.decide(log, retried,
            AuditFixtures.customer("C-retry", Profile.QUIET, true)).duplicate()).isTrue();
        for (int i = 0; i < 20; i++) {
          RecordedDecision ack = AuditFixtures.decide(log, "AFTER-" + i,
              AuditFixtures.customer("C-after-" + i, Profile.values()[i % 6], true));
          assertThat(ack.sequence()).isEqualTo(sequences.size() + i + 1L);
        }
        assertThat(log.verify()).isEqualTo(VerifyReport.passed(sequences.size() + 20L));
      }
      Files.deleteIfExists(childLog);
    }
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The child's stdout, line by line, then "EOF". */
  private static BlockingQueue<String> lines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the child was killed
      }
      lines.add("EOF");
    }, "recording-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** A database the child can open: H2 only while this JVM does not hold the file. */
  private record Database(String url, String user, String password, HikariDataSource pg,
      Path h2Dir) implements AutoCloseable {

    static Database create(String db) throws IOException {
      if (db.equals("h2")) {
        Path dir = Files.createTempDirectory("baton-crash-");
        return new Database(Databases.h2Url(dir), "-", "-", null, dir);
      }
      HikariDataSource ds = TestDatabases.fresh(db);
      return new Database(ds.getJdbcUrl(), ds.getUsername(),
          ds.getPassword() == null || ds.getPassword().isEmpty() ? "-" : ds.getPassword(), ds,
          null);
    }

    HikariDataSource open() {
      return Databases.pooled(url, "-".equals(user) ? null : user,
          "-".equals(password) ? null : password);
    }

    @Override
    public void close() throws IOException {
      if (pg != null) {
        pg.close();
      }
      if (h2Dir != null) {
        try (var files = Files.walk(h2Dir)) {
          for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
