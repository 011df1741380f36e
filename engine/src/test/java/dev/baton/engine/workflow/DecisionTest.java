package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DMN decisions through the official client, once over gRPC and once over the REST API (the
 * client's default): deployment with Zeebe's versioning, EvaluateDecision, business rule tasks,
 * incidents for missing decisions, and hostile or broken DMN refused with nothing deployed.
 */
class DecisionTest {
  private HikariDataSource dataSource;
  private EmbeddedWorkflowEngine engine;
  private WorkflowRestServer restServer;
  private CamundaClient client;

  @BeforeEach
  void database() {
    dataSource = TestDatabases.fresh("h2");
  }

  private void start(String api) {
    engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0));
    if (api.equals("rest")) {
      restServer = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
      client = CamundaClient.newClientBuilder().restAddress(restServer.restAddress())
          .preferRestOverGrpc(true).build();
    } else {
      client = WorkflowClients.embedded(engine.grpcAddress());
    }
  }

  private void stopEngine() {
    client.close();
    if (restServer != null) {
      restServer.close();
      restServer = null;
    }
    engine.close();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      stopEngine();
    }
    dataSource.close();
  }

  static byte[] resource(String name) {
    try (InputStream in = DecisionTest.class.getResourceAsStream("/dmn/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static BpmnModelInstance dishProcess(String decisionId) {
    return Bpmn.createExecutableProcess("dinner").startEvent()
        .businessRuleTask("choose", t -> t.zeebeCalledDecisionId(decisionId)
            .zeebeResultVariable("dish"))
        .endEvent().done();
  }

  private DeploymentEvent deploy(String name, byte[] content) {
    return client.newDeployResourceCommand().addResourceBytes(content, name).send().join();
  }

  private Map<String, Object> runToEnd(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).withResult().requestTimeout(Duration.ofSeconds(20)).send().join()
        .getVariablesAsMap();
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldListDecisionsAndKeepVersionsWhenTheSameDmnIsDeployedAgain(String api) {
    // given
    start(api);

    // when
    DeploymentEvent first = client.newDeployResourceCommand()
        .addResourceBytes(resource("dish.dmn"), "dish.dmn")
        .addProcessModel(dishProcess("dish-decision"), "dinner.bpmn").send().join();
    DeploymentEvent same = deploy("dish.dmn", resource("dish.dmn"));
    DeploymentEvent changed = deploy("dish.dmn", resource("dish-v2.dmn"));

    // then
    assertThat(first.getProcesses()).singleElement()
        .satisfies(p -> assertThat(p.getBpmnProcessId()).isEqualTo("dinner"));
    assertThat(first.getDecisionRequirements()).singleElement().satisfies(g -> {
      assertThat(g.getDmnDecisionRequirementsId()).isEqualTo("dish");
      assertThat(g.getDmnDecisionRequirementsName()).isEqualTo("Dish");
      assertThat(g.getVersion()).isEqualTo(1);
      assertThat(g.getResourceName()).isEqualTo("dish.dmn");
    });
    assertThat(first.getDecisions()).extracting(d -> d.getDmnDecisionId())
        .containsExactly("dish-decision", "season");
    assertThat(first.getDecisions().get(0).getDmnDecisionName()).isEqualTo("Dish Decision");
    assertThat(first.getDecisions()).allSatisfy(d -> {
      assertThat(d.getVersion()).isEqualTo(1);
      assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("dish");
      assertThat(d.getDecisionRequirementsKey())
          .isEqualTo(first.getDecisionRequirements().get(0).getDecisionRequirementsKey());
    });
    assertThat(same.getDecisions()).extracting(d -> d.getDecisionKey())
        .containsExactlyElementsOf(first.getDecisions().stream().map(d -> d.getDecisionKey())
            .toList());
    assertThat(same.getDecisionRequirements().get(0).getVersion()).isEqualTo(1);
    assertThat(changed.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
    assertThat(changed.getDecisions()).allSatisfy(d -> assertThat(d.getVersion()).isEqualTo(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldEvaluateTheLatestDecisionByIdAndAVersionByKey(String api) {
    // given
    start(api);
    long v1 = deploy("dish.dmn", resource("dish.dmn")).getDecisions().get(0).getDecisionKey();
    deploy("dish.dmn", resource("dish-v2.dmn"));
    Map<String, Object> fallForFour = Map.of("month", 10, "guestCount", 4);

    // when
    EvaluateDecisionResponse latest = client.newEvaluateDecisionCommand()
        .decisionId("dish-decision").variables(fallForFour).send().join();
    EvaluateDecisionResponse byKey = client.newEvaluateDecisionCommand().decisionKey(v1)
        .variables(fallForFour).send().join();

    // then
    assertThat(latest.getDecisionOutput()).isEqualTo("\"Pork belly\"");
    assertThat(latest.getDecisionVersion()).isEqualTo(2);
    assertThat(latest.getDecisionRequirementsId()).isEqualTo("dish");
    assertThat(latest.getFailureMessage()).isNullOrEmpty();
    assertThat(byKey.getDecisionOutput()).isEqualTo("\"Spareribs\"");
    assertThat(byKey.getDecisionKey()).isEqualTo(v1);
    // the required decision first, then the called one with the rule that matched
    assertThat(byKey.getEvaluatedDecisions()).extracting(d -> d.getDecisionId())
        .containsExactly("season", "dish-decision");
    assertThat(byKey.getEvaluatedDecisions().get(0).getDecisionOutput()).isEqualTo("\"Fall\"");
    assertThat(byKey.getEvaluatedDecisions().get(1).getDecisionType())
        .isEqualTo("DECISION_TABLE");
    assertThat(byKey.getEvaluatedDecisions().get(1).getMatchedRules()).singleElement()
        .satisfies(r -> {
          assertThat(r.getRuleId()).isEqualTo("r1");
          assertThat(r.getRuleIndex()).isEqualTo(1);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldSetTheResultVariableWhenABusinessRuleTaskCallsADmnDecision(String api) {
    // given
    start(api);
    client.newDeployResourceCommand().addResourceBytes(resource("dish.dmn"), "dish.dmn")
        .addProcessModel(dishProcess("dish-decision"), "dinner.bpmn").send().join();

    // when
    Map<String, Object> fall = runToEnd("dinner", Map.of("month", 11, "guestCount", 12));
    Map<String, Object> winter = runToEnd("dinner", Map.of("month", 2, "guestCount", 3));

    // then
    assertThat(fall).containsEntry("dish", "Stew");
    assertThat(winter).containsEntry("dish", "Roastbeef");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldRaiseAnIncidentUntilTheCalledDecisionIsDeployed(String api) throws Exception {
    // given
    start(api);
    deploy("dinner.bpmn", Bpmn.convertToString(dishProcess("dish-decision"))
        .getBytes(StandardCharsets.UTF_8));
    long instance = client.newCreateInstanceCommand().bpmnProcessId("dinner").latestVersion()
        .variables(Map.of("month", 10, "guestCount", 2)).send().join().getProcessInstanceKey();
    long incident = awaitIncident("CALLED_DECISION_ERROR", "no decision found for id"
        + " 'dish-decision'");

    // when
    deploy("dish.dmn", resource("dish.dmn"));
    client.newResolveIncidentCommand(incident).send().join();

    // then
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
        processInstanceVariable(instance, "dish") != null);
    assertThat(processInstanceVariable(instance, "dish")).isEqualTo("\"Spareribs\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldCreateAJobWhenTheBusinessRuleTaskHasATaskDefinition(String api) {
    // given
    start(api);
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("worker")
        .startEvent().businessRuleTask("rate", t -> t.zeebeJobType("rate-customer")).endEvent()
        .done(), "worker.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("worker").latestVersion()
        .send().join().getProcessInstanceKey();

    // when
    var jobs = client.newActivateJobsCommand().jobType("rate-customer").maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();

    // then
    assertThat(jobs).singleElement().satisfies(j -> {
      assertThat(j.getElementId()).isEqualTo("rate");
      assertThat(j.getProcessInstanceKey()).isEqualTo(instance);
    });
    client.newCompleteCommand(jobs.get(0)).send().join();
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldKeepDecisionsWhenTheEngineRestarts(String api) {
    // given
    start(api);
    deploy("dish.dmn", resource("dish.dmn"));
    stopEngine();

    // when
    start(api);
    DeploymentEvent again = deploy("dish.dmn", resource("dish.dmn"));
    EvaluateDecisionResponse r = client.newEvaluateDecisionCommand().decisionId("dish-decision")
        .variables(Map.of("month", 1, "guestCount", 4)).send().join();

    // then
    assertThat(again.getDecisionRequirements().get(0).getVersion()).isEqualTo(1);
    assertThat(r.getDecisionOutput()).isEqualTo("\"Roastbeef\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldRefuseBrokenAndHostileDmnAndDeployNothing(String api) {
    // given
    start(api);
    byte[] process = Bpmn.convertToString(dishProcess("dish-decision"))
        .getBytes(StandardCharsets.UTF_8);

    // when / then: each refused with the reason, the process beside it not deployed
    refused(process, "malformed.dmn", "'malformed.dmn': not a well-formed DMN file: line 4");
    refused(process, "billion-laughs.dmn", "DOCTYPE");
    refused(process, "xxe.dmn", "DOCTYPE");
    refused(process, "bad-feel.dmn", "'bad-feel.dmn': Error compiling FEEL expression"
        + " 'if then else ('");
    refused(process, "not-dmn.dmn", "not a DMN file");
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("dinner")
        .latestVersion().send().join()).hasMessageContaining("dinner");
    assertThatThrownBy(() -> client.newEvaluateDecisionCommand().decisionId("lol")
        .variables(Map.of()).send().join())
        .hasMessageContaining("no decision found for id 'lol'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "rest"})
  void shouldRefuseRulePackDecisionsWhenTheEngineEvaluatesNoRulePacks(String api) {
    // given
    start(api);

    // when / then
    assertThatThrownBy(() -> client.newDeployResourceCommand()
        .addProcessModel(dishProcess("baton:consent-check@1.1.0"), "p.bpmn").send().join())
        .hasMessageContaining("business rule task 'choose' calls the Baton rule packs"
            + " 'baton:consent-check@1.1.0', but this engine evaluates no rule packs");
    assertThatThrownBy(() -> client.newDeployResourceCommand()
        .addProcessModel(dishProcess("baton:Consent Check"), "p.bpmn").send().join())
        .hasMessageContaining("is not a pack reference");
  }

  private void refused(byte[] process, String dmnName, String expected) {
    byte[] dmn = dmnName.equals("not-dmn.dmn")
        ? "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8)
        : resource(dmnName);
    assertThatThrownBy(() -> client.newDeployResourceCommand().addResourceBytes(dmn, dmnName)
        .addResourceBytes(process, "dinner.bpmn").send().join())
        .hasMessageContaining(expected);
  }

  /** Waits for an incident of a type and returns its key. */
  private long awaitIncident(String type, String message) {
    long[] key = new long[1];
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      try (var c = dataSource.getConnection();
          var ps = c.prepareStatement("select entity_key, data from wf_incident");
          var rs = ps.executeQuery()) {
        while (rs.next()) {
          String data = rs.getString(2);
          if (data.contains(type)) {
            assertThat(data).contains(message);
            key[0] = rs.getLong(1);
            return true;
          }
        }
        return false;
      }
    });
    return key[0];
  }

  private String processInstanceVariable(long instance, String name) throws Exception {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("select variables from wf_process_instance"
            + " where instance_key = ? and state = 'COMPLETED'")) {
      ps.setLong(1, instance);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<?, ?> vars = new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(rs.getString(1), Map.class);
        Object v = vars.get(name);
        return v == null ? null : new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(v);
      }
    }
  }
}
