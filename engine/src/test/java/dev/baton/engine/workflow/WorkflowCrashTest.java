package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void shouldCompleteEveryInstanceWithoutRepeatingAcknowledgedStepsWhenEngineIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child JVM running the engine and workers
      // when: it is killed with SIGKILL mid-workflow
      CrashHarness.Run run = CrashHarness.run(WorkflowChild.class, database, ACKS_BEFORE_KILL,
          String.valueOf(INSTANCES));
      Set<String> acknowledged = Set.copyOf(run.acknowledged());
      Set<Long> created = run.linesAfter("CREATED").stream().map(Long::parseLong)
          .collect(java.util.stream.Collectors.toSet());
      thenEveryInstanceCompletes(database, acknowledged, created);
    }
  }

  private static void thenEveryInstanceCompletes(CrashDatabase database,
      Set<String> acknowledged, Set<Long> created) throws Exception {
    // then: a new engine on the same database finishes every instance
    Set<String> handledAfter = ConcurrentHashMap.newKeySet();
    List<String> repeated = new ArrayList<>();
    try (HikariDataSource ds = database.open();
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
  }

  private static int activeInstances(javax.sql.DataSource ds) throws Exception {
    try (var c = ds.getConnection(); var rs = c.createStatement()
        .executeQuery("select count(*) from wf_element_instance")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
