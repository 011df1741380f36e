package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get Zeebe's status codes and a message, and change nothing. */
class BadInputTest {
  private static EngineFixture f;

  @BeforeAll
  static void start() {
    // these assert gRPC status codes; RestApiTest holds REST's status codes and problem details
    Assumptions.assumeFalse("rest".equals(System.getProperty(EngineFixture.API)),
        "gRPC status codes");
    f = new EngineFixture("h2");
    f.deploy(ServiceTaskTest.oneTask());
  }

  @AfterAll
  static void stop() {
    if (f != null) {
      f.close();
    }
  }

  private static String code(Throwable t) {
    Throwable c = t;
    while (c != null && !(c instanceof ClientStatusException)) {
      c = c.getCause();
    }
    return c == null ? String.valueOf(t) : ((ClientStatusException) c).getStatusCode().name();
  }

  @Test
  void shouldRejectMalformedXmlWithInvalidArgument() {
    // when / then
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addResourceBytes("<definitions".getBytes(StandardCharsets.UTF_8), "broken.bpmn").send()
        .join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("broken.bpmn");
  }

  @Test
  void shouldRejectUnsupportedElementNamingTypeAndId() {
    // given
    var model = Bpmn.createExecutableProcess("with-user-task").startEvent()
        .transaction("approve").embeddedSubProcess().startEvent().task("inner").endEvent()
        .subProcessDone().endEvent().done();

    // when / then
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "user.bpmn").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("transaction").hasMessageContaining("approve");
    assertThatThrownBy(() -> f.create("with-user-task", Map.of()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
  }

  @Test
  void shouldRejectServiceTaskWithoutJobType() {
    // given
    var model = Bpmn.createExecutableProcess("no-type").startEvent().serviceTask("t").endEvent()
        .done();

    // when / then
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "no-type.bpmn").send().join())
        .hasMessageContaining("zeebe:taskDefinition").hasMessageContaining("'t'");
  }

  @Test
  void shouldDeployNothingWhenATimerStartEventHasAnInvalidCycle() {
    // given a process with a none start event and a timer start whose cycle is not ISO-8601
    var model = Bpmn.createExecutableProcess("bad-cycle").startEvent("none").endEvent()
        .moveToProcess("bad-cycle").startEvent("every").timerWithCycleExpression("\"often\"")
        .endEvent().done();

    // when / then the deployment is refused and the process was not deployed
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addProcessModel(model, "bad-cycle.bpmn").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("bad-cycle.bpmn").hasMessageContaining("often");
    assertThatThrownBy(() -> f.create("bad-cycle", Map.of()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
  }

  @Test
  void shouldAnswerNotFoundForUnknownProcessId() {
    assertThatThrownBy(() -> f.create("no-such-process", Map.of()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"))
        .hasMessageContaining("no-such-process");
  }

  @Test
  void shouldRejectVariablesThatAreNotAnObject() {
    assertThatThrownBy(() -> f.client.newCreateInstanceCommand().bpmnProcessId("one-task")
        .latestVersion().variables("[1, 2]").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("ARRAY");
  }

  @Test
  void shouldRejectOversizedPayload() {
    String big = "x".repeat(5 * 1024 * 1024);
    assertThatThrownBy(() -> f.client.newCreateInstanceCommand().bpmnProcessId("one-task")
        .latestVersion().variables(Map.of("big", big)).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("RESOURCE_EXHAUSTED"));
  }

  @Test
  void shouldAnswerNotFoundForUnknownJobKeyAndDoubleCompletion() {
    // given
    f.create("one-task", Map.of("amount", 1));
    var job = f.activate("work");
    f.client.newCompleteCommand(job).send().join();

    // when / then
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"))
        .hasMessageContaining(String.valueOf(job.getKey()));
    assertThatThrownBy(() -> f.client.newFailCommand(123L).retries(1).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
    assertThatThrownBy(() -> f.client.newResolveIncidentCommand(456L).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
    assertThatThrownBy(() -> f.client.newCancelInstanceCommand(789L).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
  }

  @Test
  void shouldLeaveJobUntouchedWhenCompletionVariablesAreInvalid() {
    // given
    f.create("one-task", Map.of("amount", 2));
    var job = f.activate("work");

    // when
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).variables("\"text\"").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"));

    // then: the job can still be completed
    f.client.newCompleteCommand(job).send().join();
  }

  @Test
  void shouldAnswerUnimplementedNamingTheRpc() {
    assertThatThrownBy(() -> f.client.newMigrateProcessInstanceCommand(1L).migrationPlan(2L)
        .addMappingInstruction("a", "b").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("UNIMPLEMENTED"))
        .hasMessageContaining("MigrateProcessInstance");
  }
}
