package dev.baton.designer.packs;

import dev.baton.designer.DesignerTestBase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class EvaluateApiTest extends DesignerTestBase {
  @Autowired TestRestTemplate rest;

  private ResponseEntity<String> post(String body) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("developer", "developer").postForEntity("/api/v1/evaluate", new HttpEntity<>(body, h), String.class);
  }

  @Test
  void shouldReturnDecisionWithReasonsWhenFactsAreValid() {
    // given
    String body = """
        {"now": "2026-11-27T09:00:00Z", "facts": {"Customer": [{"customerId": "C-1", "name": "A", "region": "East"}]}}
        """;
    // when
    ResponseEntity<String> r = post(body);
    // then
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody()).contains("\"fired\"", "\"nearestMisses\"", "cmi-threshold");
  }

  @Test
  void shouldAnswerProblemDetailWhenFactTypeIsUnknown() {
    // given
    String body = "{\"now\": \"2026-11-27T09:00:00Z\", \"facts\": {\"Nope\": [{}]}}";
    // when
    ResponseEntity<String> r = post(body);
    // then
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).contains("Nope", "problems");
  }

  @Test
  void shouldAnswerBadRequestNamingTheReferenceWhenAPackReferenceIsMalformed() {
    // given
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"now\": \"2026-11-27T09:00:00Z\", \"facts\": {}}";
    // when
    ResponseEntity<String> r = rest.withBasicAuth("developer", "developer").postForEntity(
        "/api/v1/evaluate?packs=cmi-threshold@latest", new HttpEntity<>(body, h),
        String.class);
    // then
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).contains("cmi-threshold@latest", "not a semantic version");
  }

  @Test
  void shouldDecideTheSameWithAndWithoutRecordingWhenTheRequestIsRecorded() {
    // given
    String facts = """
        {"now": "2026-11-27T09:00:00Z", "facts": {"Customer": [{"customerId": "C-7", "name": "A", "region": "East"}]}}
        """;
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    // when
    ResponseEntity<String> evaluated = post(facts);
    ResponseEntity<String> recorded = rest.withBasicAuth("developer", "developer")
        .postForEntity("/api/v1/evaluate?record=true&requestId=EVAL-API-" + System.nanoTime(),
            new HttpEntity<>(facts, h), String.class);
    // then
    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    assertThat(recorded.getHeaders().getFirst(EvaluateApi.DECISION_ID_HEADER)).isNotBlank();
    assertThat(recorded.getBody()).contains("\"fired\"", "low-cmi-create-sales-task",
        "\"nearestMisses\"");
    assertThat(evaluated.getBody()).contains("low-cmi-create-sales-task");
  }

  @Test
  void shouldRefuseEvaluationWhenNotSignedIn() {
    // given
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    // when
    ResponseEntity<String> r = rest.postForEntity("/api/v1/evaluate",
        new HttpEntity<>("{\"facts\": {}}", h), String.class);
    // then
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody()).substring(0, Math.min(300, String.valueOf(r.getBody()).length()))).isEqualTo(401);
  }
}
