package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance table's escalation events (throw, end, boundary, uncaught), signal throw and
 * end events and link events, and the deployment refusals around them; driven through the
 * official client.
 */
class ThrowEventsTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  // ====================================================================== escalation

  @Test
  void shouldTakeBothPathsWhenNonInterruptingBoundaryCatchesAnIntermediateEscalation() {
    // given
    f.deploy(Bpmn.createExecutableProcess("esc-nonint").startEvent().subProcess("sub")
        .embeddedSubProcess().startEvent()
        .intermediateThrowEvent("raise", t -> t.escalation("LATE"))
        .serviceTask("inside", t -> t.zeebeJobType("esc-nonint-inside")).endEvent()
        .subProcessDone()
        .boundaryEvent("late", b -> b.escalation("LATE").cancelActivity(false))
        .serviceTask("notify", t -> t.zeebeJobType("esc-nonint-notify")).endEvent()
        .moveToActivity("sub").serviceTask("after", t -> t.zeebeJobType("esc-nonint-after"))
        .endEvent().done());

    // when
    long pi = f.create("esc-nonint", Map.of());

    // then: the boundary path and the thrower's path both run, the sub-process goes on
    ActivatedJob notify = f.activate("esc-nonint-notify");
    ActivatedJob inside = f.activate("esc-nonint-inside");
    assertThat(notify.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(notify).send().join();
    f.client.newCompleteCommand(inside).send().join();
    f.client.newCompleteCommand(f.activate("esc-nonint-after")).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldTerminateTheSubProcessWhenInterruptingCatchAllBoundaryCatchesAnEscalationEnd() {
    // given: one branch of the sub-process ends with an escalation, the other waits
    f.deploy(Bpmn.createExecutableProcess("esc-int").startEvent().subProcess("sub")
        .embeddedSubProcess().startEvent().parallelGateway("fork")
        .endEvent("escalate", e -> e.escalation("OVER_LIMIT"))
        .moveToNode("fork").serviceTask("waits", t -> t.zeebeJobType("esc-int-waits"))
        .endEvent().subProcessDone()
        .boundaryEvent("any", b -> b.escalation().cancelActivity(true))
        .serviceTask("handled", t -> t.zeebeJobType("esc-int-handled")).endEvent()
        .moveToActivity("sub").serviceTask("normal", t -> t.zeebeJobType("esc-int-normal"))
        .endEvent().done());

    // when
    long pi = f.create("esc-int", Map.of());

    // then: the sub-process (and its waiting task) is gone, the boundary path runs
    ActivatedJob handled = f.activate("esc-int-handled");
    assertThat(handled.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(noJob("esc-int-waits")).isTrue();
    f.client.newCompleteCommand(handled).send().join();
    f.awaitInactive(pi);
    assertThat(noJob("esc-int-normal")).isTrue();
  }

  @Test
  void shouldPreferTheMatchingCodeOverTheCatchAllWhenACalledProcessEscalates() {
    // given: a called process escalates with a code computed by FEEL; the call activity has
    // a catch-all and a matching escalation boundary event
    f.deploy(Bpmn.createExecutableProcess("esc-child").startEvent()
        .intermediateThrowEvent("raise",
            t -> t.escalationExpression("\"CODE_\" + string(level)"))
        .serviceTask("child-work", t -> t.zeebeJobType("esc-child-work")).endEvent().done());
    f.deploy(Bpmn.createExecutableProcess("esc-parent").startEvent()
        .callActivity("call", c -> c.zeebeProcessId("esc-child"))
        .boundaryEvent("all", b -> b.escalation().cancelActivity(false))
        .serviceTask("by-all", t -> t.zeebeJobType("esc-parent-all")).endEvent()
        .moveToActivity("call")
        .boundaryEvent("two", b -> b.escalation("CODE_2").cancelActivity(true))
        .serviceTask("by-two", t -> t.zeebeJobType("esc-parent-two")).endEvent()
        .moveToActivity("call").endEvent().done());

    // when
    long pi = f.create("esc-parent", Map.of("level", 2));

    // then: the matching (interrupting) boundary event wins; the child is terminated
    ActivatedJob two = f.activate("esc-parent-two");
    assertThat(two.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(noJob("esc-parent-all")).isTrue();
    assertThat(noJob("esc-child-work")).isTrue();
    f.client.newCompleteCommand(two).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldGoOnWithoutIncidentWhenNothingCatchesTheEscalation() {
    // given: an uncaught intermediate escalation, then an uncaught escalation end event
    f.deploy(Bpmn.createExecutableProcess("esc-none").startEvent()
        .intermediateThrowEvent("raise", t -> t.escalation("NOBODY"))
        .serviceTask("next", t -> t.zeebeJobType("esc-none-next"))
        .endEvent("end", e -> e.escalation("NOBODY_EITHER")).done());

    // when
    long pi = f.create("esc-none", Map.of());

    // then
    f.client.newCompleteCommand(f.activate("esc-none-next")).send().join();
    f.awaitInactive(pi);
    assertThat(f.incidents()).isEmpty();
  }

  // ====================================================================== signals

  @Test
  void shouldBroadcastWithLocalVariablesWhenSignalThrowAndEndEventsAreReached() {
    // given: one instance waits for a signal; a process starts on another; a third throws both
    f.deploy(Bpmn.createExecutableProcess("sig-waiter").startEvent()
        .intermediateCatchEvent("wait", e -> e.signal("sig-ready"))
        .serviceTask("go", t -> t.zeebeJobType("sig-waiter-go")).endEvent().done());
    f.deploy(Bpmn.createExecutableProcess("sig-started").startEvent().signal("sig-finished")
        .serviceTask("begin", t -> t.zeebeJobType("sig-started-begin")).endEvent().done());
    f.deploy(Bpmn.createExecutableProcess("sig-thrower").startEvent()
        .intermediateThrowEvent("ready", t -> t.signal("sig-ready")
            .zeebeInputExpression("orderId", "readyFor"))
        .serviceTask("between", t -> t.zeebeJobType("sig-thrower-between"))
        .endEvent("finished", e -> e.signal("sig-finished")).done());
    long waiter = f.create("sig-waiter", Map.of());

    // when
    long thrower = f.create("sig-thrower", Map.of("orderId", "o-7", "secret", "x"));

    // then: the waiter gets the throw event's local variables only, the thrower goes on
    ActivatedJob go = f.activate("sig-waiter-go");
    assertThat(go.getProcessInstanceKey()).isEqualTo(waiter);
    assertThat(go.getVariablesAsMap()).containsEntry("readyFor", "o-7")
        .doesNotContainKey("secret");
    f.client.newCompleteCommand(go).send().join();
    f.client.newCompleteCommand(f.activate("sig-thrower-between")).send().join();
    f.awaitInactive(thrower);

    // and the signal end event started the other process
    ActivatedJob begin = f.activate("sig-started-begin");
    assertThat(begin.getProcessInstanceKey()).isNotIn(waiter, thrower);
    f.client.newCompleteCommand(begin).send().join();
  }

  // ====================================================================== links

  @Test
  void shouldJumpToTheCatchEventOfTheSameNameWhenALinkIsThrown() {
    // given: a retry loop drawn with link events
    f.client.newDeployResourceCommand().addResourceBytes(linkLoop(true), "link.bpmn").send()
        .join();

    // when
    long pi = f.create("link-loop", Map.of("tries", 0));

    // then: the task runs three times through the link, then the process ends
    for (int i = 1; i <= 3; i++) {
      ActivatedJob attempt = f.activate("link-attempt");
      assertThat(attempt.getVariablesAsMap()).containsEntry("tries", i - 1);
      f.client.newCompleteCommand(attempt).variables(Map.of("tries", i)).send().join();
    }
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseALinkThrowWithoutMatchingCatchNamingIt() {
    // when / then
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addResourceBytes(linkLoop(false), "link.bpmn").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("again-throw").hasMessageContaining("'again'");
    assertThatThrownBy(() -> f.create("link-loop", Map.of()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
  }

  // ====================================================================== refusals

  @Test
  void shouldRefuseWhatStaysUnsupportedNamingElementAndId() {
    // given
    BpmnModelInstance noneStartEsp = Bpmn.createExecutableProcess("esp-none")
        .eventSubProcess("bad-esp", e -> e.startEvent("plain").endEvent())
        .startEvent().endEvent().done();
    BpmnModelInstance escalationOnTask = Bpmn.createExecutableProcess("esc-task").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("x"))
        .boundaryEvent("esc-on-task", b -> b.escalation("E")).endEvent()
        .moveToActivity("task").endEvent().done();
    BpmnModelInstance compensation = Bpmn.createExecutableProcess("comp").startEvent()
        .intermediateThrowEvent("compensate", t -> t.compensateEventDefinition()
            .waitForCompletion(false).compensateEventDefinitionDone())
        .endEvent().done();
    BpmnModelInstance twoCatchAll = Bpmn.createExecutableProcess("esc-twice").startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().endEvent().subProcessDone()
        .boundaryEvent("one", b -> b.escalation()).endEvent()
        .moveToActivity("sub").boundaryEvent("other", b -> b.escalation()).endEvent()
        .moveToActivity("sub").endEvent().done();

    // when / then
    assertRefused(noneStartEsp, "plain", "none start event");
    assertRefused(escalationOnTask, "esc-on-task", "sub-process or a call activity");
    assertRefused(compensation, "compensate", "waitForCompletion");
    assertRefused(twoCatchAll, "other", "every escalation");
  }

  private void assertRefused(BpmnModelInstance model, String id, String why) {
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "refused.bpmn").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("'" + id + "'").hasMessageContaining(why);
  }

  /** The gRPC status code, or the one a REST status stands for (either API may be tested). */
  private static String code(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ClientStatusException s) {
        return s.getStatusCode().name();
      }
      if (c instanceof ClientHttpException h) {
        return h.code() == 400 ? "INVALID_ARGUMENT" : h.code() == 404 ? "NOT_FOUND"
            : String.valueOf(h.code());
      }
    }
    return String.valueOf(t);
  }

  /** A loop: attempt, then while tries &lt; 3 a link throw 'again' back to its catch. */
  private static byte[] linkLoop(boolean withCatch) {
    String catchEvent = withCatch ? """
          <bpmn:intermediateCatchEvent id="again-catch">
            <bpmn:outgoing>f-catch</bpmn:outgoing>
            <bpmn:linkEventDefinition name="again" />
          </bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f-catch" sourceRef="again-catch" targetRef="attempt" />
        """ : "";
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="link-loop" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="attempt" />
            <bpmn:serviceTask id="attempt">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="link-attempt" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="attempt" targetRef="check" />
            <bpmn:exclusiveGateway id="check" default="f-done" />
            <bpmn:sequenceFlow id="f-again" sourceRef="check" targetRef="again-throw">
              <bpmn:conditionExpression>= tries &lt; 3</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f-done" sourceRef="check" targetRef="end" />
            <bpmn:intermediateThrowEvent id="again-throw">
              <bpmn:linkEventDefinition name="again" />
            </bpmn:intermediateThrowEvent>
            %s
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(catchEvent);
    return xml.strip().getBytes(StandardCharsets.UTF_8);
  }

  private boolean noJob(String type) {
    return f.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(500)).send().join().getJobs().isEmpty();
  }
}
