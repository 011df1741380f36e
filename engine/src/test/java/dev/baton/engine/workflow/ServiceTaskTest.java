package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceTaskTest {

  static BpmnModelInstance oneTask() {
    return Bpmn.createExecutableProcess("one-task").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("work").zeebeJobRetries("3")
            .zeebeTaskHeader("mode", "fast").zeebeInputExpression("amount * 2", "doubled")
            .zeebeOutputExpression("result", "result"))
        .endEvent().done();
  }

  static java.util.List<String> databases() {
    return dev.baton.engine.store.TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCompleteInstanceWhenWorkerCompletesTheJob(String db) throws Exception {
    try (EngineFixture f = new EngineFixture(db)) {
      // given
      assertThat(f.client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
      f.deploy(oneTask());
      BlockingQueue<ActivatedJob> seen = EngineFixture.queue();
      try (var worker = f.client.newWorker().jobType("work").handler((c, job) -> {
        seen.add(job);
        c.newCompleteCommand(job).variables(Map.of("result", "ok")).send().join();
      }).open()) {
        // when
        var result = f.client.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
            .variables(Map.of("amount", 21)).withResult().requestTimeout(Duration.ofSeconds(30))
            .send().join();

        // then
        ActivatedJob job = EngineFixture.poll(seen);
        assertThat(job.getVariablesAsMap()).containsEntry("doubled", 42);
        assertThat(job.getCustomHeaders()).containsEntry("mode", "fast");
        assertThat(job.getRetries()).isEqualTo(3);
        assertThat(result.getVariablesAsMap()).containsEntry("result", "ok")
            .containsEntry("amount", 21).doesNotContainKey("doubled");
        assertThat(f.active(result.getProcessInstanceKey())).isFalse();
      }
    }
  }
}
