package dev.baton.designer.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.DesignerTestBase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The liquid organisation's REST API on the demo data. */
class LiquidApiTest extends DesignerTestBase {
  @Autowired TestRestTemplate rest;

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, h),
        String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  @Test
  void shouldFormMicroUnitAtOnceWhenCustomerViewsTheFinancingPlan() {
    // when
    ResponseEntity<String> r = post("developer", "/api/v1/liquid/customer-events", """
        {"requestId": "WECOM-EV-1", "customerId": "C-3003", "event": "VIEW_AI_FINANCING_PLAN",
         "occurredAt": "%s", "region": "华东"}
        """.formatted(Instant.now().minusSeconds(30)));
    // then
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody()).contains("FORM_MICRO_TEAM", "AI_TRAINER", "RISK_EXPERT",
        "ACCOUNT_MANAGER", "\"processInstanceKey\"");
    assertThat(get("ops", "/api/v1/liquid/units").getBody()).contains("MC-C-3003");
  }

  @Test
  void shouldExplainEveryCandidateWhenFormationIsPreviewed() {
    // when
    ResponseEntity<String> r = get("analyst",
        "/api/v1/liquid/campaigns/CMP-2026Q4-FLEET/formation");
    // then: 孙浩's certification expired
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody()).contains("\"PICKED\"", "NOT_ELIGIBLE", "CERTIFICATION_MISSING",
        "P-0003");
  }

  @Test
  void shouldRecordEventDurablyAndRefuseBadOnes() {
    // when
    ResponseEntity<String> ok = post("ops", "/api/v1/liquid/events", """
        {"eventId": "EV-API-1", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
         "campaignId": "CMP-2026Q2-PV-HANDBOOK", "customerId": "C-1001",
         "kind": "KNOWLEDGE_SESSION", "inputs": ["复盘"], "outputs": ["课件"],
         "counterpartDepartment": "培训部"}
        """);
    ResponseEntity<String> unknown = post("ops", "/api/v1/liquid/events", """
        {"eventId": "EV-API-2", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-NOBODY",
         "kind": "BID_DOCUMENT"}
        """);
    ResponseEntity<String> missing = post("ops", "/api/v1/liquid/events", """
        {"eventId": "EV-API-3", "personId": "P-0001", "kind": "BID_DOCUMENT"}
        """);
    ResponseEntity<String> analyst = post("analyst", "/api/v1/liquid/events", """
        {"eventId": "EV-API-4", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
         "kind": "BID_DOCUMENT"}
        """);
    // then
    assertThat(ok.getStatusCode().value()).isEqualTo(201);
    assertThat(ok.getBody()).contains("\"hash\"", "\"sequence\"");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("P-NOBODY");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody()).contains("occurredAt");
    assertThat(analyst.getStatusCode().value()).isEqualTo(403);
    assertThat(get("auditor", "/api/v1/liquid/events/verification").getBody())
        .contains("\"intact\":true");
    assertThat(get("ops", "/api/v1/liquid/events?campaignId=CMP-2026Q2-PV-HANDBOOK").getBody())
        .contains("EV-API-1");
  }

  @Test
  void shouldReportKpisAgainstTheirTargets() {
    // when
    ResponseEntity<String> r = get("analyst", "/api/v1/liquid/kpis");
    // then
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody()).contains("\"targetMinutesToForm\":23.0", "\"attributableShare\"");
  }
}
