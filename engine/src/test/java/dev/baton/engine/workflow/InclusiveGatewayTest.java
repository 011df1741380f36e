package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder;
import io.camunda.zeebe.model.bpmn.builder.InclusiveGatewayBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inclusive gateways: fork by conditions and default flow, join as Zeebe documents it. */
class InclusiveGatewayTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** Lunch: pasta and steak by condition, salad by default; a join, then clearing up. */
  private static BpmnModelInstance lunch(boolean withDefault) {
    var b = Bpmn.createExecutableProcess("lunch").startEvent().inclusiveGateway("fork")
        .conditionExpression("list contains(courses, \"pasta\")")
        .serviceTask("pasta", t -> t.zeebeJobType("pasta")).inclusiveGateway("join")
        .serviceTask("clear", t -> t.zeebeJobType("clear")).endEvent()
        .moveToNode("fork").conditionExpression("list contains(courses, \"steak\")")
        .serviceTask("steak", t -> t.zeebeJobType("steak")).connectTo("join");
    return withDefault
        ? ((InclusiveGatewayBuilder) b.moveToNode("fork")).defaultFlow().serviceTask("salad", t -> t.zeebeJobType("salad"))
            .connectTo("join").done()
        : b.done();
  }

  @Test
  void shouldTakeEveryTrueFlowAndJoinThemOnceWhenSeveralConditionsHold() {
    // given
    f.deploy(lunch(true));
    long pi = f.create("lunch", Map.of("courses", List.of("pasta", "steak")));

    // when: both chosen branches run; the first to finish waits at the join
    ActivatedJob pasta = f.activate("pasta");
    ActivatedJob steak = f.activate("steak");
    f.client.newCompleteCommand(pasta).variables(Map.of("pastaDone", true)).send().join();
    assertThat(hasJob("clear")).as("the join waits for the steak").isFalse();
    f.client.newCompleteCommand(steak).send().join();

    // then: one token leaves the join; the default (salad) was never taken
    ActivatedJob clear = f.activate("clear");
    assertThat(clear.getVariablesAsMap()).containsEntry("pastaDone", true);
    f.client.newCompleteCommand(clear).send().join();
    f.awaitInactive(pi);
    assertThat(hasJob("salad")).isFalse();
    assertThat(hasJob("clear")).isFalse();
  }

  @Test
  void shouldTakeDefaultFlowWhenNoConditionHolds() {
    // given
    f.deploy(lunch(true));
    long pi = f.create("lunch", Map.of("courses", List.of()));

    // when
    ActivatedJob salad = f.activate("salad");
    f.client.newCompleteCommand(salad).send().join();

    // then: the join goes on with the one branch that was taken
    ActivatedJob clear = f.activate("clear");
    f.client.newCompleteCommand(clear).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRaiseConditionIncidentWhenNoConditionHoldsAndNoDefaultThenResolve() {
    // given
    f.deploy(lunch(false));
    long pi = f.create("lunch", Map.of("courses", List.of("soup")));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> f.incidents().size() == 1);
    assertThat(f.incidents().get(0)).contains("CONDITION_ERROR").contains("fork");

    // when
    f.client.newSetVariablesCommand(pi).variables(Map.of("courses", List.of("steak"))).send()
        .join();
    String row = f.incidents().get(0);
    f.client.newResolveIncidentCommand(Long.parseLong(row.replaceAll(".*\"key\":(\\d+).*",
        "$1"))).send().join();

    // then
    f.client.newCompleteCommand(f.activate("steak")).send().join();
    f.client.newCompleteCommand(f.activate("clear")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldJoinWhenRemainingBranchEndsElsewhere() {
    // given: a parallel fork; branch B may go to the join or end on its own
    var b = Bpmn.createExecutableProcess("or-join").startEvent().parallelGateway("split")
        .serviceTask("a", t -> t.zeebeJobType("or-a")).inclusiveGateway("join")
        .serviceTask("after", t -> t.zeebeJobType("or-after")).endEvent()
        .moveToNode("split").serviceTask("b", t -> t.zeebeJobType("or-b"))
        .exclusiveGateway("route").conditionExpression("toJoin").connectTo("join");
    f.deploy(((ExclusiveGatewayBuilder) b.moveToNode("route")).defaultFlow()
        .endEvent("elsewhere").done());
    long ended = f.create("or-join", Map.of("toJoin", false));

    // when: A arrives first, while B could still reach the join
    f.client.newCompleteCommand(f.activate("or-a")).send().join();
    assertThat(hasJob("or-after")).as("B may still arrive").isFalse();
    f.client.newCompleteCommand(f.activate("or-b")).send().join();

    // then: B ended elsewhere, so nothing more can arrive: the join goes on
    f.client.newCompleteCommand(f.activate("or-after")).send().join();
    f.awaitInactive(ended);

    // and when B does arrive, the join waits for it and goes on once
    long joined = f.create("or-join", Map.of("toJoin", true));
    f.client.newCompleteCommand(f.activate("or-a")).send().join();
    f.client.newCompleteCommand(f.activate("or-b")).send().join();
    f.client.newCompleteCommand(f.activate("or-after")).send().join();
    f.awaitInactive(joined);
    assertThat(hasJob("or-after")).isFalse();
  }

  @Test
  void shouldKeepWaitingJoinAcrossRestart() {
    // given
    f.deploy(lunch(true));
    long pi = f.create("lunch", Map.of("courses", List.of("pasta", "steak")));
    f.client.newCompleteCommand(f.activate("pasta")).send().join();

    // when
    f.restart();
    assertThat(hasJob("clear")).isFalse();
    f.client.newCompleteCommand(f.activate("steak")).send().join();

    // then
    f.client.newCompleteCommand(f.activate("clear")).send().join();
    f.awaitInactive(pi);
  }

  private boolean hasJob(String type) {
    return !f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).send().join()
        .getJobs().isEmpty();
  }
}
