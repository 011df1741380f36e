package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refusals at deployment name the real cause and the element, never a misleading one. */
class UnsupportedElementsTest {
  private static EngineFixture f;

  @BeforeAll
  static void start() {
    f = new EngineFixture("h2");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void shouldNameUnsupportedHostWhenBoundaryEventIsAttachedToIt() {
    // given: a timer on an ad-hoc sub-process
    var model = Bpmn.createExecutableProcess("adhoc").startEvent()
        .adHocSubProcess("tools", a -> a.task("lookup"))
        .boundaryEvent("too-long", b -> b.timerWithDuration("PT1M")).endEvent()
        .moveToActivity("tools").endEvent().done();

    // when / then
    assertRefused(model, "ad-hoc sub-processes are not supported", "'tools'")
        .hasMessageContaining("boundaryEvent 'too-long': attached to adHocSubProcess 'tools',"
            + " an element that Baton's embedded engine does not support")
        .hasMessageNotContaining("not an activity");
  }

  @Test
  void shouldNameCompensationWhenCompensationEventsAreUsed() {
    // given
    var model = Bpmn.createExecutableProcess("comp").startEvent()
        .serviceTask("pay", t -> t.zeebeJobType("pay"))
        .boundaryEvent("undo-pay").compensateEventDefinition().compensateEventDefinitionDone()
        .moveToActivity("pay")
        .intermediateThrowEvent("undo").compensateEventDefinition()
        .compensateEventDefinitionDone().endEvent().done();

    // when / then
    assertRefused(model, "intermediateThrowEvent 'undo': compensation events are not supported",
        "boundaryEvent 'undo-pay': compensation events are not supported")
        .hasMessageNotContaining("boundary events need");
  }

  @Test
  void shouldNameWhatIsMissingWhenReceiveOrScriptTaskIsIncomplete() {
    // given
    var receive = Bpmn.createExecutableProcess("recv-bad").startEvent().receiveTask("wait")
        .endEvent().done();
    var noKey = Bpmn.createExecutableProcess("recv-nokey").startEvent()
        .receiveTask("wait", r -> r.message("paid")).endEvent().done();
    var script = Bpmn.createExecutableProcess("script-bad").startEvent().scriptTask("calc")
        .endEvent().done();
    var noResult = Bpmn.createExecutableProcess("script-nores").startEvent()
        .scriptTask("calc", s -> s.zeebeExpression("=1")).endEvent().done();

    // when / then
    assertRefused(receive, "receiveTask 'wait': a receive task needs a message", "messageRef");
    assertRefused(noKey, "receiveTask 'wait'", "zeebe:subscription with a correlationKey");
    assertRefused(script, "scriptTask 'calc'", "zeebe:script");
    assertRefused(noResult, "scriptTask 'calc'", "resultVariable");
  }

  @Test
  void shouldNameInclusiveGatewayFlowWithoutCondition() {
    // given
    var model = Bpmn.createExecutableProcess("or-bad").startEvent().inclusiveGateway("or")
        .endEvent("a").moveToNode("or").endEvent("b").done();

    // when / then
    assertRefused(model, "leaving inclusive gateway 'or' needs a condition", "sequence flow");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
      assertRefused(BpmnModelInstance model, String first, String second) {
    return assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "refused.bpmn").send().join())
        .hasMessageContaining(first).hasMessageContaining(second);
  }
}
