package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each supported BPMN element, driven through the official client. */
class BpmnElementsTest {
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

  @Test
  void shouldFollowConditionOrDefaultFlowWhenExclusiveGatewayDecides() {
    // given
    f.deploy(Bpmn.createExecutableProcess("xor").startEvent().exclusiveGateway("g")
        .conditionExpression("amount > 100").endEvent("big", e -> e.zeebeOutputExpression(
            "\"big\"", "path"))
        .moveToLastExclusiveGateway().defaultFlow().endEvent("small", e -> e
            .zeebeOutputExpression("\"small\"", "path")).done());

    // when / then
    assertThat(runWithResult("xor", Map.of("amount", 50))).containsEntry("path", "small");
    assertThat(runWithResult("xor", Map.of("amount", 500))).containsEntry("path", "big");
  }

  @Test
  void shouldRaiseIncidentWhenNoConditionMatchesAndResolveAfterFix() throws Exception {
    // given
    f.deploy(Bpmn.createExecutableProcess("xor2").startEvent().exclusiveGateway("g")
        .conditionExpression("amount > 100").endEvent("big")
        .moveToNode("g").conditionExpression("amount < 0").endEvent("negative").done());
    long pi = f.create("xor2", Map.of("amount", 50));

    // when
    awaitIncidents(1);
    assertThat(f.incidents().get(0)).contains("CONDITION_ERROR");
    long incidentKey = incidentKey(0);
    f.client.newSetVariablesCommand(pi).variables(Map.of("amount", 500)).send().join();
    f.client.newResolveIncidentCommand(incidentKey).send().join();

    // then
    f.awaitInactive(pi);
    assertThat(f.incidents()).isEmpty();
  }

  @Test
  void shouldJoinBranchesWhenParallelGatewayForksAndJoins() {
    // given
    f.deploy(Bpmn.createExecutableProcess("par").startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType("a")).parallelGateway("join")
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent()
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType("b")).connectTo("join").done());
    long pi = f.create("par", Map.of());

    // when
    ActivatedJob a = f.activate("a");
    ActivatedJob b = f.activate("b");
    f.client.newCompleteCommand(a).variables(Map.of("fromA", 1)).send().join();
    f.client.newCompleteCommand(b).variables(Map.of("fromB", 2)).send().join();

    // then
    ActivatedJob after = f.activate("after");
    assertThat(after.getVariablesAsMap()).containsEntry("fromA", 1).containsEntry("fromB", 2);
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCorrelateMessageWhenPublishedBeforeAndAfterSubscription() {
    // given
    f.deploy(Bpmn.createExecutableProcess("msg").startEvent()
        .intermediateCatchEvent("wait", e -> e.message(m -> m.name("go")
            .zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("after", t -> t.zeebeJobType("after-msg")).endEvent().done());
    long early = f.create("msg", Map.of("orderId", "o-2"));
    f.client.newPublishMessageCommand().messageName("go").correlationKey("o-1")
        .timeToLive(Duration.ofMinutes(1)).variables(Map.of("payload", "buffered")).send().join();

    // when
    long late = f.create("msg", Map.of("orderId", "o-1"));
    f.client.newPublishMessageCommand().messageName("go").correlationKey("o-2")
        .variables(Map.of("payload", "direct")).send().join();

    // then
    List<Object> payloads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ActivatedJob j = f.activate("after-msg");
      payloads.add(j.getVariablesAsMap().get("payload"));
      f.client.newCompleteCommand(j).send().join();
    }
    assertThat(payloads).containsExactlyInAnyOrder("buffered", "direct");
    f.awaitInactive(early);
    f.awaitInactive(late);
  }

  @Test
  void shouldRejectDuplicateMessageIdWhenBuffered() {
    // given
    f.client.newPublishMessageCommand().messageName("m").correlationKey("k").messageId("id-1")
        .timeToLive(Duration.ofMinutes(1)).send().join();

    // when / then
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.client.newPublishMessageCommand()
        .messageName("m").correlationKey("k").messageId("id-1")
        .timeToLive(Duration.ofMinutes(1)).send().join())
        .hasMessageContaining("ALREADY_EXISTS").hasMessageContaining("id-1");
  }

  @Test
  void shouldStartInstanceWhenMessageStartEventReceivesMessage() {
    // given
    f.deploy(Bpmn.createExecutableProcess("msg-start").startEvent("s")
        .message("start-me").serviceTask("t", t -> t.zeebeJobType("started-by-msg")).endEvent()
        .done());

    // when
    f.client.newPublishMessageCommand().messageName("start-me").correlationKey("")
        .variables(Map.of("who", "message")).send().join();

    // then
    ActivatedJob j = f.activate("started-by-msg");
    assertThat(j.getVariablesAsMap()).containsEntry("who", "message");
  }

  @Test
  void shouldFireTimersWhenDurationsPass() {
    // given: an intermediate timer and an interrupting boundary timer on a task nobody works on
    f.deploy(Bpmn.createExecutableProcess("timers").startEvent()
        .intermediateCatchEvent("pause", e -> e.timerWithDurationExpression("\"PT0.2S\""))
        .serviceTask("slow", t -> t.zeebeJobType("nobody")).boundaryEvent("late",
            b -> b.timerWithDuration("PT0.3S").cancelActivity(true))
        .serviceTask("escalate", t -> t.zeebeJobType("escalate")).endEvent()
        .moveToActivity("slow").endEvent().done());

    // when
    long pi = f.create("timers", Map.of());

    // then
    ActivatedJob j = f.activate("escalate");
    assertThat(j.getElementId()).isEqualTo("escalate");
    f.client.newCompleteCommand(j).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldKeepTaskWhenNonInterruptingTimerFires() {
    // given
    f.deploy(Bpmn.createExecutableProcess("nonint").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("keep")).boundaryEvent("remind",
            b -> b.timerWithDuration("PT0.2S").cancelActivity(false))
        .serviceTask("reminder", t -> t.zeebeJobType("reminder")).endEvent()
        .moveToActivity("work").endEvent().done());
    long pi = f.create("nonint", Map.of());

    // when
    ActivatedJob reminder = f.activate("reminder");
    f.client.newCompleteCommand(reminder).send().join();
    ActivatedJob work = f.activate("keep");
    f.client.newCompleteCommand(work).send().join();

    // then
    f.awaitInactive(pi);
  }

  @Test
  void shouldTakeErrorBoundaryWhenWorkerThrowsError() {
    // given
    f.deploy(Bpmn.createExecutableProcess("err").startEvent()
        .serviceTask("risky", t -> t.zeebeJobType("risky")).boundaryEvent("caught",
            b -> b.error("BAD"))
        .serviceTask("handle", t -> t.zeebeJobType("handle")).endEvent()
        .moveToActivity("risky").endEvent().done());
    long pi = f.create("err", Map.of());

    // when
    f.client.newThrowErrorCommand(f.activate("risky")).errorCode("BAD").errorMessage("boom")
        .variables(Map.of("reason", "r")).send().join();

    // then
    ActivatedJob handle = f.activate("handle");
    assertThat(handle.getVariablesAsMap()).containsEntry("reason", "r");
    f.client.newCompleteCommand(handle).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRaiseIncidentWhenErrorIsNotCaught() {
    // given
    f.deploy(ServiceTaskTest.oneTask());
    f.create("one-task", Map.of("amount", 1));

    // when
    f.client.newThrowErrorCommand(f.activate("work")).errorCode("NOPE").send().join();

    // then
    awaitIncidents(1);
    assertThat(f.incidents().get(0)).contains("UNHANDLED_ERROR_EVENT").contains("NOPE");
  }

  @Test
  void shouldRaiseIncidentAndRetryWhenRetriesRunOut() {
    // given
    f.deploy(ServiceTaskTest.oneTask());
    long pi = f.create("one-task", Map.of("amount", 1));

    // when
    ActivatedJob job = f.activate("work");
    f.client.newFailCommand(job).retries(0).errorMessage("down").send().join();
    awaitIncidents(1);
    assertThat(f.incidents().get(0)).contains("JOB_NO_RETRIES").contains("down");
    f.client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
    f.client.newResolveIncidentCommand(incidentKey(0)).send().join();

    // then
    ActivatedJob again = f.activate("work");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    f.client.newCompleteCommand(again).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRunEmbeddedSubprocessAndCallActivity() {
    // given
    f.deploy(Bpmn.createExecutableProcess("child").startEvent()
        .serviceTask("in-child", t -> t.zeebeJobType("in-child")).endEvent().done());
    f.deploy(Bpmn.createExecutableProcess("parent").startEvent().subProcess("sub")
        .embeddedSubProcess().startEvent().serviceTask("in-sub", t -> t.zeebeJobType("in-sub"))
        .endEvent().subProcessDone()
        .callActivity("call", c -> c.zeebeProcessId("child")).endEvent().done());
    long pi = f.create("parent", Map.of("x", 1));

    // when
    f.client.newCompleteCommand(f.activate("in-sub")).variables(Map.of("fromSub", true)).send()
        .join();
    ActivatedJob inChild = f.activate("in-child");
    assertThat(inChild.getVariablesAsMap()).containsEntry("x", 1).containsEntry("fromSub", true);
    assertThat(inChild.getProcessInstanceKey()).isNotEqualTo(pi);
    f.client.newCompleteCommand(inChild).variables(Map.of("fromChild", "yes")).send().join();

    // then
    f.awaitInactive(pi);
  }

  @Test
  void shouldCollectOutputsWhenMultiInstanceRunsParallelAndSequential() {
    for (boolean sequential : new boolean[] {false, true}) {
      // given
      String id = sequential ? "mi-seq" : "mi-par";
      f.deploy(Bpmn.createExecutableProcess(id).startEvent()
          .serviceTask("each", t -> t.zeebeJobType(id).multiInstance(m -> {
            m.zeebeInputCollectionExpression("items").zeebeInputElement("item")
                .zeebeOutputCollection("results").zeebeOutputElementExpression("item * 10");
            if (sequential) {
              m.sequential();
            } else {
              m.parallel();
            }
          }))
          .endEvent().done());

      // when
      var client = f.client;
      try (var w = client.newWorker().jobType(id).handler((c, job) ->
          c.newCompleteCommand(job).send().join()).open()) {
        Map<String, Object> out = runWithResult(id, Map.of("items", List.of(1, 2, 3)));

        // then
        assertThat(out.get("results")).isEqualTo(List.of(10, 20, 30));
      }
    }
  }

  @Test
  void shouldTakeFirstEventWhenEventBasedGatewayWaits() {
    // given
    f.deploy(Bpmn.createExecutableProcess("ebg").startEvent().eventBasedGateway("g")
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name("paid")
            .zeebeCorrelationKeyExpression("id")))
        .serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent()
        .moveToNode("g").intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT1H"))
        .endEvent().done());
    long pi = f.create("ebg", Map.of("id", 7));

    // when
    f.client.newPublishMessageCommand().messageName("paid").correlationKey("7").send().join();

    // then
    f.client.newCompleteCommand(f.activate("ship")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldEndEverythingWhenTerminateEndEventIsReached() {
    // given
    f.deploy(Bpmn.createExecutableProcess("term").startEvent().parallelGateway("fork")
        .serviceTask("never", t -> t.zeebeJobType("never")).endEvent()
        .moveToNode("fork").endEvent("stop", e -> e.terminate()).done());

    // when
    Map<String, Object> out = runWithResult("term", Map.of("a", 1));

    // then
    assertThat(out).containsEntry("a", 1);
  }

  @Test
  void shouldCancelInstanceWhenAsked() {
    // given
    f.deploy(ServiceTaskTest.oneTask());
    long pi = f.create("one-task", Map.of("amount", 1));

    // when
    f.client.newCancelInstanceCommand(pi).send().join();

    // then
    assertThat(f.active(pi)).isFalse();
  }

  @Test
  void shouldStartAndContinueWhenSignalIsBroadcast() {
    // given
    f.deploy(Bpmn.createExecutableProcess("sig").startEvent().signal("begin")
        .intermediateCatchEvent("hold", e -> e.signal("release"))
        .serviceTask("done", t -> t.zeebeJobType("signalled")).endEvent().done());

    // when
    f.client.newBroadcastSignalCommand().signalName("begin").variables(Map.of("s", 1)).send()
        .join();
    f.client.newBroadcastSignalCommand().signalName("release").send().join();

    // then
    assertThat(f.activate("signalled").getVariablesAsMap()).containsEntry("s", 1);
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
