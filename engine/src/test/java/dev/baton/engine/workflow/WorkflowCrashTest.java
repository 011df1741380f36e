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
      CrashHarness.Run run = CrashHarness.run(WorkflowChild.class, database, lines ->
          lines.stream().filter(l -> l.startsWith("ACK ")).count() >= ACKS_BEFORE_KILL
              && lines.stream().filter(l -> l.startsWith("COMPLETED ")).count() >= 3,
          String.valueOf(INSTANCES));
      Set<String> acknowledged = Set.copyOf(run.acknowledged());
      // a step whose completion was committed just before the kill has no ACK line: it ran
      // in the child (RAN) and, being completed, is never offered again
      Set<String> ranBefore = Set.copyOf(run.linesAfter("RAN"));
      Set<Long> created = run.linesAfter("CREATED").stream().map(Long::parseLong)
          .collect(java.util.stream.Collectors.toSet());
      thenEveryInstanceCompletes(database, acknowledged, ranBefore, created, run);
    }
  }

  private static void thenEveryInstanceCompletes(CrashDatabase database,
      Set<String> acknowledged, Set<String> ranBefore, Set<Long> created, CrashHarness.Run run)
      throws Exception {
    // then: a new engine on the same database finishes every instance
    Set<String> handledAfter = ConcurrentHashMap.newKeySet();
    List<String> repeated = new ArrayList<>();
    try (HikariDataSource ds = database.open();
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress());
        WorkflowRestServer server = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
        CamundaClient rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
            .preferRestOverGrpc(true).build()) {
      thenAcknowledgedUserTaskCommandsSurvived(rest, engine.inspector(), run);
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
        assertThat(acknowledged.contains(id) || ranBefore.contains(id)
            || handledAfter.contains(id)).as("step %s ran", id).isTrue();
      }
    }
    assertThat(created).isNotEmpty();
  }

  /**
   * Every assignment and completion acknowledged before the kill is there after the restart:
   * assigned tasks keep their assignee (or were completed), completed tasks stay completed with
   * their variables in the instance. The open ones are completed now, so every instance ends.
   */
  private static void thenAcknowledgedUserTaskCommandsSurvived(CamundaClient rest,
      WorkflowInspector inspector, CrashHarness.Run run) {
    Map<Long, Long> completed = new java.util.HashMap<>();
    for (String line : run.linesAfter("COMPLETED")) {
      String[] p = line.split(" ");
      completed.put(Long.parseLong(p[0]), Long.parseLong(p[1]));
    }
    List<String> assigned = run.linesAfter("ASSIGNED");
    assertThat(assigned).isNotEmpty();
    assertThat(completed).isNotEmpty();
    for (String line : assigned) {
      String[] p = line.split(" ");
      var task = rest.newUserTaskGetRequest(Long.parseLong(p[0])).send().join();
      assertThat(task.getAssignee()).as("assignee of task %s", p[0]).isEqualTo(p[1]);
    }
    for (var e : completed.entrySet()) {
      var task = rest.newUserTaskGetRequest(e.getKey()).send().join();
      assertThat(task.getState()).as("task %s", e.getKey())
          .isEqualTo(io.camunda.client.api.search.enums.UserTaskState.COMPLETED);
      assertThat(task.getProcessInstanceKey()).isEqualTo(e.getValue());
      assertThat(inspector.instance(e.getValue()).orElseThrow().variables())
          .contains("\"reviewed\":");
    }
    List<Long> reviews = run.linesAfter("REVIEW").stream().map(Long::parseLong).toList();
    assertThat(reviews).hasSize(WorkflowChild.REVIEWS);
    for (var task : rest.newUserTaskSearchRequest().filter(t -> t.state(
        io.camunda.client.api.search.enums.UserTaskState.CREATED)).send().join().items()) {
      assertThat(completed).doesNotContainKey(task.getUserTaskKey());
      rest.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    }
    var all = rest.newUserTaskSearchRequest().send().join().items();
    assertThat(all).hasSize(WorkflowChild.REVIEWS).allSatisfy(t -> assertThat(t.getState())
        .isEqualTo(io.camunda.client.api.search.enums.UserTaskState.COMPLETED));
  }

  private static int activeInstances(javax.sql.DataSource ds) throws Exception {
    try (var c = ds.getConnection(); var rs = c.createStatement()
        .executeQuery("select count(*) from wf_element_instance")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
