package dev.baton.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code node-client/ship-order.mjs} — Camunda's REST-only JavaScript client, as a Node.js user
 * runs it — against the embedded engine's REST API on a free port: deploy, create an instance,
 * activate its job, complete it, find, assign and complete the user task, read the instance. The build installed the client from the
 * committed lockfile ({@code npm ci}); the program's output is kept for the failure message.
 */
class NodeClientExampleTest {
  private static final Path PROGRAM_DIR = Path.of("node-client");

  @Test
  void shouldRunInstanceToTheEndWhenDrivenByCamundasJavaScriptClient(@TempDir Path dir)
      throws Exception {
    // given: the engine and its REST API on free ports
    try (var ds = Databases.pooled(Databases.h2Url(dir.resolve("db")));
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        WorkflowRestServer rest = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0)) {

      // when: the program runs with only its REST address set
      Run run = node(dir, Map.of("CAMUNDA_REST_ADDRESS", rest.restAddress().toString(),
          "ORDER_ID", "N-42"));

      // then: it says the instance completed ...
      assertThat(run.exitCode).as("exit code of node ship-order.mjs; its output:%n%s", run.output)
          .isZero();
      assertThat(run.output).contains("deployed: ship-order version 1", "activated: job",
          "assigned: user task", "completed: user task", "refused: a second completion",
          "instance: ");
      List<String> lines = run.output.lines().filter(l -> l.startsWith("{")).toList();
      assertThat(lines).as(run.output).hasSize(1);
      JsonNode summary = new ObjectMapper().readTree(lines.get(0));
      assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
      assertThat(summary.get("reservation").asText()).isEqualTo("north-N-42-3");
      assertThat(summary.get("assignee").asText()).isEqualTo("node-user");

      // ... and the engine agrees: completed, with the variables the job was completed with
      long key = Long.parseLong(summary.get("processInstanceKey").asText());
      var instance = engine.inspector().instance(key).orElseThrow();
      assertThat(instance.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(instance.summary().bpmnProcessId()).isEqualTo("ship-order");
      assertThat(new ObjectMapper().readTree(instance.variables()).get("reservation").asText())
          .isEqualTo("north-N-42-3");
      assertThat(new ObjectMapper().readTree(instance.variables()).get("approved").asBoolean())
          .isTrue();
      long taskKey = Long.parseLong(summary.get("userTaskKey").asText());
      assertThat(engine.inspector().userTasks(false)).filteredOn(t -> t.userTaskKey() == taskKey)
          .singleElement().satisfies(t -> {
            assertThat(t.assignee()).isEqualTo("node-user");
            assertThat(t.state()).isEqualTo("COMPLETED");
          });
    }
  }

  private record Run(int exitCode, String output) {}

  /** Runs the program with a clean CAMUNDA_* environment plus {@code env}; at most 2 minutes. */
  private static Run node(Path dir, Map<String, String> env) throws IOException,
      InterruptedException {
    assertThat(PROGRAM_DIR.resolve("node_modules/@camunda8/orchestration-cluster-api"))
        .as("the client is installed by the build (npm ci in samples/node-client)").exists();
    Path out = dir.resolve("node-output.txt");
    ProcessBuilder pb = new ProcessBuilder("node", "ship-order.mjs").directory(
        PROGRAM_DIR.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("CAMUNDA_") || k.startsWith("ZEEBE_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return new Run(-1, "(killed after 2 minutes)\n" + Files.readString(out,
          StandardCharsets.UTF_8));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
