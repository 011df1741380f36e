package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ModificationScenarios} through the official client with 8.8's defaults (REST), plus the
 * response shapes a strict client of the 8.8 spec checks.
 */
class ModificationRestTest extends ModificationScenarios {
  private WorkflowRestServer server;
  private CamundaClient rest;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
  }

  @AfterEach
  void stop() {
    rest.close();
    server.close();
  }

  @Override
  CamundaClient client() {
    return rest;
  }

  @Override
  void restartEngine() {
    rest.close();
    server.close();
    f.restart();
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.restAddress().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void shouldSendLastCompletedChangeIdAsString() throws Exception {
    // when
    JsonNode topology = get("/v2/topology");

    // then
    assertThat(topology.get("lastCompletedChangeId").isTextual()).isTrue();
  }

  @Test
  void shouldOmitAbsentOptionalFieldsOfProcessInstanceInsteadOfSendingNull() throws Exception {
    // given
    deploy(moveToken(), "move.bpmn");
    long pi = create("move");

    // when
    JsonNode one = get("/v2/process-instances/" + pi);

    // then: 8.8's spec has these optional, not nullable
    assertThat(one.has("processDefinitionVersionTag")).isFalse();
    assertThat(one.has("parentProcessInstanceKey")).isFalse();
    assertThat(one.has("parentElementInstanceKey")).isFalse();
    assertThat(one.has("endDate")).isFalse();
    one.fields().forEachRemaining(e -> assertThat(e.getValue().isNull()).as(e.getKey())
        .isFalse());
    // and the client reads it
    assertThat(rest.newProcessInstanceGetRequest(pi).send().join().getProcessInstanceKey())
        .isEqualTo(pi);
  }

  @Test
  void shouldAcceptModificationBodyAsTheSpecWritesIt() throws Exception {
    // given
    deploy(moveToken(), "move.bpmn");
    long pi = create("move");
    client().newCompleteCommand(job("a")).send().join();
    awaitActive(pi, "B");
    long b = activeKey(pi, "B");
    String body = new ObjectMapper().writeValueAsString(Map.of(
        "activateInstructions", java.util.List.of(Map.of("elementId", "C",
            "ancestorElementInstanceKey", "-1", "variableInstructions", java.util.List.of(
                Map.of("variables", Map.of("local", "y"), "scopeId", "C")))),
        "terminateInstructions", java.util.List.of(Map.of("elementInstanceKey",
            String.valueOf(b)))));

    // when
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.restAddress().resolve("/v2/process-instances/" + pi + "/modification"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(job("c").getVariablesAsMap()).containsEntry("inC", "y");
  }
}
