package dev.baton.designer.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.designer.DesignerTestBase;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.battlepack.VisitRequests;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.WorkflowInspector;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook's idempotency after a crash: the states a process killed mid-call leaves behind
 * (the request recorded, its workflow started or not, its instance key not recorded), and the
 * answer a bot's retry gets. The kill itself is {@code DesignerCrashTest}'s.
 */
class VisitRequestIdempotencyTest extends DesignerTestBase {
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkflowInspector inspector;
  @Autowired VisitRequestsApi api;

  @Test
  void shouldAnswerTheInstanceStartedBeforeTheCrashWhenItsKeyWasNotRecorded() throws Exception {
    // given: the first call started the workflow and died before recording the instance key
    String requestId = "VR-CRASH-" + UUID.randomUUID();
    ResponseEntity<String> first = post(visit(requestId));
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
    String started = body(first).get("processInstanceKey").asText();
    deadClaim(requestId);
    // when: the bot retries
    ResponseEntity<String> retry = post(visit(requestId));
    ResponseEntity<String> read = get(requestId);
    // then: the same instance, nothing started again
    assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(200);
    assertThat(body(retry).get("processInstanceKey").asText()).isEqualTo(started);
    assertThat(body(retry).get("duplicate").asBoolean()).isTrue();
    assertThat(body(read).get("processInstanceKey").asText()).isEqualTo(started);
    assertThat(instancesFor(requestId)).containsExactly(Long.parseLong(started));
  }

  @Test
  void shouldStartTheWorkflowOnceWhenTheFirstCallDiedBeforeStartingIt() throws Exception {
    // given: the first call recorded the request and died before starting the workflow
    String requestId = "VR-CRASH-" + UUID.randomUUID();
    VisitRequest request = VisitRequest.of(requestId, "C-2002", "REP-12",
        LocalDate.parse("2026-12-03"), "WECOM");
    jdbc.update("insert into designer_visit_request (request_id, payload_hash,"
        + " process_instance_key, requested_by, requested_at, claim_token, claimed_at) values"
        + " (?, ?, 0, 'ops', ?, 'dead-call', ?)", requestId, api.hash(request),
        Timestamp.from(Instant.now()), Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
    ResponseEntity<String> before = get(requestId);
    // when: the bot retries, twice
    ResponseEntity<String> retry = post(visit(requestId));
    ResponseEntity<String> again = post(visit(requestId));
    // then: one instance, the same in both answers
    assertThat(body(before).get("processInstanceKey").isNull()).as(before.getBody()).isTrue();
    assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(200);
    String key = body(retry).get("processInstanceKey").asText();
    assertThat(body(again).get("processInstanceKey").asText()).isEqualTo(key);
    assertThat(instancesFor(requestId)).containsExactly(Long.parseLong(key));
  }

  @Test
  void shouldRefuseToStartWhenAnotherCallHoldsTheClaim() throws Exception {
    // given: a call is starting the request right now (its claim is fresh)
    String requestId = "VR-CRASH-" + UUID.randomUUID();
    VisitRequest request = VisitRequest.of(requestId, "C-2002", "REP-12",
        LocalDate.parse("2026-12-03"), "WECOM");
    jdbc.update("insert into designer_visit_request (request_id, payload_hash,"
        + " process_instance_key, requested_by, requested_at, claim_token, claimed_at) values"
        + " (?, ?, 0, 'ops', ?, 'live-call', ?)", requestId, api.hash(request),
        Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    // when
    ResponseEntity<String> retry = post(visit(requestId));
    // then: retry later, nothing started
    assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(409);
    assertThat(retry.getBody()).contains("retry in a moment");
    assertThat(instancesFor(requestId)).isEmpty();
  }

  /** What a killed call leaves: no instance key recorded, a claim nobody holds any more. */
  private void deadClaim(String requestId) {
    jdbc.update("update designer_visit_request set process_instance_key = 0, claim_token ="
        + " 'dead-call', claimed_at = ? where request_id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofHours(1))), requestId);
  }

  private List<Long> instancesFor(String requestId) {
    return inspector.instances(InstanceQuery.newest().withBpmnProcessId(VisitRequests.PROCESS_ID)
        .page(1000, 0)).stream().filter(s -> inspector.instance(s.processInstanceKey())
            .map(d -> d.variables().contains("\"" + requestId + "\"")).orElse(false))
        .map(s -> s.processInstanceKey()).toList();
  }

  private ResponseEntity<String> post(String body) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    h.setBasicAuth("ops", "ops");
    return rest.exchange("/api/v1/visit-requests", HttpMethod.POST, new HttpEntity<>(body, h),
        String.class);
  }

  private ResponseEntity<String> get(String requestId) {
    HttpHeaders h = new HttpHeaders();
    h.setBasicAuth("ops", "ops");
    return rest.exchange("/api/v1/visit-requests/" + requestId, HttpMethod.GET,
        new HttpEntity<>(null, h), String.class);
  }

  private JsonNode body(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  private static String visit(String requestId) {
    return "{\"requestId\": \"" + requestId + "\", \"customerId\": \"C-2002\","
        + " \"repId\": \"REP-12\", \"plannedDate\": \"2026-12-03\", \"channel\": \"WECOM\"}";
  }
}
