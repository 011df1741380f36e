package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AdHocSubProcessBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ad-hoc sub-processes as Zeebe 8.8 documents them, through the official client. */
class AdHocSubProcessTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** Tools a, b, c (b followed by b2) in an ad-hoc sub-process, then "after". */
  private static BpmnModelInstance tools(Consumer<AdHocSubProcessBuilder> configure) {
    return Bpmn.createExecutableProcess("agent").startEvent()
        .adHocSubProcess("tools", a -> {
          a.zeebeActiveElementsCollectionExpression("toolsToUse");
          a.serviceTask("a", t -> t.zeebeJobType("a").name("Look up"));
          a.serviceTask("b", t -> t.zeebeJobType("b")).serviceTask("b2", t -> t.zeebeJobType("b2"));
          a.serviceTask("c", t -> t.zeebeJobType("c"));
          configure.accept(a);
        })
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
  }

  @Test
  void shouldActivateListedElementsAndCompleteWhenNoneIsActive() {
    // given
    f.deploy(tools(a -> { }));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("a", "c")));

    // when
    ActivatedJob a = f.activate("a");
    ActivatedJob c = f.activate("c");
    f.client.newCompleteCommand(a).variables(Map.of("found", 42)).send().join();

    // then: b was not listed; the sub-process waits for c, then completes
    assertThat(hasJob("b")).isFalse();
    assertThat(hasJob("after")).as("c is still active").isFalse();
    f.client.newCompleteCommand(c).send().join();
    ActivatedJob after = f.activate("after");
    assertThat(after.getVariablesAsMap()).containsEntry("found", 42)
        .doesNotContainKey("adHocSubProcessElements");
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldDescribeActivatableElementsInAdHocSubProcessElements() {
    // given
    f.deploy(tools(a -> { }));
    f.create("agent", Map.of("toolsToUse", List.of("a")));

    // when
    ActivatedJob a = f.activate("a");

    // then: the elements without incoming flows, as Zeebe describes them
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> elements =
        (List<Map<String, Object>>) a.getVariablesAsMap().get("adHocSubProcessElements");
    assertThat(elements).extracting(e -> e.get("elementId")).containsExactly("a", "b", "c");
    assertThat(elements.get(0)).containsEntry("elementName", "Look up");
  }

  @Test
  void shouldFollowSequenceFlowsInsideAnActivatedElement() {
    // given
    f.deploy(tools(a -> { }));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("b")));

    // when
    f.client.newCompleteCommand(f.activate("b")).send().join();

    // then: b2 follows b inside the sub-process; only then does it complete
    assertThat(hasJob("after")).isFalse();
    f.client.newCompleteCommand(f.activate("b2")).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldTerminateRemainingElementsWhenCompletionConditionHolds() {
    // given: cancelRemainingInstances is true by default
    f.deploy(tools(a -> a.completionCondition("=enough")));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("a", "c"), "enough", false));
    ActivatedJob c = f.activate("c");

    // when
    f.client.newCompleteCommand(f.activate("a")).variables(Map.of("enough", true)).send().join();

    // then: c was terminated, the sub-process completed
    ActivatedJob after = f.activate("after");
    assertThatThrownBy(() -> f.client.newCompleteCommand(c).send().join())
        .hasMessageContaining("NOT_FOUND");
    f.client.newCompleteCommand(after).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldWaitForRemainingElementsWhenCancelRemainingInstancesIsFalse() {
    // given
    f.deploy(tools(a -> a.completionCondition("=enough").cancelRemainingInstances(false)));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("a", "c"), "enough", false));

    // when
    f.client.newCompleteCommand(f.activate("a")).variables(Map.of("enough", true)).send().join();

    // then: the condition holds, but c runs to its end first
    assertThat(hasJob("after")).isFalse();
    f.client.newCompleteCommand(f.activate("c")).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldStayActiveWhenConditionDoesNotHoldOrNothingIsListed() {
    // given
    f.deploy(tools(a -> a.completionCondition("=enough")));
    long unmet = f.create("agent", Map.of("toolsToUse", List.of("a"), "enough", false));
    long none = f.create("agent", Map.of("toolsToUse", List.of(), "enough", false));

    // when
    f.client.newCompleteCommand(f.activate("a")).send().join();

    // then: no element is active, but the condition does not hold: the sub-process waits
    assertThat(hasJob("after")).isFalse();
    assertThat(f.active(unmet)).isTrue();
    assertThat(f.active(none)).isTrue();
  }

  @Test
  void shouldRaiseIncidentWhenCollectionIsNotAListOfActivatableElementIds() {
    // given: b2 has an incoming flow, so it cannot be activated on its own
    f.deploy(tools(a -> { }));
    f.create("agent", Map.of("toolsToUse", List.of("b2")));
    f.create("agent", Map.of("toolsToUse", "a"));

    // when
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> f.incidents().size() >= 2);

    // then
    assertThat(f.incidents()).allMatch(i -> i.contains("EXTRACT_VALUE_ERROR"));
    assertThat(String.join(" ", f.incidents())).contains("b2").contains("a list");
    assertThat(hasJob("b2")).isFalse();
  }

  @Test
  void shouldRaiseIncidentWhenCompletionConditionFailsAndEvaluateAgainWhenResolved() {
    // given: the condition reads a variable that does not exist yet
    f.deploy(tools(a -> a.completionCondition("=enough")));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("a")));
    f.client.newCompleteCommand(f.activate("a")).send().join();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> f.incidents().size() >= 1);
    assertThat(f.incidents().get(0)).contains("EXTRACT_VALUE_ERROR").contains("tools");

    // when
    f.client.newSetVariablesCommand(pi).variables(Map.of("enough", true)).send().join();
    String row = f.incidents().get(0);
    f.client.newResolveIncidentCommand(Long.parseLong(row.replaceAll(".*\"key\":(\\d+).*",
        "$1"))).send().join();

    // then
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
    assertThat(f.incidents()).isEmpty();
  }

  @Test
  void shouldKeepFulfilledConditionAndWaitingElementsAcrossRestart() {
    // given: the condition held, c still runs
    f.deploy(tools(a -> a.completionCondition("=enough").cancelRemainingInstances(false)));
    long pi = f.create("agent", Map.of("toolsToUse", List.of("a", "c"), "enough", false));
    f.client.newCompleteCommand(f.activate("a")).variables(Map.of("enough", true)).send().join();

    // when
    f.restart();
    f.client.newCompleteCommand(f.activate("c")).variables(Map.of("enough", false)).send()
        .join();

    // then: the condition is not evaluated again once it held
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseJobWorkerFormWithActiveElementsAndOutputCollectionNamingThem() {
    // given
    var worker = tools(a -> a.zeebeJobType("agent-loop"));
    var output = tools(a -> a.zeebeOutputCollection("results"));

    // then
    assertThatThrownBy(() -> f.deploy(worker)).hasMessageContaining("adHocSubProcess 'tools'")
        .hasMessageContaining("with a job worker").hasMessageContaining("activeElementsCollection");
    assertThatThrownBy(() -> f.deploy(output)).hasMessageContaining("adHocSubProcess 'tools'")
        .hasMessageContaining("outputCollection");
  }

  private boolean hasJob(String type) {
    return !f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).send().join()
        .getJobs().isEmpty();
  }
}
