package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the REST API v2, sent as raw HTTP (no client would send it): malformed JSON,
 * wrong types, properties the request does not have, oversized bodies, keys of instances, jobs
 * and incidents that do not exist. Each answers Camunda's status code with a problem detail
 * that names what was wrong, and leaves every table of the engine exactly as it was.
 */
class RestBadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EngineFixture f;
  private WorkflowRestServer server;
  private CamundaClient rest;
  private final HttpClient http = HttpClient.newHttpClient();
  private long instanceKey;
  private ActivatedJob job;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
    rest.newDeployResourceCommand().addProcessModel(ServiceTaskTest.oneTask(), "one.bpmn")
        .send().join();
    instanceKey = rest.newCreateInstanceCommand().bpmnProcessId("one-task").latestVersion()
        .variables(Map.of("amount", 5)).send().join().getProcessInstanceKey();
    job = rest.newActivateJobsCommand().jobType("work").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(10)).requestTimeout(Duration.ofSeconds(10)).send().join()
        .getJobs().get(0);
  }

  @AfterEach
  void stop() {
    rest.close();
    server.close();
    f.close();
  }

  @Test
  void shouldAnswer400AndChangeNothingWhenBodyIsMalformedJson() throws Exception {
    // given
    List<String> before = tables();

    // when / then
    for (String[] call : new String[][] {
        {"POST", "/v2/process-instances", "{\"processDefinitionId\":\"one-task\","},
        {"POST", "/v2/process-instances", "{'processDefinitionId':'one-task'}"},
        {"POST", "/v2/jobs/activation", "{\"type\":\"work\" \"timeout\":1000}"},
        {"POST", "/v2/jobs/" + job.getKey() + "/completion", "{\"variables\":{\"a\":1}"},
        {"POST", "/v2/messages/publication", "name=go"}}) {
      problem(send(call[0], call[1], call[2]), 400, "Bad Request", "not valid JSON");
    }
    problem(send("POST", "/v2/process-instances", "[\"one-task\"]"), 400, "Bad Request",
        "expected a JSON object");
    problem(send("POST", "/v2/process-instances", ""), 400, "Bad Request",
        "Required request body is missing");
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void shouldAnswer400NamingThePropertyAndChangeNothingWhenATypeIsWrong() throws Exception {
    // given
    List<String> before = tables();
    String jobPath = "/v2/jobs/" + job.getKey();

    // when / then: Camunda 8.8 coerces nothing (no "1" for 1, no 1 for "1", no 1.5 for 1)
    problem(send("POST", "/v2/process-instances",
        "{\"processDefinitionId\":\"one-task\",\"processDefinitionVersion\":\"1\"}"), 400,
        "INVALID_ARGUMENT", "processDefinitionVersion");
    problem(send("POST", "/v2/process-instances",
        "{\"processDefinitionId\":\"one-task\",\"variables\":\"amount=1\"}"), 400,
        "INVALID_ARGUMENT", "variables", "JSON object");
    problem(send("POST", "/v2/process-instances",
        "{\"processDefinitionId\":42}"), 400, "INVALID_ARGUMENT", "processDefinitionId",
        "a string");
    problem(send("POST", "/v2/process-instances",
        "{\"processDefinitionId\":\"one-task\",\"awaitCompletion\":\"yes\"}"), 400,
        "INVALID_ARGUMENT", "awaitCompletion", "a boolean");
    problem(send("POST", "/v2/jobs/activation",
        "{\"type\":\"work\",\"maxJobsToActivate\":1,\"timeout\":1.5}"), 400,
        "INVALID_ARGUMENT", "timeout", "an integer");
    problem(send("POST", jobPath + "/failure", "{\"retries\":\"2\"}"), 400,
        "INVALID_ARGUMENT", "retries");
    problem(send("POST", jobPath + "/completion", "{\"variables\":[1,2]}"), 400,
        "INVALID_ARGUMENT", "variables");
    problem(send("PATCH", jobPath, "{\"changeset\":{\"retries\":\"five\"}}"), 400,
        "INVALID_ARGUMENT", "changeset.retries");
    problem(send("POST", "/v2/messages/publication", "{\"name\":[\"go\"]}"), 400,
        "INVALID_ARGUMENT", "name");
    problem(send("POST", "/v2/process-instances/search",
        "{\"page\":{\"limit\":\"10\"}}"), 400, "INVALID_ARGUMENT", "page.limit");

    // then: nothing changed, and the job is still the worker's to complete
    assertThat(tables()).isEqualTo(before);
    rest.newCompleteCommand(job.getKey()).variables(Map.of("result", 1)).send().join();
    f.awaitInactive(instanceKey);
  }

  @Test
  void shouldAnswer400NamingThePropertyAndChangeNothingWhenAPropertyIsUnknown()
      throws Exception {
    // given
    List<String> before = tables();
    String jobPath = "/v2/jobs/" + job.getKey();

    // when / then: a misspelt property is refused (as Camunda 8.8 does), not silently dropped
    problem(send("POST", "/v2/process-instances",
        "{\"processDefinitionId\":\"one-task\",\"variable\":{\"amount\":1}}"), 400,
        "Bad Request", "[variable]", "variables");
    problem(send("POST", "/v2/jobs/activation", "{\"type\":\"work\",\"maxJobsToActivate\":1,"
        + "\"timeout\":1000,\"fetchVariables\":[\"amount\"]}"), 400, "Bad Request",
        "[fetchVariables]", "fetchVariable");
    problem(send("POST", jobPath + "/completion", "{\"jobKey\":\"" + job.getKey()
        + "\",\"variables\":{}}"), 400, "Bad Request", "[jobKey]");
    problem(send("POST", jobPath + "/failure", "{\"retries\":0,\"message\":\"boom\"}"), 400,
        "Bad Request", "[message]", "errorMessage");
    problem(send("POST", jobPath + "/error", "{\"errorCode\":\"E1\",\"code\":\"E1\"}"), 400,
        "Bad Request", "[code]");
    problem(send("PATCH", jobPath, "{\"changeset\":{\"retry\":5}}"), 400, "Bad Request",
        "[changeset.retry]", "retries");
    problem(send("POST", "/v2/process-instances/" + instanceKey + "/cancellation",
        "{\"reason\":\"test\"}"), 400, "Bad Request", "[reason]");
    problem(send("POST", "/v2/messages/publication", "{\"name\":\"go\",\"ttl\":1000}"), 400,
        "Bad Request", "[ttl]", "timeToLive");
    problem(send("POST", "/v2/signals/broadcast", "{\"name\":\"wake\"}"), 400,
        "Bad Request", "[name]", "signalName");
    problem(send("PUT", "/v2/element-instances/" + instanceKey + "/variables",
        "{\"variables\":{\"a\":1},\"isLocal\":true}"), 400, "Bad Request", "[isLocal]");
    problem(send("POST", "/v2/process-instances/search", "{\"filters\":{}}"), 400,
        "Bad Request", "[filters]", "filter");
    problem(send("POST", "/v2/process-instances/search", "{\"page\":{\"size\":5}}"), 400,
        "Bad Request", "[page.size]", "limit");
    problem(send("POST", "/v2/incidents/search", "{\"sort\":[{\"field\":\"incidentKey\","
        + "\"direction\":\"ASC\"}]}"), 400, "Bad Request", "[sort[].direction]", "order");

    // then
    assertThat(tables()).isEqualTo(before);
    assertThat(f.active(instanceKey)).isTrue();
  }

  @Test
  void shouldAnswer413AndChangeNothingWhenBodyIsLargerThanTheLimit() throws Exception {
    // given: variables of 5 MiB, above the 4 MiB that Zeebe accepts by default
    List<String> before = tables();
    String big = "{\"processDefinitionId\":\"one-task\",\"variables\":{\"blob\":\""
        + "x".repeat(5 * 1024 * 1024) + "\"}}";

    // when
    HttpResponse<String> answer = send("POST", "/v2/process-instances", big);

    // then
    problem(answer, 413, "Payload Too Large", "4194304 bytes", "smaller");
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void shouldAnswer404NamingTheKeyAndChangeNothingWhenNoSuchInstanceJobOrIncidentExists()
      throws Exception {
    // given
    List<String> before = tables();
    long unknown = 2251799813999999L;

    // when / then
    problem(send("POST", "/v2/jobs/" + unknown + "/completion", "{}"), 404, "NOT_FOUND",
        String.valueOf(unknown));
    problem(send("POST", "/v2/jobs/" + unknown + "/failure", "{\"retries\":1}"), 404,
        "NOT_FOUND", String.valueOf(unknown));
    problem(send("POST", "/v2/jobs/" + unknown + "/error", "{\"errorCode\":\"E1\"}"), 404,
        "NOT_FOUND", String.valueOf(unknown));
    problem(send("PATCH", "/v2/jobs/" + unknown, "{\"changeset\":{\"retries\":2}}"), 404,
        "NOT_FOUND", String.valueOf(unknown));
    problem(send("POST", "/v2/process-instances/" + unknown + "/cancellation", ""), 404,
        "NOT_FOUND", String.valueOf(unknown));
    problem(send("GET", "/v2/process-instances/" + unknown, ""), 404, "NOT_FOUND",
        String.valueOf(unknown));
    problem(send("POST", "/v2/incidents/" + unknown + "/resolution", ""), 404, "NOT_FOUND",
        String.valueOf(unknown));
    problem(send("GET", "/v2/incidents/" + unknown, ""), 404, "NOT_FOUND",
        String.valueOf(unknown));
    problem(send("PUT", "/v2/element-instances/" + unknown + "/variables",
        "{\"variables\":{\"a\":1}}"), 404, "NOT_FOUND", String.valueOf(unknown));
    problem(send("GET", "/v2/process-definitions/" + unknown + "/xml", ""), 404, "NOT_FOUND",
        String.valueOf(unknown));
    problem(send("POST", "/v2/process-instances", "{\"processDefinitionKey\":\"" + unknown
        + "\"}"), 404, "NOT_FOUND", String.valueOf(unknown));

    // ... and a key that is no key at all is a 400 naming it
    problem(send("POST", "/v2/jobs/job-1/completion", "{}"), 400, "INVALID_ARGUMENT",
        "jobKey", "job-1");
    problem(send("POST", "/v2/process-instances/0/cancellation", ""), 400, "INVALID_ARGUMENT",
        "processInstanceKey");

    // then
    assertThat(tables()).isEqualTo(before);
    assertThat(f.active(instanceKey)).isTrue();
  }

  // ====================================================================== helpers

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.restAddress() + path))
        .timeout(Duration.ofSeconds(30));
    if (!body.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Checks an answer is a problem detail with this status and title saying all of {@code says}. */
  private static void problem(HttpResponse<String> answer, int status, String title,
      String... says) throws Exception {
    String what = answer.request().method() + " " + answer.request().uri().getPath() + " -> "
        + answer.statusCode() + " " + answer.body();
    assertThat(answer.statusCode()).as(what).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).as(what)
        .hasValue("application/problem+json");
    JsonNode p = JSON.readTree(answer.body());
    assertThat(p.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(p.get("title").asText()).as(what).isEqualTo(title);
    assertThat(p.get("instance").asText()).as(what).isEqualTo(answer.request().uri().getPath());
    assertThat(p.get("detail").asText()).as(what).contains(says);
  }

  /** Every row of every workflow table, so that "nothing changed" means exactly that. */
  private List<String> tables() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var c = f.dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      try (ResultSet t = c.getMetaData().getTables(null, null, "WF_%", new String[] {"TABLE"})) {
        while (t.next()) {
          names.add(t.getString("TABLE_NAME"));
        }
      }
      assertThat(names).contains("WF_JOB", "WF_ELEMENT_INSTANCE");
      for (String name : names.stream().sorted().toList()) {
        try (var s = c.createStatement(); var rs = s.executeQuery("select * from " + name
            + " order by 1")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(name);
            for (int i = 1; i <= n; i++) {
              row.append(" | ").append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }
}
