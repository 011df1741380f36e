package dev.baton.samples.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.workflow.ProcessInstanceState;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as a user runs it: Baton first (what {@code baton serve} starts), then the Spring
 * Boot application with the Camunda starter's defaults — no address settings at all.
 */
class ShipOrderApplicationTest {

  @Test
  void shouldDeployRunWorkerAndCompleteWhenStarterUsesItsDefaults(@TempDir Path dataDir) {
    // given: Baton on Camunda's default ports, then the application with no camunda.client.*
    try (BatonOnDefaultPorts baton = new BatonOnDefaultPorts(dataDir);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(
            ShipOrderApplication.class).main(ShipOrderApplication.class).run()) {
      CamundaClient client = app.getBean(CamundaClient.class);

      // when: an order comes in and the caller waits for the instance's result, while a
      // warehouse clerk finds the user task, claims it and completes it (as Tasklist would)
      var pending = client.newCreateInstanceCommand().bpmnProcessId("ship-order")
          .latestVersion().variables(Map.of("orderId", "A-17", "quantity", 3))
          .withResult().requestTimeout(Duration.ofSeconds(60)).send();
      UserTask task = awaitOpenTask(client);
      client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("dana").send().join();
      client.newCompleteUserTaskCommand(task.getUserTaskKey())
          .variables(Map.of("packedBy", "dana")).send().join();
      var result = pending.join();

      // then: @Deployment deployed the process, @JobWorker completed the job with its map,
      // the user task was completed with the clerk's variables, and the instance reached its end
      assertThat(client.getConfiguration().preferRestOverGrpc()).isTrue();
      assertThat(baton.engine.inspector().processes()).singleElement()
          .satisfies(p -> assertThat(p.bpmnProcessId()).isEqualTo("ship-order"));
      assertThat(result.getVariablesAsMap()).containsEntry("reservation", "north-A-17-3")
          .containsEntry("reservedBy", "stock-worker").containsEntry("orderId", "A-17")
          .containsEntry("packedBy", "dana");
      assertThat(task.getCandidateGroups()).containsExactly("warehouse");
      assertThat(task.getProcessInstanceKey()).isEqualTo(result.getProcessInstanceKey());
      assertThat(baton.engine.inspector().userTasks(false)).singleElement()
          .satisfies(t -> {
            assertThat(t.state()).isEqualTo("COMPLETED");
            assertThat(t.assignee()).isEqualTo("dana");
          });
      assertThat(baton.engine.inspector().instance(result.getProcessInstanceKey()))
          .hasValueSatisfying(i -> assertThat(i.summary().state())
              .isEqualTo(ProcessInstanceState.COMPLETED));
      // ... and all of it went over the REST API, as the starter's defaults prefer
      assertThat(baton.restRequests).contains("POST /v2/deployments",
          "POST /v2/process-instances", "POST /v2/jobs/activation");
      assertThat(baton.restRequests).anyMatch(r -> r.matches("POST /v2/jobs/\\d+/completion"));
      assertThat(baton.restRequests).contains("POST /v2/user-tasks/search")
          .anyMatch(r -> r.matches("POST /v2/user-tasks/\\d+/completion"));
    }
  }

  /** The open user task of the sample's process, once the worker has done its job. */
  private static UserTask awaitOpenTask(CamundaClient client) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<UserTask> open = client.newUserTaskSearchRequest()
          .filter(f -> f.bpmnProcessId("ship-order").state(UserTaskState.CREATED))
          .send().join().items();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the user task", e);
      }
    }
    throw new AssertionError("no open user task of ship-order within 30 s");
  }
}
