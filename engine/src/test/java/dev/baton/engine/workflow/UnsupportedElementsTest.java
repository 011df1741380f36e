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
    // given: a timer on a transaction sub-process
    var model = Bpmn.createExecutableProcess("tx").startEvent()
        .transaction("booking").embeddedSubProcess().startEvent().task("book").endEvent()
        .subProcessDone()
        .boundaryEvent("too-long", b -> b.timerWithDuration("PT1M")).endEvent()
        .moveToActivity("booking").endEvent().done();

    // when / then
    assertRefused(model, "transaction sub-processes are not supported", "'booking'")
        .hasMessageContaining("boundaryEvent 'too-long': attached to transaction 'booking',"
            + " an element that Baton's embedded engine does not support")
        .hasMessageNotContaining("not an activity");
  }

  @Test
  void shouldNameWhatStaysUnsupportedOfAdHocSubProcesses() {
    // given: the job-worker form with a completion condition (Zeebe ignores it there), an
    // output collection without its output element, start and end events inside
    var worker = Bpmn.createExecutableProcess("adhoc-worker").startEvent()
        .adHocSubProcess("tools", a -> a.zeebeJobType("agent").completionCondition("=done")
            .task("lookup")).endEvent().done();
    var output = Bpmn.createExecutableProcess("adhoc-output").startEvent()
        .adHocSubProcess("tools", a -> a.zeebeOutputCollection("results").task("lookup"))
        .endEvent().done();
    var bounded = Bpmn.createExecutableProcess("adhoc-bounded").startEvent()
        .adHocSubProcess("tools", a -> a.task("lookup").endEvent("stop")).endEvent().done();

    // when / then
    assertRefused(worker, "adHocSubProcess 'tools'", "with a job worker")
        .hasMessageContaining("zeebe:taskDefinition").hasMessageContaining("completionCondition");
    assertRefused(output, "adHocSubProcess 'tools'", "outputCollection and outputElement go"
        + " together");
    assertRefused(bounded, "endEvent 'stop'", "must not contain start or end events");
  }

  @Test
  void shouldNameWhatStaysUnsupportedOfCompensation() {
    // given: a boundary event without handler, waitForCompletion="false", a compensation
    // start event (event sub-processes) and a compensation catch event
    var noHandler = Bpmn.createExecutableProcess("comp").startEvent()
        .serviceTask("pay", t -> t.zeebeJobType("pay"))
        .boundaryEvent("undo-pay").compensateEventDefinition().compensateEventDefinitionDone()
        .moveToActivity("pay")
        .intermediateThrowEvent("undo").compensateEventDefinition().waitForCompletion(false)
        .compensateEventDefinitionDone().endEvent().done();
    var catching = Bpmn.createExecutableProcess("comp-catch").startEvent()
        .intermediateCatchEvent("wait").compensateEventDefinition()
        .compensateEventDefinitionDone().endEvent().done();

    // when / then
    assertRefused(noHandler, "boundaryEvent 'undo-pay': a compensation boundary event needs an"
        + " association to its compensation handler",
        "intermediateThrowEvent 'undo': waitForCompletion=\"false\"")
        .hasMessageNotContaining("boundary events need");
    assertRefused(catching, "intermediateCatchEvent 'wait'",
        "intermediate catch events need a message, timer or signal definition");
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
