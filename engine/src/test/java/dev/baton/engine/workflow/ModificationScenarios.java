package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Process instance modification, start instructions and resource deletion through the official
 * 8.8 client, as Zeebe 8.8 documents them. Run over gRPC ({@link ModificationGrpcTest}) and
 * over the REST API with the client's defaults ({@link ModificationRestTest}).
 */
abstract class ModificationScenarios {
  EngineFixture f;

  /** The client under test. */
  abstract CamundaClient client();

  /** Stops the engine and starts a new one on the same database. */
  void restartEngine() {
    f.restart();
  }

  @AfterEach
  void closeFixture() {
    if (f != null) {
      f.close();
    }
  }

  // ====================================================================== models

  /** A → message catch B → C → end. */
  static BpmnModelInstance moveToken() {
    return Bpmn.createExecutableProcess("move").startEvent("start")
        .serviceTask("A", t -> t.zeebeJobType("a"))
        .intermediateCatchEvent("B", e -> e.message(m -> m.name("never")
            .zeebeCorrelationKeyExpression("\"k\"")))
        .serviceTask("C", t -> t.zeebeJobType("c").zeebeInputExpression("local", "inC"))
        .endEvent("end").done();
  }

  /** X → sub(Y) → end, and a multi-instance sub-process M with an inner task. */
  static BpmnModelInstance nested() {
    return Bpmn.createExecutableProcess("nested").startEvent("start")
        .serviceTask("X", t -> t.zeebeJobType("x"))
        .subProcess("sub", s -> s.embeddedSubProcess().startEvent("subStart")
            .serviceTask("Y", t -> t.zeebeJobType("y")).endEvent("subEnd"))
        .subProcess("M", s -> s.multiInstance(mi -> mi.zeebeInputCollectionExpression("[1,2]"))
            .embeddedSubProcess().startEvent("mStart").serviceTask("inner",
                t -> t.zeebeJobType("inner")).endEvent())
        .endEvent("end").done();
  }

  static BpmnModelInstance child() {
    return Bpmn.createExecutableProcess("child").startEvent()
        .serviceTask("childTask", t -> t.zeebeJobType("child-work")).endEvent().done();
  }

  static BpmnModelInstance parent() {
    return Bpmn.createExecutableProcess("parent").startEvent()
        .callActivity("call", c -> c.zeebeProcessId("child")).endEvent().done();
  }

  // ====================================================================== helpers

  ActivatedJob job(String type) {
    for (int i = 0; i < 20; i++) {
      var jobs = client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(2)).send().join()
          .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new AssertionError("no job of type " + type);
  }

  List<ActivatedJob> jobsNow(String type) {
    return client().newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
        .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofMillis(200)).send().join()
        .getJobs();
  }

  ProcessInstanceDetail detail(long key) {
    return f.engine.inspector().instance(key).orElseThrow();
  }

  List<ElementInstanceView> path(long key, String elementId) {
    return detail(key).path().stream().filter(e -> e.elementId().equals(elementId)).toList();
  }

  long activeKey(long instance, String elementId) {
    return path(instance, elementId).stream()
        .filter(e -> e.state() == ElementInstanceState.ACTIVE).findFirst().orElseThrow()
        .elementInstanceKey();
  }

  void awaitActive(long instance, String elementId) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> path(instance, elementId)
        .stream().anyMatch(e -> e.state() == ElementInstanceState.ACTIVE));
  }

  ProcessInstanceState stateOf(long instance) {
    return detail(instance).summary().state();
  }

  long create(String processId) {
    return client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
        .join().getProcessInstanceKey();
  }

  long deploy(BpmnModelInstance model, String name) {
    return client().newDeployResourceCommand().addProcessModel(model, name).send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
  }

  /** The refusal's gRPC code name (REST problems are mapped back from their status). */
  static String code(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ClientStatusException s) {
        return s.getStatusCode().name();
      }
      if (c instanceof ProblemException p) {
        return switch (p.code()) {
          case 400 -> "INVALID_ARGUMENT";
          case 404 -> "NOT_FOUND";
          case 409 -> "FAILED_PRECONDITION";
          default -> String.valueOf(p.code());
        };
      }
    }
    return String.valueOf(t);
  }

  // ====================================================================== modification

  @Test
  void shouldMoveTokenWhenCatchEventIsTerminatedAndNextTaskActivated() {
    // given
    deploy(moveToken(), "move.bpmn");
    long pi = create("move");
    client().newCompleteCommand(job("a")).send().join();
    awaitActive(pi, "B");
    long b = activeKey(pi, "B");

    // when
    client().newModifyProcessInstanceCommand(pi).activateElement("C")
        .withVariables(Map.of("global", 1)).withVariables(Map.of("local", "x"), "C").and()
        .terminateElement(b).send().join();

    // then
    ActivatedJob c = job("c");
    assertThat(c.getVariablesAsMap()).containsEntry("global", 1).containsEntry("inC", "x");
    assertThat(path(pi, "B")).singleElement().extracting(ElementInstanceView::state)
        .isEqualTo(ElementInstanceState.TERMINATED);
    client().newCompleteCommand(c).send().join();
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> stateOf(pi) == ProcessInstanceState.COMPLETED);
    assertThat(detail(pi).variables()).contains("\"global\":1").doesNotContain("\"local\"");
  }

  @Test
  void shouldCreateSubProcessWithoutItsStartEventWhenNestedElementIsActivated() {
    // given
    deploy(nested(), "nested.bpmn");
    long pi = create("nested");
    ActivatedJob x = job("x");

    // when
    client().newModifyProcessInstanceCommand(pi).activateElement("Y")
        .withVariables(Map.of("s", 1), "sub").and().terminateElement(x.getElementInstanceKey())
        .send().join();

    // then: Y runs in a new instance of sub, which never entered its start event; what the
    // modification created is stored (it goes on after a restart)
    restartEngine();
    ActivatedJob y = job("y");
    assertThat(y.getVariablesAsMap()).containsEntry("s", 1);
    assertThat(path(pi, "subStart")).isEmpty();
    assertThat(path(pi, "X")).singleElement().extracting(ElementInstanceView::state)
        .isEqualTo(ElementInstanceState.TERMINATED);
    client().newCompleteCommand(y).send().join();
    // sub completes and the flow goes on to M
    awaitActive(pi, "M");
    assertThat(path(pi, "sub")).singleElement().extracting(ElementInstanceView::state)
        .isEqualTo(ElementInstanceState.COMPLETED);
  }

  @Test
  void shouldTerminateProcessInstanceWhenItsLastElementInstanceIsTerminated() {
    // given
    deploy(moveToken(), "move.bpmn");
    long pi = create("move");
    ActivatedJob a = job("a");

    // when
    client().newModifyProcessInstanceCommand(pi).terminateElement(a.getElementInstanceKey())
        .send().join();

    // then
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> stateOf(pi) == ProcessInstanceState.TERMINATED);
    assertThat(jobsNow("a")).isEmpty();
    assertThat(f.active(pi)).isFalse();
  }

  @Test
  void shouldTerminateSubProcessWhenItsLastElementIsTerminatedAndGoOnElsewhere() {
    // given: the token in sub's task Y, moved to M's sibling path by activating 'end'
    deploy(nested(), "nested.bpmn");
    long pi = client().newCreateInstanceCommand().bpmnProcessId("nested").latestVersion()
        .startBeforeElement("Y").send().join().getProcessInstanceKey();
    ActivatedJob y = job("y");

    // when
    client().newModifyProcessInstanceCommand(pi).activateElement("end").and()
        .terminateElement(y.getElementInstanceKey()).send().join();

    // then: sub is terminated (nothing active in it), the end event completes the instance
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> stateOf(pi) == ProcessInstanceState.COMPLETED);
    assertThat(path(pi, "sub")).singleElement().extracting(ElementInstanceView::state)
        .isEqualTo(ElementInstanceState.TERMINATED);
  }

  @Test
  void shouldRefuseWholeModificationAndChangeNothingWhenAnInstructionIsInvalid() {
    // given
    deploy(nested(), "nested.bpmn");
    long pi = create("nested");
    ActivatedJob x = job("x");
    int pathBefore = detail(pi).path().size();

    // when / then: each refusal names the cause; the valid terminate instruction beside it
    // is not applied
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi).activateElement("nope")
        .and().terminateElement(x.getElementInstanceKey()).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("could not be found: 'nope'");
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi)
        .activateElement("inner").and().terminateElement(x.getElementInstanceKey()).send()
        .join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("'inner'").hasMessageContaining("multi-instance");
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi)
        .activateElement("subStart").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("START_EVENT");
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi).activateElement("Y")
        .and().terminateElement(4242L).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("'4242'");
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi).activateElement("Y")
        .withVariables(Map.of("v", 1), "M").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("flow scope");
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(987654321L)
        .activateElement("Y").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));

    // then
    assertThat(detail(pi).path()).hasSize(pathBefore);
    assertThat(activeKey(pi, "X")).isEqualTo(x.getElementInstanceKey());
    client().newCompleteCommand(x).send().join();
    awaitActive(pi, "Y");
  }

  @Test
  void shouldRefuseAmbiguousFlowScopeUnlessAnAncestorIsGiven() {
    // given: two instances of sub
    deploy(nested(), "nested.bpmn");
    long pi = create("nested");
    job("x");
    client().newModifyProcessInstanceCommand(pi).activateElement("sub").and()
        .activateElement("sub").send().join();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> path(pi, "sub").size() == 2);
    long firstSub = path(pi, "sub").get(0).elementInstanceKey();

    // when / then
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(pi).activateElement("Y")
        .send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("more than one active instance: 'sub'");
    client().newModifyProcessInstanceCommand(pi).activateElement("Y", firstSub).send().join();

    // then
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> path(pi, "Y").stream()
        .filter(e -> e.parentKey() == firstSub).count() == 2);
  }

  @Test
  void shouldRefuseTerminatingEverythingInCalledProcessInstance() {
    // given
    deploy(child(), "child.bpmn");
    deploy(parent(), "parent.bpmn");
    create("parent");
    ActivatedJob task = job("child-work");

    // when / then
    assertThatThrownBy(() -> client().newModifyProcessInstanceCommand(
        task.getProcessInstanceKey()).terminateElement(task.getElementInstanceKey()).send()
        .join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("created by a call activity").hasMessageContaining("'call'");
    client().newCompleteCommand(task).send().join();
  }

  // ====================================================================== start instructions

  @Test
  void shouldStartBeforeGivenElementsWhenCreatedWithStartInstructions() {
    // given
    deploy(moveToken(), "move.bpmn");

    // when
    long pi = client().newCreateInstanceCommand().bpmnProcessId("move").latestVersion()
        .variables(Map.of("local", "v")).startBeforeElement("C").send().join()
        .getProcessInstanceKey();

    // then
    ActivatedJob c = job("c");
    assertThat(c.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(c.getVariablesAsMap()).containsEntry("inC", "v");
    assertThat(path(pi, "start")).isEmpty();
    assertThat(path(pi, "A")).isEmpty();
  }

  @Test
  void shouldRefuseStartInstructionsThatCannotBeApplied() {
    // given
    deploy(nested(), "nested.bpmn");

    // when / then
    assertThatThrownBy(() -> client().newCreateInstanceCommand().bpmnProcessId("nested")
        .latestVersion().startBeforeElement("ghost").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("no element found with id 'ghost'");
    assertThatThrownBy(() -> client().newCreateInstanceCommand().bpmnProcessId("nested")
        .latestVersion().startBeforeElement("inner").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("inside a multi-instance subprocess");
    assertThat(f.engine.inspector().instances(InstanceQuery.newest())).isEmpty();
  }

  // ====================================================================== deletion

  static BpmnModelInstance messageStarted(String task) {
    return Bpmn.createExecutableProcess("versions").startEvent("none").serviceTask(task,
        t -> t.zeebeJobType(task)).endEvent().moveToProcess("versions").startEvent("byMessage")
        .message("start-versions").connectTo(task).done();
  }

  @Test
  void shouldFallBackToPreviousVersionWhenLatestIsDeleted() {
    // given
    long v1 = deploy(messageStarted("first"), "v1.bpmn");
    long v2 = deploy(messageStarted("second"), "v2.bpmn");
    long running = create("versions");

    // when a version with a running instance is deleted: refused
    assertThatThrownBy(() -> client().newDeleteResourceCommand(v2).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("FAILED_PRECONDITION"))
        .hasMessageContaining("still running instances");
    client().newCancelInstanceCommand(running).send().join();
    client().newDeleteResourceCommand(v2).send().join();

    // then: version 1 is the latest again, its message start event is open again
    var created = client().newCreateInstanceCommand().bpmnProcessId("versions").latestVersion()
        .send().join();
    assertThat(created.getProcessDefinitionKey()).isEqualTo(v1);
    assertThat(created.getVersion()).isEqualTo(1);
    client().newPublishMessageCommand().messageName("start-versions").correlationKey("")
        .send().join();
    assertThat(job("first").getProcessDefinitionKey()).isEqualTo(v1);
    assertThatThrownBy(() -> client().newCreateInstanceCommand().processDefinitionKey(v2).send()
        .join()).satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
    assertThat(f.engine.inspector().processes()).extracting(DeployedProcess::version)
        .containsExactly(1);
    assertThatThrownBy(() -> client().newDeleteResourceCommand(v2).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));

    // and a new deployment never reuses the deleted version, also after a restart
    restartEngine();
    long v3 = deploy(messageStarted("third"), "v3.bpmn");
    assertThat(f.engine.inspector().processes()).extracting(DeployedProcess::version)
        .containsExactly(1, 3);
    assertThat(client().newCreateInstanceCommand().bpmnProcessId("versions").latestVersion()
        .send().join().getProcessDefinitionKey()).isEqualTo(v3);
  }
}
