package dev.baton.designer.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.designer.DesignerTestBase;
import java.time.Instant;
import java.util.List;
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
  void shouldRecordBatchInInputOrderAndRecordRepeatedIdsOnce() throws Exception {
    // when: EV-BATCH-2 twice, EV-BATCH-1 sent again afterwards
    ResponseEntity<String> ok = post("developer", "/api/v1/liquid/events/batch", """
        [{"eventId": "EV-BATCH-3", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
          "campaignId": "CMP-2026Q2-PV-HANDBOOK", "kind": "KNOWLEDGE_SESSION"},
         {"eventId": "EV-BATCH-1", "occurredAt": "2026-12-06T09:00:00Z", "personId": "P-0013",
          "customerId": "C-2002", "kind": "BID_DOCUMENT", "inputs": ["招标文件"],
          "counterpartDepartment": "法务部"},
         {"eventId": "EV-BATCH-2", "occurredAt": "2026-12-06T10:00:00Z", "personId": "P-0001",
          "kind": "CASE_LIBRARY_USE"},
         {"eventId": "EV-BATCH-2", "occurredAt": "2026-12-06T10:00:00Z", "personId": "P-0001",
          "kind": "CASE_LIBRARY_USE"}]
        """);
    ResponseEntity<String> again = post("ops", "/api/v1/liquid/events/batch", """
        [{"eventId": "EV-BATCH-1", "occurredAt": "2026-12-06T09:00:00Z", "personId": "P-0013",
          "customerId": "C-2002", "kind": "BID_DOCUMENT", "inputs": ["招标文件"],
          "counterpartDepartment": "法务部"}]
        """);
    // then
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
    JsonNode recorded = new ObjectMapper().readTree(ok.getBody());
    assertThat(recorded).hasSize(4);
    assertThat(List.of(0, 1, 2, 3)).extracting(i -> recorded.get(i).at("/event/eventId").asText())
        .containsExactly("EV-BATCH-3", "EV-BATCH-1", "EV-BATCH-2", "EV-BATCH-2");
    assertThat(recorded.get(3)).isEqualTo(recorded.get(2));
    assertThat(recorded.get(1).get("sequence").asLong())
        .isGreaterThan(recorded.get(0).get("sequence").asLong());
    assertThat(recorded.get(1).get("actor").asText()).isEqualTo("developer");
    assertThat(again.getStatusCode().value()).isEqualTo(201);
    assertThat(new ObjectMapper().readTree(again.getBody()).get(0)).isEqualTo(recorded.get(1));
    String events = get("ops", "/api/v1/liquid/events?limit=10000").getBody();
    assertThat(events.split("EV-BATCH-2", -1)).hasSize(2);
    assertThat(get("auditor", "/api/v1/liquid/events/verification").getBody())
        .contains("\"intact\":true");
  }

  @Test
  void shouldRefuseWholeBatchNamingEveryBadEventWhenAnyIsInvalid() {
    // when: [1] has no time, [2] a bad kind, [3] is null, [4] an unknown person; then an unknown
    // person and campaign in a list whose fields are all fine
    ResponseEntity<String> fields = post("ops", "/api/v1/liquid/events/batch", """
        [{"eventId": "EV-BAD-0", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
          "kind": "BID_DOCUMENT"},
         {"eventId": "EV-BAD-1", "personId": "P-0001", "kind": "BID_DOCUMENT"},
         {"eventId": "EV-BAD-2", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
          "kind": "bid document"},
         null,
         {"eventId": "EV-BAD-5", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-NOBODY",
          "kind": "BID_DOCUMENT"}]
        """);
    ResponseEntity<String> unknown = post("ops", "/api/v1/liquid/events/batch", """
        [{"eventId": "EV-BAD-0", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
          "kind": "BID_DOCUMENT"},
         {"eventId": "EV-BAD-3", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-NOBODY",
          "campaignId": "CMP-NONE", "kind": "BID_DOCUMENT"}]
        """);
    ResponseEntity<String> analyst = post("analyst", "/api/v1/liquid/events/batch", """
        [{"eventId": "EV-BAD-4", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
          "kind": "BID_DOCUMENT"}]
        """);
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= LiquidApi.MAX_BATCH; i++) {
      many.append(i == 0 ? "" : ",").append("""
          {"eventId": "EV-MANY-%d", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",
           "kind": "BID_DOCUMENT"}""".formatted(i));
    }
    ResponseEntity<String> tooMany = post("ops", "/api/v1/liquid/events/batch",
        many.append("]").toString());
    ResponseEntity<String> empty = post("ops", "/api/v1/liquid/events/batch", "[]");
    // then
    assertThat(fields.getStatusCode().value()).isEqualTo(400);
    assertThat(fields.getBody()).contains("\"field\":\"[1].occurredAt\"",
        "\"field\":\"[2]\"", "event kind 'bid document' is not valid", "\"field\":\"[3]\"",
        "\"field\":\"[4].personId\"", "4 problems in the list of 5 events",
        "nothing was recorded").doesNotContain("[0]");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("\"field\":\"[1].personId\"",
        "\"field\":\"[1].campaignId\"", "P-NOBODY", "CMP-NONE", "Add the person first");
    assertThat(analyst.getStatusCode().value()).isEqualTo(403);
    assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    assertThat(tooMany.getBody()).contains("1001 events", "at most 1000");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    String events = get("ops", "/api/v1/liquid/events?limit=10000").getBody();
    assertThat(events).doesNotContain("EV-BAD-", "EV-MANY-");
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
