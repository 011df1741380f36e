package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance table's boundary message and signal events, timer cycles and dates,
 * multi-instance completion conditions and errors thrown in a called process, driven through
 * the official client.
 */
class BoundaryAndCycleEventsTest {
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
  void shouldCancelTaskAndTakeBoundaryPathWhenInterruptingMessageArrives() {
    // given: a task with an interrupting message boundary event correlated by order id
    f.deploy(Bpmn.createExecutableProcess("msg-int").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("msg-int-work")).boundaryEvent("cancelled",
            b -> b.message(m -> m.name("order-cancelled")
                .zeebeCorrelationKeyExpression("orderId")).cancelActivity(true))
        .serviceTask("refund", t -> t.zeebeJobType("msg-int-refund")).endEvent()
        .moveToActivity("work").endEvent().done());
    long other = f.create("msg-int", Map.of("orderId", "o-2"));
    long pi = f.create("msg-int", Map.of("orderId", "o-1"));
    ActivatedJob first = f.activate("msg-int-work");
    ActivatedJob second = f.activate("msg-int-work");
    ActivatedJob work = first.getProcessInstanceKey() == pi ? first : second;

    // when
    f.client.newPublishMessageCommand().messageName("order-cancelled").correlationKey("o-1")
        .variables(Map.of("why", "customer")).send().join();

    // then: the boundary path runs with the message's variables; the task's job is gone
    ActivatedJob refund = f.activate("msg-int-refund");
    assertThat(refund.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(refund.getVariablesAsMap()).containsEntry("why", "customer");
    assertThatThrownBy(() -> f.client.newCompleteCommand(work).send().join())
        .hasMessageContaining("NOT_FOUND");
    f.client.newCompleteCommand(refund).send().join();
    f.awaitInactive(pi);
    assertThat(f.active(other)).as("the instance of order o-2 still waits").isTrue();
  }

  @Test
  void shouldKeepTaskAndRunBoundaryPathWhenNonInterruptingMessageArrives() {
    // given
    f.deploy(Bpmn.createExecutableProcess("msg-nonint").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("msg-nonint-work")).boundaryEvent("nudged",
            b -> b.message(m -> m.name("nudge").zeebeCorrelationKeyExpression("orderId"))
                .cancelActivity(false))
        .serviceTask("notify", t -> t.zeebeJobType("msg-nonint-notify")).endEvent()
        .moveToActivity("work").endEvent().done());
    long pi = f.create("msg-nonint", Map.of("orderId", "o-9"));
    ActivatedJob work = f.activate("msg-nonint-work");

    // when: two messages, each a separate boundary path
    f.client.newPublishMessageCommand().messageName("nudge").correlationKey("o-9").send().join();
    f.client.newPublishMessageCommand().messageName("nudge").correlationKey("o-9").send().join();

    // then
    f.client.newCompleteCommand(f.activate("msg-nonint-notify")).send().join();
    f.client.newCompleteCommand(f.activate("msg-nonint-notify")).send().join();
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(work).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldInterruptTaskWhenSignalIsBroadcastToItsBoundaryEvent() {
    // given
    f.deploy(Bpmn.createExecutableProcess("sig-boundary").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("sig-work")).boundaryEvent("stop",
            b -> b.signal("stop-all").cancelActivity(true))
        .serviceTask("stopped", t -> t.zeebeJobType("sig-stopped")).endEvent()
        .moveToActivity("work").endEvent().done());
    long pi = f.create("sig-boundary", Map.of());
    ActivatedJob work = f.activate("sig-work");

    // when
    f.client.newBroadcastSignalCommand().signalName("stop-all").send().join();

    // then
    ActivatedJob stopped = f.activate("sig-stopped");
    assertThat(stopped.getProcessInstanceKey()).isEqualTo(pi);
    assertThatThrownBy(() -> f.client.newCompleteCommand(work).send().join())
        .hasMessageContaining("NOT_FOUND");
    f.client.newCompleteCommand(stopped).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldStartOneInstancePerRepetitionWhenTimerStartEventHasACycle() {
    // given: a timer start event that fires twice
    f.deploy(Bpmn.createExecutableProcess("cycle-start").startEvent("tick")
        .timerWithCycle("R2/PT0.2S")
        .serviceTask("tock", t -> t.zeebeJobType("cycle-tock")).endEvent().done());

    // when
    ActivatedJob a = f.activate("cycle-tock");
    ActivatedJob b = f.activate("cycle-tock");

    // then: two instances, and no third one
    assertThat(a.getProcessInstanceKey()).isNotEqualTo(b.getProcessInstanceKey());
    assertThat(noJob("cycle-tock")).isTrue();
  }

  @Test
  void shouldRepeatWhileTheTaskRunsWhenNonInterruptingTimerHasACycle() {
    // given: a reminder every 0.2 s, three times, while the task waits
    f.deploy(Bpmn.createExecutableProcess("remind").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("remind-work")).boundaryEvent("again",
            b -> b.timerWithCycle("R3/PT0.2S").cancelActivity(false))
        .serviceTask("reminder", t -> t.zeebeJobType("remind-reminder")).endEvent()
        .moveToActivity("work").endEvent().done());
    long pi = f.create("remind", Map.of());

    // when
    Set<Long> reminders = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ActivatedJob r = f.activate("remind-reminder");
      reminders.add(r.getKey());
      f.client.newCompleteCommand(r).send().join();
    }

    // then: three reminders, the task still open, then done
    assertThat(reminders).hasSize(3);
    assertThat(noJob("remind-reminder")).isTrue();
    assertThat(f.active(pi)).isTrue();
    f.client.newCompleteCommand(f.activate("remind-work")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldFireAtTheDateWhenIntermediateTimerHasADate() {
    // given
    String soon = Instant.now().plusMillis(300).toString();
    f.deploy(Bpmn.createExecutableProcess("date").startEvent()
        .intermediateCatchEvent("at", e -> e.timerWithDateExpression("date and time(\"" + soon
            + "\")"))
        .serviceTask("after", t -> t.zeebeJobType("date-after")).endEvent().done());

    // when
    long pi = f.create("date", Map.of());

    // then
    ActivatedJob after = f.activate("date-after");
    assertThat(Instant.now()).isAfterOrEqualTo(Instant.parse(soon));
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCompleteTheBodyEarlyWhenCompletionConditionHolds() {
    // given: four parallel items, done as soon as two are approved
    f.deploy(Bpmn.createExecutableProcess("quorum").startEvent()
        .serviceTask("vote", t -> t.zeebeJobType("quorum-vote").multiInstance(m -> m.parallel()
            .zeebeInputCollectionExpression("voters").zeebeInputElement("voter")
            .completionCondition("= numberOfCompletedInstances >= 2")))
        .serviceTask("tally", t -> t.zeebeJobType("quorum-tally")).endEvent().done());
    long pi = f.create("quorum", Map.of("voters", List.of("a", "b", "c", "d")));
    ActivatedJob[] votes = new ActivatedJob[4];
    for (int i = 0; i < 4; i++) {
      votes[i] = f.activate("quorum-vote");
    }

    // when
    f.client.newCompleteCommand(votes[0]).send().join();
    f.client.newCompleteCommand(votes[1]).send().join();

    // then: the body completes, the two open votes are cancelled
    ActivatedJob tally = f.activate("quorum-tally");
    assertThat(tally.getProcessInstanceKey()).isEqualTo(pi);
    assertThatThrownBy(() -> f.client.newCompleteCommand(votes[2]).send().join())
        .hasMessageContaining("NOT_FOUND");
    f.client.newCompleteCommand(tally).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCatchInTheParentWhenAnErrorIsThrownInTheCalledProcess() {
    // given: the child's task throws an error that only the parent's call activity catches
    f.deploy(Bpmn.createExecutableProcess("risky-child").startEvent()
        .serviceTask("check", t -> t.zeebeJobType("child-check")).endEvent().done());
    f.deploy(Bpmn.createExecutableProcess("careful-parent").startEvent()
        .callActivity("call", c -> c.zeebeProcessId("risky-child")).boundaryEvent("failed",
            b -> b.error("CHECK_FAILED"))
        .serviceTask("fallback", t -> t.zeebeJobType("parent-fallback")).endEvent()
        .moveToActivity("call").endEvent().done());
    long pi = f.create("careful-parent", Map.of());
    ActivatedJob check = f.activate("child-check");
    long child = check.getProcessInstanceKey();

    // when
    f.client.newThrowErrorCommand(check).errorCode("CHECK_FAILED").errorMessage("no credit")
        .send().join();

    // then: the parent takes its error path; the child instance is ended; no incident
    ActivatedJob fallback = f.activate("parent-fallback");
    assertThat(fallback.getProcessInstanceKey()).isEqualTo(pi);
    f.awaitInactive(child);
    assertThat(f.incidents()).isEmpty();
    f.client.newCompleteCommand(fallback).send().join();
    f.awaitInactive(pi);
  }

  /** True when no job of the type becomes activatable within a second. */
  private boolean noJob(String type) {
    return f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(1)).send().join()
        .getJobs().isEmpty();
  }
}
