package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job-worker form of ad-hoc sub-processes (Camunda 8.8's AI-agent blueprint): a job on entry
 * and after each inner path, completed with an {@code adHocSubProcess} result, through the
 * official client over gRPC or REST.
 */
class AdHocJobWorkerTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** An agent deciding between tools a, b (then b2) and c, then "after". */
  private static BpmnModelInstance agent() {
    return Bpmn.createExecutableProcess("agent").startEvent()
        .adHocSubProcess("tools", a -> {
          a.zeebeJobType("agent-loop").zeebeJobRetries("2").zeebeTaskHeader("model", "m1")
              .zeebeOutputExpression("answer", "answer");
          a.serviceTask("a", t -> t.zeebeJobType("tool-a").name("Look up"));
          a.serviceTask("b", t -> t.zeebeJobType("tool-b"))
              .serviceTask("b2", t -> t.zeebeJobType("tool-b2"));
          a.serviceTask("c", t -> t.zeebeJobType("tool-c"));
        })
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
  }

  @Test
  void shouldCreateJobOnEntryAndActivateWhatItsResultSays() {
    // given
    f.deploy(agent());
    long pi = f.create("agent", Map.of("question", "why?"));

    // when: the job of the sub-process
    ActivatedJob loop = f.activate("agent-loop");

    // then: it sees the activatable elements and the process variables
    assertThat(loop.getKind()).isEqualTo(JobKind.AD_HOC_SUB_PROCESS);
    assertThat(loop.getElementId()).isEqualTo("tools");
    assertThat(loop.getRetries()).isEqualTo(2);
    assertThat(loop.getCustomHeaders()).containsEntry("model", "m1");
    assertThat(loop.getVariablesAsMap()).containsEntry("question", "why?");
    List<Object> ids = ((List<?>) loop.getVariablesAsMap().get("adHocSubProcessElements"))
        .stream().map(e -> ((Map<?, ?>) e).get("elementId")).map(Object.class::cast).toList();
    assertThat(ids).containsExactly("a", "b", "c");

    // when: it activates a with a local variable
    f.client.newCompleteCommand(loop).variable("answer", "thinking")
        .withResult(r -> r.forAdHocSubProcess().activateElement("a")
            .variables(Map.of("toolCall", Map.of("q", 1)))).send().join();
    ActivatedJob a = f.activate("tool-a");

    // then
    assertThat(a.getVariablesAsMap()).containsEntry("toolCall", Map.of("q", 1))
        .containsEntry("answer", "thinking");
    assertThat(hasJob("agent-loop")).isFalse();

    // when: the tool is done, the sub-process asks its worker again
    f.client.newCompleteCommand(a).variable("answer", "42").send().join();
    ActivatedJob next = f.activate("agent-loop");
    assertThat(next.getVariablesAsMap()).containsEntry("answer", "42");
    f.client.newCompleteCommand(next).withResult(r -> r.forAdHocSubProcess()
        .completionConditionFulfilled(true)).send().join();

    // then: it completes and its output mapping leaves the answer
    ActivatedJob after = f.activate("after");
    assertThat(after.getVariablesAsMap()).containsEntry("answer", "42")
        .doesNotContainKey("toolCall");
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldTerminateRemainingElementsWhenResultCancelsRemainingInstances() {
    // given: b and c run
    f.deploy(agent());
    long pi = f.create("agent", Map.of());
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .activateElement("b").activateElement("c")).send().join();
    f.client.newCompleteCommand(f.activate("tool-c")).send().join();

    // when: after c, the worker is done and cancels the rest
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .completionConditionFulfilled(true).cancelRemainingInstances(true)).send().join();

    // then
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
    assertThat(hasJob("tool-b")).isFalse();
  }

  @Test
  void shouldWaitForRunningElementsWhenFulfilledWithoutCancelling() {
    // given: b (then b2) and c run
    f.deploy(agent());
    long pi = f.create("agent", Map.of());
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .activateElement("b").activateElement("c")).send().join();
    f.client.newCompleteCommand(f.activate("tool-c")).send().join();

    // when: fulfilled, remaining instances kept
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .completionConditionFulfilled(true)).send().join();

    // then: b's path finishes first, with no new job for the worker
    assertThat(hasJob("after")).isFalse();
    f.client.newCompleteCommand(f.activate("tool-b")).send().join();
    f.client.newCompleteCommand(f.activate("tool-b2")).send().join();
    assertThat(hasJob("agent-loop")).isFalse();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseActivatingUnknownOrInnerElementsAndChangeNothing() {
    // given
    f.deploy(agent());
    long pi = f.create("agent", Map.of());
    ActivatedJob loop = f.activate("agent-loop");

    // then: b2 has an incoming flow, nope does not exist
    assertThatThrownBy(() -> f.client.newCompleteCommand(loop).withResult(r -> r
        .forAdHocSubProcess().activateElement("b2").activateElement("nope")).send().join())
        .hasMessageContaining("'b2'").hasMessageContaining("'nope'");
    f.client.newCompleteCommand(loop).withResult(r -> r.forAdHocSubProcess()
        .activateElement("a")).send().join();
    f.client.newCompleteCommand(f.activate("tool-a")).send().join();
    assertThat(f.active(pi)).isTrue();
  }

  @Test
  void shouldKeepWaitingJobAcrossRestart() {
    // given
    f.deploy(agent());
    long pi = f.create("agent", Map.of());
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .activateElement("a")).send().join();
    f.client.newCompleteCommand(f.activate("tool-a")).send().join();

    // when
    f.restart();

    // then
    f.client.newCompleteCommand(f.activate("agent-loop")).withResult(r -> r.forAdHocSubProcess()
        .completionConditionFulfilled(true)).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCollectOutputElementOfEachEndedPathAsTheAgentBlueprintDoes() {
    // given: an output collection of tool call results, as the AI agent's template sets it
    f.deploy(Bpmn.createExecutableProcess("collect").startEvent()
        .adHocSubProcess("tools", a -> {
          a.zeebeJobType("collect-loop").zeebeOutputCollection("toolCallResults")
              .zeebeOutputElementExpression("{id: toolCall.id, content: toolCallResult}");
          a.serviceTask("a", t -> t.zeebeJobType("collect-a"));
          a.serviceTask("b", t -> t.zeebeJobType("collect-b"));
        })
        .serviceTask("after", t -> t.zeebeJobType("collect-after")).endEvent().done());
    long pi = f.create("collect", Map.of());

    // when: both tools run and return results
    f.client.newCompleteCommand(f.activate("collect-loop")).withResult(r -> r
        .forAdHocSubProcess().activateElement("a").variables(Map.of("toolCall", Map.of("id", 1)))
        .activateElement("b").variables(Map.of("toolCall", Map.of("id", 2)))).send().join();
    f.client.newCompleteCommand(f.activate("collect-b")).variable("toolCallResult", "B").send()
        .join();
    ActivatedJob second = f.activate("collect-loop");
    f.client.newCompleteCommand(f.activate("collect-a")).variable("toolCallResult", "A").send()
        .join();

    // then: the worker sees what was collected so far; the process gets the whole list
    assertThat(second.getVariablesAsMap().get("toolCallResults"))
        .isEqualTo(List.of(Map.of("id", 2, "content", "B")));
    f.client.newCompleteCommand(f.activate("collect-loop")).withResult(r -> r
        .forAdHocSubProcess().completionConditionFulfilled(true)).send().join();
    ActivatedJob after = f.activate("collect-after");
    assertThat(after.getVariablesAsMap().get("toolCallResults")).isEqualTo(List.of(
        Map.of("id", 2, "content", "B"), Map.of("id", 1, "content", "A")));
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldLeaveNoJobOpenWhenAnActivatedElementEndsAtOnceAndTheWorkerIsDone() {
    // given: a note that completes at once, and a tool
    f.deploy(Bpmn.createExecutableProcess("quick").startEvent()
        .adHocSubProcess("tools", a -> {
          a.zeebeJobType("quick-loop");
          a.manualTask("note");
          a.serviceTask("a", t -> t.zeebeJobType("quick-a"));
        })
        .endEvent().done());
    long pi = f.create("quick", Map.of());

    // when: both are activated and the worker is done, keeping what runs
    f.client.newCompleteCommand(f.activate("quick-loop")).withResult(r -> r.forAdHocSubProcess()
        .activateElement("note").activateElement("a").completionConditionFulfilled(true))
        .send().join();

    // then: no job asks the worker again; the sub-process waits for the tool only
    assertThat(hasJob("quick-loop")).isFalse();
    f.client.newCompleteCommand(f.activate("quick-a")).send().join();
    f.awaitInactive(pi);
  }

  private boolean hasJob(String type) {
    return !f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).send().join()
        .getJobs().isEmpty();
  }
}
