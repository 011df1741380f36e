package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator view, on H2 and PostgreSQL, after driving the engine with the official client. */
class WorkflowInspectorTest {

  static List<String> databases() {
    return dev.baton.engine.store.TestDatabases.names();
  }

  private static BpmnModelInstance approval() {
    return Bpmn.createExecutableProcess("approval").startEvent("start")
        .exclusiveGateway("route").defaultFlow()
        .serviceTask("check", t -> t.zeebeJobType("check"))
        .endEvent("done")
        .moveToNode("route").conditionExpression("skip = true").endEvent("skipped")
        .done();
  }

  private static BpmnModelInstance waiting() {
    return Bpmn.createExecutableProcess("waiting").startEvent()
        .intermediateCatchEvent("wait", e -> e.message(m -> m.name("go")
            .zeebeCorrelationKeyExpression("id")))
        .endEvent().done();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldListProcessesAndKeepTheirXmlWhenDeployed(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given
      long v1 = f.deploy(approval());
      long v2 = f.client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("approval").startEvent().endEvent()
              .done(), "approval-v2.bpmn").send().join().getProcesses().get(0)
          .getProcessDefinitionKey();

      // when
      List<DeployedProcess> processes = f.engine.inspector().processes();

      // then
      assertThat(processes).extracting(DeployedProcess::bpmnProcessId, DeployedProcess::version,
          DeployedProcess::processDefinitionKey, DeployedProcess::resourceName)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("approval", 1, v1, "process.bpmn"),
              org.assertj.core.groups.Tuple.tuple("approval", 2, v2, "approval-v2.bpmn"));
      assertThat(processes).allSatisfy(p -> assertThat(p.deployedAt()).isNotNull());
      assertThat(f.engine.inspector().bpmnXml(v1)).hasValueSatisfying(xml ->
          assertThat(xml).contains("id=\"check\"").contains("taskDefinition type=\"check\""));
      assertThat(f.engine.inspector().bpmnXml(12345L)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepPathAndVariablesWhenInstanceCompleted(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given
      f.deploy(approval());
      try (var worker = f.client.newWorker().jobType("check").handler((c, job) ->
          c.newCompleteCommand(job).variables(Map.of("checked", true)).send().join()).open()) {
        // when
        long pi = f.client.newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
            .variables(Map.of("skip", false, "customer", "C-1")).withResult()
            .requestTimeout(Duration.ofSeconds(30)).send().join().getProcessInstanceKey();

        // then: the runtime tables no longer hold it, the inspector still does
        assertThat(f.active(pi)).isFalse();
        ProcessInstanceDetail d = WorkflowInspector.on(f.dataSource).instance(pi).orElseThrow();
        assertThat(d.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
        assertThat(d.summary().bpmnProcessId()).isEqualTo("approval");
        assertThat(d.summary().endedAt()).isNotNull();
        assertThat(d.variables()).contains("\"checked\":true").contains("\"customer\":\"C-1\"");
        assertThat(d.path()).extracting(ElementInstanceView::elementId)
            .containsExactly("approval", "start", "route", "check", "done");
        assertThat(d.path()).extracting(ElementInstanceView::elementType)
            .containsExactly("PROCESS", "START_EVENT", "EXCLUSIVE_GATEWAY", "SERVICE_TASK",
                "END_EVENT");
        assertThat(d.path()).allSatisfy(e -> {
          assertThat(e.state()).isEqualTo(ElementInstanceState.COMPLETED);
          assertThat(e.endedAt()).isAfterOrEqualTo(e.startedAt());
        });
        assertThat(d.openIncidents()).isEmpty();
        assertThat(f.engine.inspector().instances(InstanceQuery.newest()
            .withState(ProcessInstanceState.COMPLETED))).extracting(
                ProcessInstanceSummary::processInstanceKey).containsExactly(pi);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldShowActiveElementAndLiveVariablesWhenInstanceWaits(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given
      f.deploy(waiting());
      long pi = f.create("waiting", Map.of("id", "A-7"));

      // when
      ProcessInstanceDetail d = f.engine.inspector().instance(pi).orElseThrow();

      // then
      assertThat(d.summary().state()).isEqualTo(ProcessInstanceState.ACTIVE);
      assertThat(d.summary().endedAt()).isNull();
      assertThat(d.variables()).isEqualTo("{\"id\":\"A-7\"}");
      assertThat(d.path()).extracting(ElementInstanceView::elementId,
          ElementInstanceView::state).containsExactly(
              org.assertj.core.groups.Tuple.tuple("waiting", ElementInstanceState.ACTIVE),
              org.assertj.core.groups.Tuple.tuple(d.path().get(1).elementId(),
                  ElementInstanceState.COMPLETED),
              org.assertj.core.groups.Tuple.tuple("wait", ElementInstanceState.ACTIVE));
      assertThat(f.engine.inspector().instance(pi + 1_000_000)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFilterAndPageInstancesWhenQueried(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given: two waiting, one cancelled, one of another process completed
      f.deploy(waiting());
      f.deploy(approval());
      long w1 = f.create("waiting", Map.of("id", "1"));
      long w2 = f.create("waiting", Map.of("id", "2"));
      long w3 = f.create("waiting", Map.of("id", "3"));
      f.client.newCancelInstanceCommand(w2).send().join();
      long a = f.create("approval", Map.of("skip", true));
      WorkflowInspector inspector = f.engine.inspector();

      // when / then
      assertThat(inspector.instances(InstanceQuery.newest()))
          .extracting(ProcessInstanceSummary::processInstanceKey).containsExactly(a, w3, w2, w1);
      assertThat(inspector.instances(InstanceQuery.newest().withBpmnProcessId("waiting")
          .withState(ProcessInstanceState.ACTIVE)))
          .extracting(ProcessInstanceSummary::processInstanceKey).containsExactly(w3, w1);
      assertThat(inspector.instances(InstanceQuery.newest()
          .withState(ProcessInstanceState.TERMINATED)))
          .extracting(ProcessInstanceSummary::processInstanceKey).containsExactly(w2);
      assertThat(inspector.instances(InstanceQuery.newest().page(2, 1)))
          .extracting(ProcessInstanceSummary::processInstanceKey).containsExactly(w3, w2);
      assertThat(inspector.instance(w2).orElseThrow().path())
          .filteredOn(e -> e.elementId().equals("wait")).singleElement()
          .extracting(ElementInstanceView::state).isEqualTo(ElementInstanceState.TERMINATED);
      assertThat(inspector.instance(a).orElseThrow().path()).extracting(
          ElementInstanceView::elementId).containsExactly("approval", "start", "route", "skipped");
      assertThatThrownBy(() -> InstanceQuery.newest().page(0, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFindIncidentAndCompleteWhenOperatorRetriesAndResolves(String db) throws Exception {
    try (EngineFixture f = new EngineFixture(db)) {
      // given: a job that fails without retries
      f.deploy(approval());
      long pi = f.create("approval", Map.of("skip", false));
      var job = f.activate("check");
      f.client.newFailCommand(job).retries(0).errorMessage("ledger offline").send().join();
      WorkflowInspector inspector = f.engine.inspector();

      // when: the operator finds it through the inspector, retries and resolves with the client
      List<IncidentView> open = inspector.incidents(true);
      assertThat(open).singleElement().satisfies(i -> {
        assertThat(i.processInstanceKey()).isEqualTo(pi);
        assertThat(i.elementId()).isEqualTo("check");
        assertThat(i.errorType()).isEqualTo("JOB_NO_RETRIES");
        assertThat(i.errorMessage()).isEqualTo("ledger offline");
        assertThat(i.jobKey()).isEqualTo(job.getKey());
        assertThat(i.resolved()).isFalse();
      });
      assertThat(inspector.instances(InstanceQuery.newest()
          .withState(ProcessInstanceState.INCIDENT)))
          .extracting(ProcessInstanceSummary::processInstanceKey).containsExactly(pi);
      assertThat(inspector.instance(pi).orElseThrow().openIncidents()).hasSize(1);
      IncidentView incident = open.get(0);
      f.client.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
      f.client.newResolveIncidentCommand(incident.incidentKey()).send().join();
      var again = f.activate("check");
      f.client.newCompleteCommand(again).send().join();

      // then
      assertThat(again.getKey()).isEqualTo(job.getKey());
      assertThat(inspector.incidents(true)).isEmpty();
      assertThat(inspector.incidents(false)).singleElement().satisfies(i -> {
        assertThat(i.resolved()).isTrue();
        assertThat(i.resolvedAt()).isAfterOrEqualTo(i.createdAt());
      });
      ProcessInstanceDetail d = inspector.instance(pi).orElseThrow();
      assertThat(d.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(d.openIncidents()).isEmpty();
      assertThat(inspector.instances(InstanceQuery.newest()
          .withState(ProcessInstanceState.INCIDENT))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepHistoryWhenEngineRestarts(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given
      f.deploy(waiting());
      long pi = f.create("waiting", Map.of("id", "R-1"));

      // when
      f.restart();
      f.client.newPublishMessageCommand().messageName("go").correlationKey("R-1").send().join();

      // then
      ProcessInstanceDetail d = f.engine.inspector().instance(pi).orElseThrow();
      assertThat(d.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(d.path()).extracting(ElementInstanceView::state)
          .containsOnly(ElementInstanceState.COMPLETED).hasSize(4);
    }
  }
}
