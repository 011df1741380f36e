package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Receive tasks, script tasks and job-based message throw and end events, driven through the
 * official client.
 */
class TaskElementsTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private Map<String, Object> runWithResult(String processId, Map<String, Object> vars) {
    return f.client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(vars).withResult().requestTimeout(Duration.ofSeconds(30)).send().join()
        .getVariablesAsMap();
  }

  private static BpmnModelInstance receiveThenWork(String id) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .receiveTask("wait-paid", r -> r.message(m -> m.name("paid")
            .zeebeCorrelationKeyExpression("orderId")))
        .boundaryEvent("timeout", b -> b.timerWithDuration("PT1H"))
        .serviceTask("chase", t -> t.zeebeJobType(id + "-chase")).endEvent()
        .moveToActivity("wait-paid")
        .serviceTask("ship", t -> t.zeebeJobType(id + "-ship")).endEvent().done();
  }

  @Test
  void shouldCompleteReceiveTaskWhenItsMessageIsCorrelated() {
    // given: one instance waits, the other's message is buffered before it starts
    f.deploy(receiveThenWork("recv"));
    long waiting = f.create("recv", Map.of("orderId", "o-1"));
    f.client.newPublishMessageCommand().messageName("paid").correlationKey("o-2")
        .timeToLive(Duration.ofMinutes(1)).variables(Map.of("amount", 20)).send().join();
    long buffered = f.create("recv", Map.of("orderId", "o-2"));
    ActivatedJob first = f.activate("recv-ship");
    assertThat(first.getProcessInstanceKey()).isEqualTo(buffered);
    assertThat(first.getVariablesAsMap()).containsEntry("amount", 20);

    // when
    f.client.newPublishMessageCommand().messageName("paid").correlationKey("o-1")
        .variables(Map.of("amount", 10)).send().join();

    // then
    ActivatedJob second = f.activate("recv-ship");
    assertThat(second.getProcessInstanceKey()).isEqualTo(waiting);
    assertThat(second.getVariablesAsMap()).containsEntry("amount", 10);
    f.client.newCompleteCommand(first).send().join();
    f.client.newCompleteCommand(second).send().join();
    f.awaitInactive(waiting);
    f.awaitInactive(buffered);
  }

  @Test
  void shouldLeaveReceiveTaskOverBoundaryEventWhenTimerFires() {
    // given: a receive task with an interrupting timer and a message boundary event
    f.deploy(Bpmn.createExecutableProcess("recv-timer").startEvent()
        .receiveTask("wait-paid", r -> r.message(m -> m.name("paid-late")
            .zeebeCorrelationKeyExpression("orderId")))
        .boundaryEvent("timeout", b -> b.timerWithDuration("PT0.3S"))
        .serviceTask("chase", t -> t.zeebeJobType("recv-timer-chase")).endEvent()
        .moveToActivity("wait-paid").boundaryEvent("cancel", b -> b.message(m -> m
            .name("cancel").zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("refund", t -> t.zeebeJobType("recv-timer-refund")).endEvent()
        .moveToActivity("wait-paid").endEvent().done());
    long timedOut = f.create("recv-timer", Map.of("orderId", "t-1"));

    // when: nothing arrives for one, the other is cancelled by message
    ActivatedJob chase = f.activate("recv-timer-chase");
    long cancelled = f.create("recv-timer", Map.of("orderId", "t-2"));
    f.client.newPublishMessageCommand().messageName("cancel").correlationKey("t-2").send()
        .join();
    ActivatedJob refund = f.activate("recv-timer-refund");

    // then: the receive task's subscription is gone with it
    assertThat(chase.getProcessInstanceKey()).isEqualTo(timedOut);
    assertThat(refund.getProcessInstanceKey()).isEqualTo(cancelled);
    f.client.newPublishMessageCommand().messageName("paid-late").correlationKey("t-1")
        .timeToLive(Duration.ZERO).send().join();
    f.client.newCompleteCommand(chase).send().join();
    f.client.newCompleteCommand(refund).send().join();
    f.awaitInactive(timedOut);
    f.awaitInactive(cancelled);
  }

  @Test
  void shouldStillReceiveMessageWhenEngineRestartsWhileReceiveTaskWaits() {
    // given
    f.deploy(receiveThenWork("recv-restart"));
    long pi = f.create("recv-restart", Map.of("orderId", "r-1"));

    // when: the engine restarts on the same database
    f.restart();
    f.client.newPublishMessageCommand().messageName("paid").correlationKey("r-1")
        .variables(Map.of("amount", 5)).send().join();

    // then
    ActivatedJob ship = f.activate("recv-restart-ship");
    assertThat(ship.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(ship).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldSetResultVariableWhenScriptTaskEvaluatesFeel() {
    // given
    f.deploy(Bpmn.createExecutableProcess("script").startEvent()
        .scriptTask("sum", s -> s.zeebeExpression("=a + b").zeebeResultVariable("total"))
        .scriptTask("greet", s -> s.zeebeExpression("=\"hello \" + name")
            .zeebeResultVariable("greeting").zeebeOutputExpression("upper case(greeting)",
                "loud"))
        .endEvent().done());

    // when
    Map<String, Object> vars = runWithResult("script", Map.of("a", 2, "b", 3, "name", "ada"));

    // then: the result variable reaches the process; output mappings see it
    assertThat(vars).containsEntry("total", 5).containsEntry("loud", "HELLO ADA")
        .doesNotContainKey("greeting");
  }

  @Test
  void shouldRaiseExtractValueIncidentWhenScriptFailsAndEvaluateAgainWhenResolved()
      throws Exception {
    // given: the expression needs a variable that is not there
    f.deploy(Bpmn.createExecutableProcess("script-bad").startEvent()
        .scriptTask("calc", s -> s.zeebeExpression("=count(assert(items, items != null))")
            .zeebeResultVariable("n"))
        .serviceTask("after", t -> t.zeebeJobType("script-bad-after")).endEvent().done());
    long pi = f.create("script-bad", Map.of());
    awaitIncidents(1);
    assertThat(f.incidents().get(0)).contains("EXTRACT_VALUE_ERROR").contains("calc");

    // when
    f.client.newSetVariablesCommand(pi).variables(Map.of("items", java.util.List.of(1, 2, 3)))
        .send().join();
    f.client.newResolveIncidentCommand(incidentKey(0)).send().join();

    // then
    ActivatedJob after = f.activate("script-bad-after");
    assertThat(after.getVariablesAsMap()).containsEntry("n", 3);
    assertThat(f.incidents()).isEmpty();
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCreateJobWhenScriptTaskHasTaskDefinition() {
    // given
    f.deploy(Bpmn.createExecutableProcess("script-job").startEvent()
        .scriptTask("run", s -> s.zeebeJobType("script-worker").zeebeTaskHeader("lang", "js"))
        .endEvent().done());
    long pi = f.create("script-job", Map.of());

    // when
    ActivatedJob job = f.activate("script-worker");
    f.client.newCompleteCommand(job).variables(Map.of("out", 1)).send().join();

    // then
    assertThat(job.getCustomHeaders()).containsEntry("lang", "js");
    f.awaitInactive(pi);
  }

  @Test
  void shouldRunMessageThrowAndEndEventsAsJobsWhenTheyHaveTaskDefinitions() {
    // given
    f.deploy(Bpmn.createExecutableProcess("throw").startEvent()
        .intermediateThrowEvent("notify", e -> e.message("note").zeebeJobType("publish-note"))
        .endEvent("done", e -> e.message("finished").zeebeJobType("publish-finished"))
        .done());
    long pi = f.create("throw", Map.of());

    // when
    ActivatedJob note = f.activate("publish-note");
    f.client.newCompleteCommand(note).variables(Map.of("noted", true)).send().join();
    ActivatedJob finished = f.activate("publish-finished");
    assertThat(finished.getVariablesAsMap()).containsEntry("noted", true);
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(finished).send().join();

    // then
    assertThat(note.getElementId()).isEqualTo("notify");
    assertThat(finished.getElementId()).isEqualTo("done");
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseMessageThrowEventWithoutTaskDefinitionNamingIt() {
    // given
    var model = Bpmn.createExecutableProcess("throw-bare").startEvent()
        .intermediateThrowEvent("notify", e -> e.message("note"))
        .endEvent("done", e -> e.message("finished")).done();

    // when / then
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "throw.bpmn").send().join())
        .hasMessageContaining("'notify'").hasMessageContaining("'done'")
        .hasMessageContaining("zeebe:taskDefinition")
        .hasMessageNotContaining("subscription");
  }

  private long incidentKey(int index) {
    String row = f.incidents().get(index);
    return Long.parseLong(row.replaceAll(".*\"key\":(\\d+).*", "$1"));
  }

  private void awaitIncidents(int n) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> f.incidents().size() >= n);
  }
}
