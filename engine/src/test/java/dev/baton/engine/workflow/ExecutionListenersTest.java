package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Execution listeners: job-based, blocking, in model order, as Zeebe runs them. */
class ExecutionListenersTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private static BpmnModelInstance listenedTask(String id) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(id + "-work").zeebeTaskHeader("h", "task")
            .zeebeStartExecutionListener(id + "-start-1")
            .zeebeStartExecutionListener(id + "-start-2", "2")
            .zeebeEndExecutionListener(id + "-end"))
        .serviceTask("next", t -> t.zeebeJobType(id + "-next")).endEvent().done();
  }

  @Test
  void shouldRunStartListenersThenTaskThenEndListenerWhenElementHasListeners() {
    // given
    f.deploy(listenedTask("el"));
    long pi = f.create("el", Map.of());

    // when / then: the first start listener's job, nothing else yet
    ActivatedJob start1 = f.activate("el-start-1");
    assertThat(start1.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(start1.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(start1.getElementId()).isEqualTo("work");
    assertThat(start1.getCustomHeaders()).containsEntry("h", "task");
    assertThat(hasJob("el-start-2")).isFalse();
    assertThat(hasJob("el-work")).isFalse();
    f.client.newCompleteCommand(start1).variables(Map.of("fromStart", 1)).send().join();

    ActivatedJob start2 = f.activate("el-start-2");
    assertThat(start2.getRetries()).isEqualTo(2);
    assertThat(start2.getVariablesAsMap()).containsEntry("fromStart", 1);
    assertThat(hasJob("el-work")).isFalse();
    f.client.newCompleteCommand(start2).send().join();

    ActivatedJob work = f.activate("el-work");
    assertThat(work.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(work.getVariablesAsMap()).containsEntry("fromStart", 1);
    f.client.newCompleteCommand(work).variables(Map.of("result", "ok")).send().join();

    ActivatedJob end = f.activate("el-end");
    assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(end.getVariablesAsMap()).containsEntry("result", "ok");
    assertThat(hasJob("el-next")).isFalse();
    f.client.newCompleteCommand(end).variables(Map.of("fromEnd", 2)).send().join();

    // start listener variables are the task's own; end listener variables reach the process
    ActivatedJob next = f.activate("el-next");
    assertThat(next.getVariablesAsMap()).containsEntry("fromEnd", 2)
        .doesNotContainKey("fromStart");
    f.client.newCompleteCommand(next).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldWaitForProcessListenersWhenProcessStartsAndEnds() {
    // given
    f.deploy(Bpmn.createExecutableProcess("pel")
        .zeebeStartExecutionListener("pel-start").zeebeEndExecutionListener("pel-end")
        .startEvent().exclusiveGateway("route").zeebeStartExecutionListener("pel-route")
        .conditionExpression("path = \"a\"").endEvent("a")
        .moveToLastExclusiveGateway().defaultFlow().endEvent("b").done());
    long pi = f.create("pel", Map.of());

    // when: the process start listener sets what the gateway's start listener refines
    ActivatedJob start = f.activate("pel-start");
    assertThat(start.getElementId()).isEqualTo("pel");
    assertThat(hasJob("pel-route")).isFalse();
    f.client.newCompleteCommand(start).variables(Map.of("path", "b")).send().join();
    ActivatedJob route = f.activate("pel-route");
    f.client.newCompleteCommand(route).variables(Map.of("path", "a")).send().join();
    ActivatedJob end = f.activate("pel-end");

    // then: the instance is still there until the end listener completes
    assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(end).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRaiseIncidentOnElementWhenListenerJobFailsAndRetryOnlyThatListener()
      throws Exception {
    // given
    f.deploy(listenedTask("elf"));
    long pi = f.create("elf", Map.of());
    f.client.newCompleteCommand(f.activate("elf-start-1")).send().join();
    ActivatedJob start2 = f.activate("elf-start-2");

    // when: the second listener's job fails without retries
    f.client.newFailCommand(start2).retries(0).errorMessage("listener down").send().join();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> f.incidents().size() == 1);
    String incident = f.incidents().get(0);
    assertThat(incident).contains("JOB_NO_RETRIES").contains("listener down")
        .contains("\"elementId\":\"work\"");
    f.client.newUpdateRetriesCommand(start2.getKey()).retries(1).send().join();
    f.client.newResolveIncidentCommand(Long.parseLong(incident.replaceAll(
        ".*\"key\":(\\d+).*", "$1"))).send().join();

    // then: the same listener job again, not the first listener
    ActivatedJob again = f.activate("elf-start-2");
    assertThat(again.getKey()).isEqualTo(start2.getKey());
    assertThat(hasJob("elf-start-1")).isFalse();
    f.client.newCompleteCommand(again).send().join();
    f.client.newCompleteCommand(f.activate("elf-work")).send().join();
    f.client.newCompleteCommand(f.activate("elf-end")).send().join();
    f.client.newCompleteCommand(f.activate("elf-next")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRunListenersForEachInnerInstanceWhenActivityIsMultiInstance() {
    // given
    f.deploy(Bpmn.createExecutableProcess("elmi").startEvent()
        .serviceTask("each", t -> t.zeebeJobType("elmi-work")
            .zeebeStartExecutionListener("elmi-before")
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("items")
                .zeebeInputElement("item")))
        .endEvent().done());
    long pi = f.create("elmi", Map.of("items", java.util.List.of("a", "b")));

    // when: one start listener job per inner instance, each seeing its item
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (int i = 0; i < 2; i++) {
      ActivatedJob before = f.activate("elmi-before");
      seen.add(before.getVariablesAsMap().get("item"));
      f.client.newCompleteCommand(before).send().join();
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
    f.client.newCompleteCommand(f.activate("elmi-work")).send().join();
    f.client.newCompleteCommand(f.activate("elmi-work")).send().join();

    // then
    f.awaitInactive(pi);
    assertThat(hasJob("elmi-before")).isFalse();
  }

  @Test
  void shouldRefuseThrowErrorWhenJobIsAnExecutionListener() {
    // given
    f.deploy(listenedTask("ele"));
    f.create("ele", Map.of());
    ActivatedJob start1 = f.activate("ele-start-1");

    // when / then
    assertThatThrownBy(() -> f.client.newThrowErrorCommand(start1).errorCode("x").send().join())
        .hasMessageContaining("execution listener");
  }

  @Test
  void shouldResumeListenerWaitWhenEngineRestarts() {
    // given: the instance waits on its end listener
    f.deploy(listenedTask("elr"));
    long pi = f.create("elr", Map.of());
    f.client.newCompleteCommand(f.activate("elr-start-1")).send().join();
    f.client.newCompleteCommand(f.activate("elr-start-2")).send().join();
    f.client.newCompleteCommand(f.activate("elr-work")).send().join();
    ActivatedJob end = f.activate("elr-end");

    // when
    f.restart();
    f.client.newCompleteCommand(end.getKey()).variables(Map.of("after", "restart")).send()
        .join();

    // then
    ActivatedJob next = f.activate("elr-next");
    assertThat(next.getVariablesAsMap()).containsEntry("after", "restart");
    f.client.newCompleteCommand(next).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseListenersWhereZeebeDoesNotRunThem() {
    // given
    var startOnStartEvent = Bpmn.createExecutableProcess("el-bad-1")
        .startEvent("s").zeebeStartExecutionListener("x").endEvent().done();
    // the builder offers no end listeners on gateways: written as a modeler would
    var endOnGateway = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
        Bpmn.convertToString(Bpmn.createExecutableProcess("el-bad-2").startEvent()
            .parallelGateway("g").zeebeStartExecutionListener("x").endEvent().done())
            .replace("eventType=\"start\"", "eventType=\"end\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var duplicate = Bpmn.createExecutableProcess("el-bad-3").startEvent()
        .serviceTask("t", t -> t.zeebeJobType("w").zeebeStartExecutionListener("x")
            .zeebeStartExecutionListener("x")).endEvent().done();
    var taskListener = Bpmn.createExecutableProcess("el-bad-4").startEvent()
        .userTask("approve", u -> u.zeebeUserTask().zeebeTaskListener(l -> l.canceling()
            .type("audit"))).endEvent().done();

    // when / then
    assertRefused(startOnStartEvent, "start execution listeners are not supported on start"
        + " events", "'s'");
    assertRefused(endOnGateway, "end execution listeners are not supported on gateways", "'g'");
    assertRefused(duplicate, "two start execution listeners with the job type 'x'", "'t'");
    assertRefused(taskListener, "canceling task listener 'audit' is not supported",
        "'approve'");
  }

  private void assertRefused(BpmnModelInstance model, String message, String elementId) {
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "listeners.bpmn").send().join())
        .hasMessageContaining(message).hasMessageContaining(elementId);
  }

  private boolean hasJob(String type) {
    return !f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).send().join()
        .getJobs().isEmpty();
  }
}
