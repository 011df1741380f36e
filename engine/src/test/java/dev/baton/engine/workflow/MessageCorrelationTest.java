package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
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
 * {@code POST /v2/messages/correlation} through the official 8.8 client on its defaults (REST
 * preferred, only the REST address pointed at the engine): the message reaches what waits for
 * it now and is answered with the instance it reached, or is refused with 404 and never
 * buffered.
 */
class MessageCorrelationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EngineFixture f;
  private WorkflowRestServer server;
  private CamundaClient rest;
  private final HttpClient http = HttpClient.newHttpClient();

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
    f.close();
  }

  /** Waits for message "go" keyed by {@code id}, then a job of type "after". */
  static BpmnModelInstance waitsThenWorks() {
    return Bpmn.createExecutableProcess("waits").startEvent().intermediateCatchEvent("msg",
        e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("id")))
        .serviceTask("after", t -> t.zeebeJobType("after")).endEvent().done();
  }

  /** Started by message "order placed", then a job of type "ship". */
  static BpmnModelInstance startedByMessage() {
    return Bpmn.createExecutableProcess("ordered").startEvent("placed")
        .message("order placed").serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent()
        .done();
  }

  private ActivatedJob activate(String type) {
    var jobs = rest.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(10)).send().join()
        .getJobs();
    assertThat(jobs).as("a job of type " + type).hasSize(1);
    return jobs.get(0);
  }

  @Test
  void shouldCorrelateToTheWaitingInstanceAndMergeItsVariables() {
    // given
    rest.newDeployResourceCommand().addProcessModel(waitsThenWorks(), "waits.bpmn").send().join();
    long pi = rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "order-1", "amount", 3)).send().join().getProcessInstanceKey();
    long other = rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "order-2")).send().join().getProcessInstanceKey();

    // when
    var answer = rest.newCorrelateMessageCommand().messageName("go").correlationKey("order-1")
        .variables(Map.of("paid", true, "amount", 4)).send().join();

    // then: the answer names the instance; it went on with the message's variables merged
    assertThat(answer.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(answer.getMessageKey()).isPositive().isNotEqualTo(pi);
    assertThat(answer.getTenantId()).isEqualTo("<default>");
    ActivatedJob job = activate("after");
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(job.getVariablesAsMap()).containsEntry("id", "order-1")
        .containsEntry("paid", true).containsEntry("amount", 4);
    assertThat(f.active(other)).isTrue();
    rest.newCompleteCommand(job).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldCorrelateToAnEventBasedGatewayAndABoundaryEvent() {
    // given: one instance waits at an event-based gateway, one on a task's message boundary
    rest.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("choice")
        .startEvent().eventBasedGateway("which")
        .intermediateCatchEvent("yes", e -> e.message(m -> m.name("answer")
            .zeebeCorrelationKeyExpression("id")))
        .serviceTask("accepted", t -> t.zeebeJobType("accepted")).endEvent()
        .moveToNode("which").intermediateCatchEvent("late", e -> e.timerWithDuration("PT1H"))
        .endEvent().done(), "choice.bpmn").send().join();
    rest.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("guarded")
        .startEvent().serviceTask("slow", t -> t.zeebeJobType("slow"))
        .boundaryEvent("stop", b -> b.message(m -> m.name("answer")
            .zeebeCorrelationKeyExpression("id")))
        .serviceTask("stopped", t -> t.zeebeJobType("stopped")).endEvent()
        .moveToActivity("slow").endEvent().done(), "guarded.bpmn").send().join();
    long atGateway = rest.newCreateInstanceCommand().bpmnProcessId("choice").latestVersion()
        .variables(Map.of("id", "a")).send().join().getProcessInstanceKey();
    long onTask = rest.newCreateInstanceCommand().bpmnProcessId("guarded").latestVersion()
        .variables(Map.of("id", "b")).send().join().getProcessInstanceKey();

    // when
    var toGateway = rest.newCorrelateMessageCommand().messageName("answer").correlationKey("a")
        .variables(Map.of("reply", "yes")).send().join();
    var toBoundary = rest.newCorrelateMessageCommand().messageName("answer").correlationKey("b")
        .send().join();

    // then
    assertThat(toGateway.getProcessInstanceKey()).isEqualTo(atGateway);
    assertThat(activate("accepted").getVariablesAsMap()).containsEntry("reply", "yes");
    assertThat(toBoundary.getProcessInstanceKey()).isEqualTo(onTask);
    assertThat(activate("stopped").getProcessInstanceKey()).isEqualTo(onTask);
  }

  @Test
  void shouldStartAnInstanceThroughAMessageStartEvent() {
    // given
    rest.newDeployResourceCommand().addProcessModel(startedByMessage(), "ordered.bpmn").send()
        .join();

    // when
    var answer = rest.newCorrelateMessageCommand().messageName("order placed")
        .withoutCorrelationKey().variables(Map.of("orderId", 17)).send().join();

    // then
    assertThat(answer.getProcessInstanceKey()).isPositive();
    assertThat(f.active(answer.getProcessInstanceKey())).isTrue();
    ActivatedJob job = activate("ship");
    assertThat(job.getProcessInstanceKey()).isEqualTo(answer.getProcessInstanceKey());
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", 17);
  }

  @Test
  void shouldAnswer404AndBufferNothingWhenNothingWaits() throws Exception {
    // given: a process waits for "go", but no instance with key "late" does
    rest.newDeployResourceCommand().addProcessModel(waitsThenWorks(), "waits.bpmn").send().join();
    long early = rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "early")).send().join().getProcessInstanceKey();
    List<String> before = tables();

    // when / then
    assertThatThrownBy(() -> rest.newCorrelateMessageCommand().messageName("go")
        .correlationKey("late").send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> {
          assertThat(p.code()).isEqualTo(404);
          assertThat(p.details().getTitle()).isEqualTo("NOT_FOUND");
          assertThat(p.details().getDetail()).isEqualTo("Command 'CORRELATE' rejected with"
              + " code 'NOT_FOUND': Expected to find subscription for message with name 'go'"
              + " and correlation key 'late', but none was found.");
        });
    assertThat(tables()).isEqualTo(before);

    // and: an instance that waits for it afterwards does not get it (nothing was buffered)
    long late = rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "late")).send().join().getProcessInstanceKey();
    assertThat(rows("WF_MESSAGE")).isZero();
    assertThat(rows("WF_JOB")).isZero();
    var answer = rest.newCorrelateMessageCommand().messageName("go").correlationKey("late")
        .send().join();
    assertThat(answer.getProcessInstanceKey()).isEqualTo(late);
    assertThat(activate("after").getProcessInstanceKey()).isEqualTo(late);
    assertThat(f.active(early)).isTrue();
  }

  @Test
  void shouldAnswer400AndChangeNothingWhenTheBodyIsBad() throws Exception {
    // given
    rest.newDeployResourceCommand().addProcessModel(waitsThenWorks(), "waits.bpmn").send().join();
    rest.newCreateInstanceCommand().bpmnProcessId("waits").latestVersion()
        .variables(Map.of("id", "k")).send().join();
    List<String> before = tables();

    // when / then
    problem(send("{\"name\":\"go\",\"correlationKey\":\"k\""), "not valid JSON");
    problem(send("{\"correlationKey\":\"k\"}"), "name");
    problem(send("{\"name\":\"\",\"correlationKey\":\"k\"}"), "No name provided");
    problem(send("{\"name\":[\"go\"],\"correlationKey\":\"k\"}"), "name");
    problem(send("{\"name\":\"go\",\"correlationKey\":\"k\",\"variables\":[1]}"), "variables",
        "JSON object");
    problem(send("{\"name\":\"go\",\"correlationKey\":\"k\",\"timeToLive\":1000}"),
        "timeToLive");
    problem(send("{\"name\":\"go\",\"correlationKey\":\"k\",\"tenantId\":\"other\"}"),
        "multi-tenancy is disabled");
    assertThat(tables()).isEqualTo(before);
  }

  private HttpResponse<String> send(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.restAddress()
        + "/v2/messages/correlation")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void problem(HttpResponse<String> answer, String... says) throws Exception {
    String what = answer.statusCode() + " " + answer.body();
    assertThat(answer.statusCode()).as(what).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).as(what)
        .hasValue("application/problem+json");
    JsonNode p = JSON.readTree(answer.body());
    assertThat(p.get("status").asInt()).as(what).isEqualTo(400);
    assertThat(p.get("detail").asText()).as(what).contains(says);
  }

  private int rows(String table) throws SQLException {
    try (var c = f.dataSource.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Every row of every workflow table. */
  private List<String> tables() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var c = f.dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      try (ResultSet t = c.getMetaData().getTables(null, null, "WF_%", new String[] {"TABLE"})) {
        while (t.next()) {
          names.add(t.getString("TABLE_NAME"));
        }
      }
      assertThat(names).contains("WF_MESSAGE", "WF_SUBSCRIPTION", "WF_ELEMENT_INSTANCE");
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
