package dev.baton.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A REST-only client from another ecosystem: Camunda's TypeScript SDK
 * ({@code @camunda8/orchestration-cluster-api}, installed by the build with {@code npm ci} from
 * the committed lockfile in {@code src/test/node}) runs {@code review.mjs} under Node against the
 * embedded engine's REST API: deploy, create, job, user task, complete.
 */
class NodeRestSdkTest {
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @Test
  void shouldRunServiceAndUserTaskWhenDrivenByTheNodeRestSdk() throws Exception {
    // given: the embedded engine and its REST API on a free port
    try (var ds = Databases.pooled(Databases.h2Url(Files.createTempDirectory("baton-sdk-")));
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        WorkflowRestServer server = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0)) {

      // when: the SDK, configured from the environment only, works the process
      ProcessBuilder pb = new ProcessBuilder("node", "review.mjs").directory(NODE_DIR.toFile())
          .redirectErrorStream(true);
      pb.environment().put("CAMUNDA_REST_ADDRESS", server.restAddress().toString());
      pb.environment().put("CAMUNDA_AUTH_STRATEGY", "NONE");
      Process node = pb.start();
      String output = read(node);

      // then
      assertThat(node.exitValue()).as(output).isZero();
      List<String> lines = output.lines().filter(l -> l.matches("[A-Z]+ .*")).toList();
      assertThat(lines).as(output).extracting(l -> l.split(" ")[0]).containsSubsequence(
          "TOPOLOGY", "DEPLOYED", "CREATED", "JOB", "ASSIGNED", "COMPLETED", "REFUSED");
      assertThat(output).contains("ASSIGNED").contains("node-user").contains("REFUSED 404");
      long instance = Long.parseLong(lines.stream().filter(l -> l.startsWith("CREATED "))
          .findFirst().orElseThrow().substring(8));
      var detail = engine.inspector().instance(instance).orElseThrow();
      assertThat(detail.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(detail.variables()).contains("\"total\":1140").contains("\"approved\":true");
      assertThat(engine.inspector().userTasks(false)).singleElement()
          .satisfies(t -> assertThat(t.assignee()).isEqualTo("node-user"));
      assertThat(engine.inspector().instances(InstanceQuery.newest())).hasSize(1);
    }
  }

  private static String read(Process p) throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // the process went away
      }
    });
    reader.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    reader.join(10_000);
    return out.toString();
  }
}
