package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance table's event sub-processes: message, timer, signal, error and escalation
 * starts, interrupting and non-interrupting, at process level and in embedded sub-processes,
 * and across an engine restart; driven through the official client.
 */
class EventSubProcessesTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void shouldTerminateTheProcessFlowAndRunWhenInterruptingMessageEventSubProcessIsTriggered() {
    // given: an order waits in a task; a cancellation message interrupts it
    f.deploy(Bpmn.createExecutableProcess("esp-msg")
        .eventSubProcess("on-cancel", e -> e.startEvent("cancelled").interrupting(true)
            .message(m -> m.name("esp-cancel").zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("cleanup", t -> t.zeebeJobType("esp-msg-cleanup")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType("esp-msg-work")).endEvent().done());
    long other = f.create("esp-msg", Map.of("orderId", "o-2"));
    long pi = f.create("esp-msg", Map.of("orderId", "o-1"));
    ActivatedJob first = f.activate("esp-msg-work");
    ActivatedJob second = f.activate("esp-msg-work");
    ActivatedJob work = first.getProcessInstanceKey() == pi ? first : second;

    // when
    f.client.newPublishMessageCommand().messageName("esp-cancel").correlationKey("o-1")
        .variables(Map.of("reason", "customer")).send().join();

    // then: the task is gone, the event sub-process runs with the message's variables
    ActivatedJob cleanup = f.activate("esp-msg-cleanup");
    assertThat(cleanup.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(cleanup.getVariablesAsMap()).containsEntry("reason", "customer");
    assertThatThrownBy(() -> f.client.newCompleteCommand(work).send().join())
        .hasMessageContaining("NOT_FOUND");
    assertThat(f.active(pi)).as("the process waits for its event sub-process").isTrue();
    f.client.newCompleteCommand(cleanup).send().join();
    f.awaitInactive(pi);
    assertThat(f.active(other)).as("order o-2 was not cancelled").isTrue();
  }

  @Test
  void shouldRunBesideTheFlowAndKeepTheProcessOpenWhenNonInterruptingTimerFires() {
    // given: a reminder every 0.2 s, twice, while the main task waits
    f.deploy(Bpmn.createExecutableProcess("esp-timer")
        .eventSubProcess("reminders", e -> e.startEvent("tick").interrupting(false)
            .timerWithCycle("R2/PT0.2S")
            .serviceTask("remind", t -> t.zeebeJobType("esp-timer-remind")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType("esp-timer-work")).endEvent()
        .done());
    long pi = f.create("esp-timer", Map.of());
    ActivatedJob work = f.activate("esp-timer-work");

    // when: both reminders come; the main task completes while the second is open
    ActivatedJob r1 = f.activate("esp-timer-remind");
    f.client.newCompleteCommand(r1).send().join();
    ActivatedJob r2 = f.activate("esp-timer-remind");
    f.client.newCompleteCommand(work).send().join();

    // then: the process is complete only once the open event sub-process instance is
    assertThat(r2.getKey()).isNotEqualTo(r1.getKey());
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(r2).send().join();
    f.awaitInactive(pi);
    assertThat(noJob("esp-timer-remind")).isTrue();
  }

  @Test
  void shouldTriggerSeveralTimesInASubProcessAndCloseWithItWhenNonInterruptingMessageArrives() {
    // given: a non-interrupting message event sub-process inside an embedded sub-process
    f.deploy(Bpmn.createExecutableProcess("esp-sub").startEvent().subProcess("sub")
        .embeddedSubProcess()
        .eventSubProcess("on-nudge", e -> e.startEvent("nudged").interrupting(false)
            .message(m -> m.name("esp-nudge").zeebeCorrelationKeyExpression("key"))
            .serviceTask("note", t -> t.zeebeJobType("esp-sub-note")).endEvent())
        .startEvent().serviceTask("inner", t -> t.zeebeJobType("esp-sub-inner")).endEvent()
        .subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType("esp-sub-after")).endEvent().done());
    long pi = f.create("esp-sub", Map.of("key", "k-1"));
    ActivatedJob inner = f.activate("esp-sub-inner");

    // when: two messages while the sub-process runs
    f.client.newPublishMessageCommand().messageName("esp-nudge").correlationKey("k-1")
        .variables(Map.of("n", 1)).send().join();
    ActivatedJob n1 = f.activate("esp-sub-note");
    f.client.newPublishMessageCommand().messageName("esp-nudge").correlationKey("k-1")
        .variables(Map.of("n", 2)).send().join();
    ActivatedJob n2 = f.activate("esp-sub-note");

    // then: two event sub-process instances side by side, each with its message's variables
    // (merged into the process instance, as Zeebe does), the inner task untouched
    assertThat(n1.getVariablesAsMap()).containsEntry("n", 1);
    assertThat(n2.getVariablesAsMap()).containsEntry("n", 2);
    assertThat(n1.getElementInstanceKey()).isNotEqualTo(n2.getElementInstanceKey());
    f.client.newCompleteCommand(n1).send().join();
    f.client.newCompleteCommand(n2).send().join();
    f.client.newCompleteCommand(inner).send().join();

    // and when the sub-process has ended, a further message finds no subscription
    ActivatedJob after = f.activate("esp-sub-after");
    f.client.newPublishMessageCommand().messageName("esp-nudge").correlationKey("k-1")
        .timeToLive(Duration.ZERO).send().join();
    assertThat(noJob("esp-sub-note")).isTrue();
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldInterruptOnlyTheSubProcessWhenInterruptingSignalEventSubProcessIsInside() {
    // given: two parallel tasks in a sub-process; a signal interrupts the sub-process's inside
    f.deploy(Bpmn.createExecutableProcess("esp-sig").startEvent().subProcess("sub")
        .embeddedSubProcess()
        .eventSubProcess("on-stop", e -> e.startEvent("stop").interrupting(true)
            .signal("esp-stop")
            .serviceTask("stopped", t -> t.zeebeJobType("esp-sig-stopped")).endEvent())
        .startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType("esp-sig-a")).endEvent()
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType("esp-sig-b")).endEvent()
        .subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType("esp-sig-after")).endEvent().done());
    long pi = f.create("esp-sig", Map.of());
    ActivatedJob a = f.activate("esp-sig-a");
    ActivatedJob b = f.activate("esp-sig-b");

    // when
    f.client.newBroadcastSignalCommand().signalName("esp-stop").send().join();

    // then: both tasks are gone; once the event sub-process is done, the flow goes on after
    // the sub-process
    ActivatedJob stopped = f.activate("esp-sig-stopped");
    assertThatThrownBy(() -> f.client.newCompleteCommand(a).send().join())
        .hasMessageContaining("NOT_FOUND");
    assertThatThrownBy(() -> f.client.newCompleteCommand(b).send().join())
        .hasMessageContaining("NOT_FOUND");
    f.client.newBroadcastSignalCommand().signalName("esp-stop").send().join();
    f.client.newCompleteCommand(stopped).send().join();
    ActivatedJob after = f.activate("esp-sig-after");
    assertThat(noJob("esp-sig-stopped")).as("an interrupting one runs once").isTrue();
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCatchAThrownErrorWithItsVariablesWhenErrorEventSubProcessMatches() {
    // given: an error event sub-process for one code inside a sub-process, a catch-all at
    // process level
    f.deploy(Bpmn.createExecutableProcess("esp-err")
        .eventSubProcess("on-any", e -> e.startEvent("any-error").error()
            .serviceTask("handle-any", t -> t.zeebeJobType("esp-err-any")).endEvent())
        .startEvent().subProcess("sub").embeddedSubProcess()
        .eventSubProcess("on-declined", e -> e.startEvent("declined").error("DECLINED")
            .serviceTask("handle", t -> t.zeebeJobType("esp-err-handle")).endEvent())
        .startEvent().serviceTask("charge", t -> t.zeebeJobType("esp-err-charge")).endEvent()
        .subProcessDone()
        .endEvent("fail").error("FATAL").done());
    long pi = f.create("esp-err", Map.of());

    // when: the worker throws DECLINED with variables
    ActivatedJob charge = f.activate("esp-err-charge");
    f.client.newThrowErrorCommand(charge).errorCode("DECLINED").errorMessage("no funds")
        .variables(Map.of("declinedBy", "bank")).send().join();

    // then: the sub-process's event sub-process catches it, with the error's variables
    ActivatedJob handle = f.activate("esp-err-handle");
    assertThat(handle.getVariablesAsMap()).containsEntry("declinedBy", "bank");
    f.client.newCompleteCommand(handle).send().join();

    // and the error end event after the sub-process is caught by the catch-all
    ActivatedJob any = f.activate("esp-err-any");
    assertThat(any.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(any).send().join();
    f.awaitInactive(pi);
    assertThat(f.incidents()).isEmpty();
  }

  @Test
  void shouldRunEscalationEventSubProcessBesideTheThrowerWhenNonInterrupting() {
    // given
    f.deploy(Bpmn.createExecutableProcess("esp-esc")
        .eventSubProcess("on-late", e -> e.startEvent("late").interrupting(false)
            .escalation("LATE")
            .serviceTask("inform", t -> t.zeebeJobType("esp-esc-inform")).endEvent())
        .startEvent().intermediateThrowEvent("raise", t -> t.escalation("LATE"))
        .serviceTask("go-on", t -> t.zeebeJobType("esp-esc-go-on")).endEvent().done());

    // when
    long pi = f.create("esp-esc", Map.of());

    // then: the escalation is caught, and the thrower goes on too
    ActivatedJob inform = f.activate("esp-esc-inform");
    ActivatedJob goOn = f.activate("esp-esc-go-on");
    assertThat(inform.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(goOn.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(goOn).send().join();
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(inform).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldNotGoOnAfterTheThrowerWhenInterruptingEscalationEventSubProcessCatchesAtOnce() {
    // given: the escalation is thrown right after the start, in the same scope
    f.deploy(Bpmn.createExecutableProcess("esp-esc-int")
        .eventSubProcess("on-stop", e -> e.startEvent("stop").interrupting(true)
            .escalation("STOP")
            .serviceTask("handle", t -> t.zeebeJobType("esp-esc-int-handle")).endEvent())
        .startEvent().intermediateThrowEvent("raise", t -> t.escalation("STOP"))
        .serviceTask("never", t -> t.zeebeJobType("esp-esc-int-never")).endEvent().done());

    // when
    long pi = f.create("esp-esc-int", Map.of());

    // then: only the event sub-process runs, and the process waits for it
    ActivatedJob handle = f.activate("esp-esc-int-handle");
    assertThat(handle.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(noJob("esp-esc-int-never")).isTrue();
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(handle).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldLetAnErrorPassTheInterruptedScopeWhenThrownInsideTheInterruptingEventSubProcess() {
    // given: an interrupting message event sub-process whose task fails with an error; the
    // same scope's error event sub-process does not catch any more once it is interrupted
    f.deploy(Bpmn.createExecutableProcess("esp-once")
        .eventSubProcess("on-abort", e -> e.startEvent("abort").interrupting(true)
            .message(m -> m.name("esp-abort").zeebeCorrelationKeyExpression("key"))
            .serviceTask("undo", t -> t.zeebeJobType("esp-once-undo")).endEvent())
        .eventSubProcess("on-error", e -> e.startEvent("failed").error()
            .serviceTask("repair", t -> t.zeebeJobType("esp-once-repair")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType("esp-once-work")).endEvent()
        .done());
    long pi = f.create("esp-once", Map.of("key", "a-1"));
    f.activate("esp-once-work");
    f.client.newPublishMessageCommand().messageName("esp-abort").correlationKey("a-1").send()
        .join();

    // when
    ActivatedJob undo = f.activate("esp-once-undo");
    f.client.newThrowErrorCommand(undo).errorCode("UNDO_FAILED").send().join();

    // then: nothing catches it; an incident, as for any uncaught error
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !f.incidents().isEmpty());
    assertThat(f.incidents().get(0)).contains("UNHANDLED_ERROR_EVENT");
    assertThat(noJob("esp-once-repair")).isTrue();
    assertThat(f.active(pi)).isTrue();
  }

  @Test
  void shouldOpenTheEventSubProcessWhenTheIncidentOnItsCorrelationKeyIsResolved() {
    // given: the process-level message event sub-process's correlation key is missing
    f.deploy(Bpmn.createExecutableProcess("esp-key")
        .eventSubProcess("on-update", e -> e.startEvent("updated").interrupting(false)
            .message(m -> m.name("esp-update").zeebeCorrelationKeyExpression("customerId"))
            .serviceTask("apply", t -> t.zeebeJobType("esp-key-apply")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType("esp-key-work")).endEvent()
        .done());
    long pi = f.create("esp-key", Map.of());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !f.incidents().isEmpty());
    String incident = f.incidents().get(0);
    assertThat(incident).contains("EXTRACT_VALUE_ERROR").contains("updated");

    // when: the variable is set and the incident resolved
    f.client.newSetVariablesCommand(pi).variables(Map.of("customerId", "c-1")).send().join();
    f.client.newResolveIncidentCommand(
        Long.parseLong(incident.replaceAll(".*\"key\":(\\d+).*", "$1"))).send().join();
    f.client.newPublishMessageCommand().messageName("esp-update").correlationKey("c-1")
        .send().join();

    // then: the event sub-process runs; the flow went on meanwhile
    ActivatedJob apply = f.activate("esp-key-apply");
    assertThat(apply.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(apply).send().join();
    f.client.newCompleteCommand(f.activate("esp-key-work")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldStillTriggerTheEventSubProcessWhenTheEngineRestartedWhileTheInstanceWaited() {
    // given: an instance waits, with a non-interrupting message and an interrupting timer
    // event sub-process open
    f.deploy(Bpmn.createExecutableProcess("esp-restart")
        .eventSubProcess("on-ping", e -> e.startEvent("ping").interrupting(false)
            .message(m -> m.name("esp-ping").zeebeCorrelationKeyExpression("key"))
            .serviceTask("pong", t -> t.zeebeJobType("esp-restart-pong")).endEvent())
        .eventSubProcess("on-timeout", e -> e.startEvent("timeout").interrupting(true)
            .timerWithDuration("PT8S")
            .serviceTask("expired", t -> t.zeebeJobType("esp-restart-expired")).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType("esp-restart-work")).endEvent()
        .done());
    long pi = f.create("esp-restart", Map.of("key", "r-1"));
    f.activate("esp-restart-work");

    // when
    f.restart();
    f.client.newPublishMessageCommand().messageName("esp-ping").correlationKey("r-1")
        .variables(Map.of("pinged", true)).send().join();

    // then: the message still triggers its event sub-process, and later the timer interrupts
    ActivatedJob pong = f.activate("esp-restart-pong");
    assertThat(pong.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(pong.getVariablesAsMap()).containsEntry("pinged", true);
    ActivatedJob expired = f.activate("esp-restart-expired");
    assertThat(expired.getProcessInstanceKey()).isEqualTo(pi);
    assertThatThrownBy(() -> f.client.newCompleteCommand(pong).send().join())
        .as("the interrupting timer terminated the other event sub-process")
        .hasMessageContaining("NOT_FOUND");
    f.client.newCompleteCommand(expired).send().join();
    f.awaitInactive(pi);
  }

  private boolean noJob(String type) {
    return f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(500)).send().join().getJobs().isEmpty();
  }
}
