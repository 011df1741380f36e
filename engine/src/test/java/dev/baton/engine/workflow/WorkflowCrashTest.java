package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.Databases;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.CamundaClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability: a child JVM runs the engine and its workers and is killed with SIGKILL mid-way;
 * after a restart on the same database every instance completes, and no step whose completion
 * was acknowledged runs again.
 */
class WorkflowCrashTest {
  private static final int INSTANCES = 60;
  private static final int ACKS_BEFORE_KILL = 40;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void shouldCompleteEveryInstanceWithoutRepeatingAcknowledgedStepsWhenEngineIsKilled(String db)
      throws Exception {
    HikariDataSource pg = db.equals("h2") ? null : TestDatabases.fresh(db);
    Path h2 = db.equals("h2") ? Files.createTempDirectory("baton-wf-crash-") : null;
    String url = pg != null ? pg.getJdbcUrl() : Databases.h2Url(h2);
    String user = pg != null ? pg.getUsername() : "-";
    String password = pg != null && pg.getPassword() != null && !pg.getPassword().isEmpty()
        ? pg.getPassword() : "-";
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<Long> created = ConcurrentHashMap.newKeySet();

    // given: a child JVM running the engine and workers
    Path childLog = Files.createTempFile("baton-wf-child-", ".log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), WorkflowChild.class.getName(),
        url, user, password, String.valueOf(INSTANCES)).redirectError(childLog.toFile()).start();
    try {
      BlockingQueue<String> lines = lines(child);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (acknowledged.size() < ACKS_BEFORE_KILL) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        assertThat(line).as("the child stopped or was too slow; its log: %s", childLog)
            .isNotNull().isNotEqualTo("EOF");
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
        } else if (line.startsWith("CREATED ")) {
          created.add(Long.parseLong(line.substring(8)));
        }
      }
    } finally {
      // when: SIGKILL mid-workflow
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.isAlive()).isFalse();

    // then: a new engine on the same database finishes every instance
    Set<String> handledAfter = ConcurrentHashMap.newKeySet();
    List<String> repeated = new ArrayList<>();
    try (HikariDataSource ds = Databases.pooled(url, "-".equals(user) ? null : user,
        "-".equals(password) ? null : password);
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress())) {
      List<AutoCloseable> workers = new ArrayList<>();
      for (String step : WorkflowChild.STEPS) {
        workers.add(client.newWorker().jobType(step).handler((c, job) -> {
          String id = job.getProcessInstanceKey() + ":" + job.getElementId();
          if (acknowledged.contains(id)) {
            synchronized (repeated) {
              repeated.add(id);
            }
          }
          handledAfter.add(id);
          c.newCompleteCommand(job).variables(Map.of(step.replace("-", ""), true)).send().join();
        }).timeout(Duration.ofSeconds(30)).open());
      }
      Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> activeInstances(ds) == 0);
      for (AutoCloseable w : workers) {
        w.close();
      }
    }
    assertThat(repeated).as("steps acknowledged before the crash ran again").isEmpty();
    for (long pi : created) {
      for (String step : WorkflowChild.STEPS) {
        String id = pi + ":" + step;
        assertThat(acknowledged.contains(id) || handledAfter.contains(id))
            .as("step %s ran", id).isTrue();
      }
    }
    assertThat(created).isNotEmpty();
    if (pg != null) {
      pg.close();
    }
    Files.deleteIfExists(childLog);
  }

  private static int activeInstances(javax.sql.DataSource ds) throws Exception {
    try (var c = ds.getConnection(); var rs = c.createStatement()
        .executeQuery("select count(*) from wf_element_instance")) {
      rs.next();
      return rs.getInt(1);
    }
  }

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
    }, "workflow-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
