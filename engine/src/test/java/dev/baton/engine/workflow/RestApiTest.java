package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API v2 as a user meets it: the official Camunda 8.8 client with its defaults (REST
 * preferred) and only its REST address pointed at the engine's REST server. Its gRPC address
 * stays the unreachable default, so every command below went over REST.
 */
class RestApiTest {
  private EngineFixture f;
  private WorkflowRestServer server;
  private CamundaClient rest;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
    rest.newDeployResourceCommand().addProcessModel(ServiceTaskTest.oneTask(), "one.bpmn")
        .send().join();
  }

  @AfterEach
  void stop() {
    rest.close();
    server.close();
    f.close();
  }

  static BpmnModelInstance withErrorBoundary() {
    return Bpmn.createExecutableProcess("guarded").startEvent().serviceTask("risky",
        t -> t.zeebeJobType("risky")).boundaryEvent("caught", b -> b.error("E42"))
        .endEvent("handled").moveToActivity("risky").endEvent("fine").done();
  }

  static BpmnModelInstance waitsForMessage() {
    return Bpmn.createExecutableProcess("waits").startEvent().intermediateCatchEvent("msg",
        e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("id"))).endEvent()
        .done();
  }

  static BpmnModelInstance waitsForSignal() {
    return Bpmn.createExecutableProcess("signalled").startEvent()
        .intermediateCatchEvent("sig", e -> e.signal("wake")).endEvent().done();
  }

  @Test
  void shouldAnswerTopologyWhenAskedOverRest() {
    // when
    var topology = rest.newTopologyRequest().send().join();

    // then
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.14");
    assertThat(topology.getBrokers()).singleElement().satisfies(b ->
        assertThat(b.getPartitions()).singleElement().satisfies(p -> assertThat(p.isLeader())
            .isTrue()));
  }

  @Test
  void shouldDeployAndCreateWhenSentOverRest() {
    // when
    var deployed = rest.newDeployResourceCommand().addProcessModel(withErrorBoundary(),
        "guarded.bpmn").send().join();
    var created = rest.newCreateInstanceCommand().bpmnProcessId("guarded").latestVersion()
        .variables(Map.of("a", 1)).send().join();

    // then
    assertThat(deployed.getProcesses()).singleElement().satisfies(p -> {
      assertThat(p.getBpmnProcessId()).isEqualTo("guarded");
      assertThat(p.getVersion()).isEqualTo(1);
    });
    assertThat(created.getProcessDefinitionKey())
        .isEqualTo(deployed.getProcesses().get(0).getProcessDefinitionKey());
    assertThat(f.active(created.getProcessInstanceKey())).isTrue();
  }

  @Test
  void shouldCompleteJobsOfAWorkerWhenItPollsOverRest() throws Exception {
    // given
    BlockingQueue<ActivatedJob> seen = EngineFixture.queue();
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 7)).send().join().getProcessInstanceKey();

    // when: a job worker with the client's defaults (polling, REST)
    try (var worker = rest.newWorker().jobType("work").handler((client, job) -> {
      client.newCompleteCommand(job).variables(Map.of("done", true)).send().join();
      seen.add(job);
    }).open()) {
      ActivatedJob job = EngineFixture.poll(seen);

      // then
      assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
      assertThat(job.getVariablesAsMap()).containsEntry("amount", 7);
      f.awaitInactive(pi);
    }
  }

  @Test
  void shouldReturnResultWhenCreatedWithAwaitCompletion() {
    // given: a worker completes the job (its output mapping keeps "result")
    try (var worker = rest.newWorker().jobType("work").handler((client, job) ->
        client.newCompleteCommand(job).variables(Map.of("result", 42)).send().join()).open()) {

      // when
      var result = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
          .variables(Map.of("amount", 1)).withResult().requestTimeout(Duration.ofSeconds(20))
          .send().join();

      // then
      assertThat(result.getVariablesAsMap()).containsEntry("result", 42)
          .containsEntry("amount", 1);
    }
  }

  @Test
  void shouldRaiseIncidentAndResolveItWhenJobFailsWithoutRetries() {
    // given
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 1)).send().join().getProcessInstanceKey();
    ActivatedJob job = activateOverRest("work");

    // when
    rest.newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();
    var incidents = rest.newIncidentSearchRequest().filter(i -> i.processInstanceKey(pi)).send()
        .join().items();
    rest.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    rest.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.getErrorMessage()).isEqualTo("boom");
      assertThat(i.getJobKey()).isEqualTo(job.getKey());
    });
    ActivatedJob again = activateOverRest("work");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
  }

  @Test
  void shouldTakeErrorBoundaryWhenWorkerThrowsError() {
    // given
    rest.newDeployResourceCommand().addProcessModel(withErrorBoundary(), "guarded.bpmn").send()
        .join();
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("guarded").latestVersion().send()
        .join().getProcessInstanceKey();
    ActivatedJob job = activateOverRest("risky");

    // when
    rest.newThrowErrorCommand(job.getKey()).errorCode("E42").errorMessage("no").send().join();

    // then
    f.awaitInactive(pi);
    var detail = f.engine.inspector().instance(pi).orElseThrow();
    assertThat(detail.path()).extracting(ElementInstanceView::elementId).contains("handled")
        .doesNotContain("fine");
  }

  @Test
  void shouldMoveOnWhenMessagePublishedAndSignalBroadcast() {
    // given
    rest.newDeployResourceCommand().addProcessModel(waitsForMessage(), "waits.bpmn")
        .addProcessModel(waitsForSignal(), "signalled.bpmn").send().join();
    long waiting = rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "order-1")).send().join().getProcessInstanceKey();
    long signalled = rest.newCreateInstanceCommand().bpmnProcessId("signalled").latestVersion()
        .send().join().getProcessInstanceKey();

    // when
    var published = rest.newPublishMessageCommand().messageName("go").correlationKey("order-1")
        .send().join();
    var broadcast = rest.newBroadcastSignalCommand().signalName("wake").send().join();

    // then
    assertThat(published.getMessageKey()).isPositive();
    assertThat(broadcast.getKey()).isPositive();
    f.awaitInactive(waiting);
    f.awaitInactive(signalled);
  }

  @Test
  void shouldCancelAndFindInstanceWhenSearchedOverRest() {
    // given
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 1)).send().join().getProcessInstanceKey();
    long other = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 2)).send().join().getProcessInstanceKey();

    // when
    rest.newCancelInstanceCommand(pi).send().join();
    var terminated = rest.newProcessInstanceSearchRequest().filter(p -> p
        .processDefinitionId("one-task").state(ProcessInstanceState.TERMINATED)).send().join();
    var one = rest.newProcessInstanceGetRequest(other).send().join();

    // then
    assertThat(terminated.items()).singleElement().satisfies(p ->
        assertThat(p.getProcessInstanceKey()).isEqualTo(pi));
    assertThat(one.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(f.active(pi)).isFalse();
    assertThat(f.active(other)).isTrue();
  }

  @Test
  void shouldUpdateJobAndVariablesAndFindThemWhenAskedOverRest() {
    // given
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 3)).send().join().getProcessInstanceKey();
    ActivatedJob job = activateOverRest("work");

    // when
    rest.newUpdateJobCommand(job.getKey()).updateRetries(5).send().join();
    rest.newSetVariablesCommand(pi).variables(Map.of("note", "checked")).send().join();
    var variables = rest.newVariableSearchRequest().filter(v -> v.processInstanceKey(pi)).send()
        .join().items();
    var definitions = rest.newProcessDefinitionSearchRequest().filter(d -> d
        .processDefinitionId("one-task")).send().join().items();
    String xml = rest.newProcessDefinitionGetXmlRequest(definitions.get(0)
        .getProcessDefinitionKey()).send().join();

    // then
    assertThat(variables).extracting(v -> v.getName() + "=" + v.getValue())
        .contains("amount=3", "note=\"checked\"");
    assertThat(definitions).singleElement().satisfies(d -> assertThat(d.getVersion())
        .isEqualTo(1));
    assertThat(xml).contains("one-task");
    rest.newFailCommand(job.getKey()).retries(0).send().join();
    assertThat(rest.newIncidentSearchRequest().filter(i -> i.processInstanceKey(pi)).send()
        .join().items()).hasSize(1);
  }

  @Test
  void shouldRefuseBeforeTheEngineWhenTheAuthenticatorSaysNo() {
    // given
    WorkflowRestApi guarded = f.engine.restApi().guardedBy(request ->
        request.header("Authorization") == null ? java.util.Optional.of(WorkflowRestApi.Response
            .problem(401, "Unauthorized", "Sign in with basic auth.", request.path()))
            : java.util.Optional.empty());
    int before = f.engine.inspector().instances(InstanceQuery.newest()).size();

    // when
    var refused = guarded.handleBlocking(new WorkflowRestApi.Request("POST",
        "/v2/process-instances", Map.of(), Map.of("Content-Type", "application/json"),
        "{\"processDefinitionId\":\"one-task\"}".getBytes()));
    var served = guarded.handleBlocking(new WorkflowRestApi.Request("GET", "/v2/topology",
        Map.of(), Map.of("authorization", "Basic eDp5"), null));

    // then
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.bodyText()).contains("Sign in");
    assertThat(served.status()).isEqualTo(200);
    assertThat(f.engine.inspector().instances(InstanceQuery.newest())).hasSize(before);
  }

  @Test
  void shouldAnswerNotFoundWhenJobOrInstanceIsUnknown() {
    // when / then
    assertThatThrownBy(() -> rest.newCompleteCommand(123456789L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> {
          assertThat(p.code()).isEqualTo(404);
          assertThat(p.details().getTitle()).isEqualTo("NOT_FOUND");
        });
    assertThatThrownBy(() -> rest.newCancelInstanceCommand(987654321L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p ->
            assertThat(p.code()).isEqualTo(404));
    assertThatThrownBy(() -> rest.newCreateInstanceCommand().bpmnProcessId("nope")
        .latestVersion().send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
  }

  @Test
  void shouldAnswerProblemAndChangeNothingWhenBodyIsMalformedOrMistyped() throws Exception {
    // given
    HttpClient http = HttpClient.newHttpClient();
    int before = f.engine.inspector().instances(InstanceQuery.newest()).size();

    // when
    var malformed = post(http, "/v2/process-instances", "{\"processDefinitionId\":");
    var mistyped = post(http, "/v2/process-instances",
        "{\"processDefinitionId\":\"one-task\",\"variables\":[1,2]}");
    var wrongNumber = post(http, "/v2/jobs/activation",
        "{\"type\":\"work\",\"maxJobsToActivate\":\"many\",\"timeout\":1000}");
    var badKey = post(http, "/v2/jobs/abc/completion", "{}");
    var decisions = post(http, "/v2/decision-definitions/search", "{}");
    var unknown = post(http, "/v2/nothing-here", "{}");

    // then
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue(
        "application/problem+json");
    assertThat(malformed.body()).contains("\"status\":400").contains("not valid JSON");
    assertThat(mistyped.statusCode()).isEqualTo(400);
    assertThat(mistyped.body()).contains("variables").contains("JSON object");
    assertThat(wrongNumber.statusCode()).isEqualTo(400);
    assertThat(wrongNumber.body()).contains("maxJobsToActivate");
    assertThat(badKey.statusCode()).isEqualTo(400);
    assertThat(decisions.statusCode()).isEqualTo(501);
    assertThat(decisions.body()).contains("decision-definitions");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(f.engine.inspector().instances(InstanceQuery.newest())).hasSize(before);
  }

  private HttpResponse<String> post(HttpClient http, String path, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.restAddress() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ActivatedJob activateOverRest(String type) {
    for (int i = 0; i < 20; i++) {
      var jobs = rest.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(2)).send().join()
          .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new AssertionError("no job of type " + type);
  }
}
