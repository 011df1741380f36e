package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compensation boundary events, handlers and throw and end events, as Zeebe 8.8 documents. */
class CompensationTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** A service task with a compensation handler: a job of type "undo". */
  private static AbstractFlowNodeBuilder<?, ?> step(AbstractFlowNodeBuilder<?, ?> b, String id) {
    return b.serviceTask(id, t -> t.zeebeJobType(id)).boundaryEvent("undo-" + id + "-event")
        .compensation(c -> c.serviceTask("undo-" + id).zeebeJobType("undo"))
        .moveToActivity(id);
  }

  /** pay, then ship, each compensable; a compensation throw (activityRef optional); after. */
  private static BpmnModelInstance order(String activityRef) {
    var b = Bpmn.createExecutableProcess("order").startEvent();
    var shipped = step(step(b, "pay"), "ship");
    return shipped.intermediateThrowEvent("compensate", e -> {
      var d = e.compensateEventDefinition();
      if (activityRef != null) {
        d.activityRef(activityRef);
      }
    }).serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
  }

  @Test
  void shouldInvokeHandlersOfCompletedActivitiesMostRecentFirstAndWaitForThem() {
    // given
    f.deploy(order(null));
    long pi = f.create("order", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).variables(Map.of("paid", 10)).send().join();
    f.client.newCompleteCommand(f.activate("ship")).send().join();

    // when: both handlers are invoked at once
    List<ActivatedJob> undo = activateAll("undo", 2);

    // then: created most recently completed first; the throw event waits for both
    assertThat(undo).extracting(ActivatedJob::getElementId).containsExactly("undo-ship",
        "undo-pay");
    assertThat(undo.get(1).getVariablesAsMap()).containsEntry("paid", 10);
    f.client.newCompleteCommand(undo.get(1)).send().join();
    assertThat(hasJob("after")).as("one handler still runs").isFalse();
    f.client.newCompleteCommand(undo.get(0)).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCompensateOnlyTheActivityNamedByActivityRef() {
    // given
    f.deploy(order("pay"));
    long pi = f.create("order", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).send().join();
    f.client.newCompleteCommand(f.activate("ship")).send().join();

    // when
    ActivatedJob undo = f.activate("undo");

    // then
    assertThat(undo.getElementId()).isEqualTo("undo-pay");
    f.client.newCompleteCommand(undo).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    assertThat(hasJob("undo")).as("ship is not compensated").isFalse();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCompleteThrowEventAtOnceWhenNothingIsToCompensate() {
    // given: the throw event comes before the compensable activity
    var model = step(Bpmn.createExecutableProcess("early").startEvent()
        .intermediateThrowEvent("compensate", e -> e.compensateEventDefinition()), "pay")
        .endEvent().done();
    f.deploy(model);

    // when
    long pi = f.create("early", Map.of());

    // then: nothing completed yet, so nothing is compensated; pay is active, not compensated
    f.client.newCompleteCommand(f.activate("pay")).send().join();
    f.awaitInactive(pi);
    assertThat(hasJob("undo")).isFalse();
  }

  @Test
  void shouldCompensateEachActivityOnlyOnce() {
    // given: two compensation throw events in a row
    var model = step(Bpmn.createExecutableProcess("twice").startEvent(), "pay")
        .intermediateThrowEvent("first", e -> e.compensateEventDefinition())
        .intermediateThrowEvent("second", e -> e.compensateEventDefinition())
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
    f.deploy(model);
    long pi = f.create("twice", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).send().join();

    // when
    f.client.newCompleteCommand(f.activate("undo")).send().join();

    // then: the second throw finds nothing left to compensate
    f.client.newCompleteCommand(f.activate("after")).send().join();
    assertThat(hasJob("undo")).isFalse();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCompensateInsideSubProcessWithEndEventAndOnlyThere() {
    // given: pay outside, book inside a sub-process ending in a compensation end event
    var b = step(Bpmn.createExecutableProcess("trip").startEvent(), "pay");
    var model = b.subProcess("booking", s -> step(s.embeddedSubProcess().startEvent(), "book")
            .endEvent("undo-all", e -> e.compensateEventDefinition()))
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
    f.deploy(model);
    long pi = f.create("trip", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).send().join();
    f.client.newCompleteCommand(f.activate("book")).send().join();

    // when
    ActivatedJob undo = f.activate("undo");

    // then: only the sub-process's own activity is compensated
    assertThat(undo.getElementId()).isEqualTo("undo-book");
    assertThat(hasJob("after")).as("the end event waits for its handler").isFalse();
    f.client.newCompleteCommand(undo).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    assertThat(hasJob("undo")).isFalse();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCompensateActivitiesOfCompletedSubProcessFromOuterScope() {
    // given
    var model = Bpmn.createExecutableProcess("nested").startEvent()
        .subProcess("booking", s -> step(s.embeddedSubProcess().startEvent(), "book").endEvent())
        .intermediateThrowEvent("compensate", e -> e.compensateEventDefinition())
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
    f.deploy(model);
    long pi = f.create("nested", Map.of());
    f.client.newCompleteCommand(f.activate("book")).send().join();

    // when
    ActivatedJob undo = f.activate("undo");

    // then
    assertThat(undo.getElementId()).isEqualTo("undo-book");
    f.client.newCompleteCommand(undo).send().join();
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldInvokeHandlerOfMultiInstanceActivityOnceWhenAllInstancesCompleted() {
    // given
    AbstractFlowNodeBuilder<?, ?> paid = Bpmn.createExecutableProcess("mi").startEvent()
        .serviceTask("pay", t -> t.zeebeJobType("pay")
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("items")))
        .boundaryEvent("undo-pay-event")
        .compensation(c -> c.serviceTask("undo-pay").zeebeJobType("undo"))
        .moveToActivity("pay");
    var model = paid.intermediateThrowEvent("compensate", e -> e.compensateEventDefinition())
        .endEvent().done();
    f.deploy(model);
    long pi = f.create("mi", Map.of("items", List.of(1, 2, 3)));

    // when
    for (ActivatedJob pay : activateAll("pay", 3)) {
      f.client.newCompleteCommand(pay).send().join();
    }

    // then: one handler for the whole multi-instance activity
    f.client.newCompleteCommand(f.activate("undo")).send().join();
    f.awaitInactive(pi);
    assertThat(hasJob("undo")).isFalse();
  }

  @Test
  void shouldInvokeHandlerOncePerCompletionWhenActivityCompletedTwice() {
    // given: pay runs in a loop twice
    var looped = step(Bpmn.createExecutableProcess("loop").startEvent()
        .exclusiveGateway("again"), "pay")
        .exclusiveGateway("more").conditionExpression("round < 2").connectTo("again");
    var model = ((ExclusiveGatewayBuilder) looped.moveToNode("more")).defaultFlow()
        .intermediateThrowEvent("compensate", e -> e.compensateEventDefinition())
        .endEvent().done();
    f.deploy(model);
    long pi = f.create("loop", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).variables(Map.of("round", 1)).send().join();
    f.client.newCompleteCommand(f.activate("pay")).variables(Map.of("round", 2)).send().join();

    // when
    List<ActivatedJob> undo = activateAll("undo", 2);

    // then
    assertThat(undo).extracting(ActivatedJob::getElementId).containsOnly("undo-pay");
    undo.forEach(j -> f.client.newCompleteCommand(j).send().join());
    f.awaitInactive(pi);
  }

  @Test
  void shouldKeepWaitingThrowEventAndCompletedActivitiesAcrossRestart() {
    // given: pay and ship completed; compensation is under way
    f.deploy(order(null));
    long pi = f.create("order", Map.of());
    f.client.newCompleteCommand(f.activate("pay")).send().join();
    f.client.newCompleteCommand(f.activate("ship")).send().join();
    List<ActivatedJob> undo = activateAll("undo", 2);
    f.client.newCompleteCommand(undo.get(0)).send().join();

    // when
    f.restart();
    f.client.newCompleteCommand(undo.get(1)).send().join();

    // then
    f.client.newCompleteCommand(f.activate("after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseUnsupportedOrIncompleteCompensationNamingTheElement() {
    // given
    var waitFalse = step(Bpmn.createExecutableProcess("p").startEvent(), "pay")
        .intermediateThrowEvent("nowait", e -> e.compensateEventDefinition()
            .waitForCompletion(false)).endEvent().done();
    var badRef = step(Bpmn.createExecutableProcess("p").startEvent(), "pay")
        .serviceTask("ship", t -> t.zeebeJobType("ship"))
        .intermediateThrowEvent("bad-ref", e -> e.compensateEventDefinition().activityRef("ship"))
        .endEvent().done();
    var noHandler = Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pay", t -> t.zeebeJobType("pay")).boundaryEvent("lonely")
        .compensateEventDefinition().compensateEventDefinitionDone().moveToActivity("pay")
        .endEvent().done();

    // then
    assertThatThrownBy(() -> f.deploy(waitFalse)).hasMessageContaining("'nowait'")
        .hasMessageContaining("waitForCompletion");
    assertThatThrownBy(() -> f.deploy(badRef)).hasMessageContaining("'bad-ref'")
        .hasMessageContaining("activityRef 'ship'");
    assertThatThrownBy(() -> f.deploy(noHandler)).hasMessageContaining("'lonely'")
        .hasMessageContaining("compensation handler");
  }

  private List<ActivatedJob> activateAll(String type, int n) {
    List<ActivatedJob> out = new java.util.ArrayList<>();
    for (int i = 0; i < 20 && out.size() < n; i++) {
      out.addAll(f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(n - out.size())
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(2)).send().join()
          .getJobs());
    }
    assertThat(out).hasSize(n);
    return out;
  }

  private boolean hasJob(String type) {
    return !f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).send().join()
        .getJobs().isEmpty();
  }
}
