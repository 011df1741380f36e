package dev.baton.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.store.TestDatabases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.RuleDecisionRef;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A business rule task that calls published Baton rule packs ({@code decisionId="baton:..."}):
 * evaluated in-process, the decision recorded in the decision log under the process and element
 * instance keys, the result variable set; through the official client over gRPC and REST.
 */
class RulePackBusinessRuleTaskTest {
  private static final Path RULE_PACKS = Path.of("../rule-packs");
  private HikariDataSource dataSource;
  private Baton baton;
  private EmbeddedWorkflowEngine engine;
  private WorkflowRestServer restServer;
  private CamundaClient client;

  @BeforeEach
  void open() {
    dataSource = TestDatabases.fresh("h2");
    baton = Baton.open(dataSource, true);
    baton.packs().importDraft(PackSource.path(RULE_PACKS.resolve("cmi-threshold")), "ops.li",
        null);
    baton.packs().publish("cmi-threshold", "ops.li", "first release");
  }

  private void start(String api) {
    engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0)
        .withRuleDecisions(BatonRuleDecisions.on(baton)));
    if (api.equals("rest")) {
      restServer = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
      client = CamundaClient.newClientBuilder().restAddress(restServer.restAddress())
          .preferRestOverGrpc(true).build();
    } else {
      client = WorkflowClients.embedded(engine.grpcAddress());
    }
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (restServer != null) {
      restServer.close();
    }
    if (engine != null) {
      engine.close();
    }
    baton.close();
    dataSource.close();
  }

  static BpmnModelInstance scoring(String decisionId) {
    return Bpmn.createExecutableProcess("scoring").startEvent()
        .businessRuleTask("score", t -> t.zeebeCalledDecisionId(decisionId)
            .zeebeResultVariable("decision"))
        .endEvent().done();
  }

  static Map<String, Object> signals() {
    return Map.of("now", "2026-11-27T09:00:00Z", "facts", Map.of(
        "Customer", Map.of("customerId", "C-1001", "name", "Example Ltd", "region", "East"),
        "BehaviourSignal", List.of(
            Map.of("customerId", "C-1001", "kind", "WEBSITE_HEATMAP", "detail", "/pricing",
                "occurredAt", "2026-11-20T02:15:00Z"),
            Map.of("customerId", "C-1001", "kind", "COMPETITOR_COMPARISON_DOWNLOAD",
                "detail", "comparison.pdf", "occurredAt", "2026-11-22T06:40:00Z"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  @SuppressWarnings("unchecked")
  void shouldRecordTheDecisionWithTheInstanceKeysWhenATaskCallsARulePack(String api) {
    // given
    start(api);
    client.newDeployResourceCommand().addProcessModel(scoring("baton:cmi-threshold@1.0.0"),
        "scoring.bpmn").send().join();

    // when
    var result = client.newCreateInstanceCommand().bpmnProcessId("scoring").latestVersion()
        .variables(signals()).withResult().requestTimeout(Duration.ofSeconds(20)).send().join();

    // then: the result variable holds the decision
    Map<String, Object> decision = (Map<String, Object>) result.getVariablesAsMap()
        .get("decision");
    assertThat(decision.get("blocked")).isEqualTo(false);
    assertThat((List<Map<String, Object>>) decision.get("actions"))
        .extracting(a -> a.get("action")).containsExactly("CREATE_SALES_TASK");
    assertThat(((Map<String, Object>) decision.get("scores")).get("CMI").toString())
        .isEqualTo("50");
    assertThat((List<Map<String, Object>>) decision.get("packs")).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("id", "cmi-threshold")
            .containsEntry("version", "1.0.0"));
    // and the decision log has it under the instance and element keys
    long instance = result.getProcessInstanceKey();
    String requestId = (String) decision.get("requestId");
    assertThat(requestId).startsWith("workflow:" + instance + ":");
    long elementInstance = Long.parseLong(requestId.substring(requestId.lastIndexOf(':') + 1));
    assertThat(elementInstance).isNotEqualTo(instance);
    assertThat(requestId).isEqualTo(BatonRuleDecisions.requestId(instance, elementInstance));
    DecisionRecord record = baton.decisions().byRequestId(requestId).orElseThrow();
    assertThat(record.decisionId()).isEqualTo(decision.get("decisionId"));
    assertThat(record.actor()).isEqualTo("workflow:scoring/score");
    assertThat(record.customerId()).isEqualTo("C-1001");
    assertThat(record.actions()).containsExactly("CREATE_SALES_TASK");
    assertThat(baton.decisions().count(DecisionQuery.all())).isEqualTo(1);
  }

  @Test
  void shouldRaiseAnIncidentNamingThePackWhenItIsNotPublished() throws Exception {
    // given
    start("grpc");
    client.newDeployResourceCommand().addProcessModel(scoring("baton:cmi-threshold,nowhere"),
        "scoring.bpmn").send().join();

    // when
    long instance = client.newCreateInstanceCommand().bpmnProcessId("scoring").latestVersion()
        .variables(signals()).send().join().getProcessInstanceKey();

    // then
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
        incident(instance) != null);
    assertThat(incident(instance)).contains("CALLED_DECISION_ERROR")
        .contains("the pack 'nowhere' has no active published version");
    assertThat(baton.decisions().count(DecisionQuery.all())).isZero();
  }

  @Test
  void shouldParseOnePackAndPipelinesWithVersions() {
    // when
    RuleDecisionRef one = RuleDecisionRef.parse("baton:consent-check@1.1.0");
    RuleDecisionRef pipeline = RuleDecisionRef.parse("baton:cmi-threshold,ai-trigger,"
        + "consent-check@2.0.0");

    // then
    assertThat(one.packs()).containsExactly(new RuleDecisionRef.PackStep("consent-check",
        "1.1.0"));
    assertThat(pipeline.packs()).containsExactly(
        new RuleDecisionRef.PackStep("cmi-threshold", null),
        new RuleDecisionRef.PackStep("ai-trigger", null),
        new RuleDecisionRef.PackStep("consent-check", "2.0.0"));
    assertThat(pipeline).hasToString("baton:cmi-threshold,ai-trigger,consent-check@2.0.0");
    assertThatThrownBy(() -> RuleDecisionRef.parse("baton:")).hasMessageContaining(
        "is not a pack reference");
    assertThatThrownBy(() -> RuleDecisionRef.parse("baton:a,,b")).hasMessageContaining(
        "is not a pack reference");
  }

  private String incident(long instance) throws Exception {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("select data from wf_incident");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(1).contains(String.valueOf(instance))) {
          return rs.getString(1);
        }
      }
    }
    return null;
  }
}
