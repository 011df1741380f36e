package dev.baton.designer.api;

import dev.baton.designer.packs.EvaluateApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.designer.DesignerTestBase;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.runtime.Baton;
import java.time.Duration;
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

/** The REST API over real HTTP: each endpoint, its roles, bad bodies and problem details. */
class RestApiTest extends DesignerTestBase {
  private static final String FACTS = """
      {"now": "2026-11-27T09:00:00Z", "facts": {"Customer": [{"customerId": "C-9001", "name": "A", "region": "East"}],
       "BehaviourSignal": [{"customerId": "C-9001", "kind": "WEBSITE_HEATMAP", "detail": "x", "occurredAt": "2026-11-25T09:00:00Z"}]}}
      """;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired BattlePackRuntime battlePackRuntime;
  @Autowired Baton baton;

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body,
      String contentType) {
    HttpHeaders h = new HttpHeaders();
    if (contentType != null) {
      h.setContentType(MediaType.parseMediaType(contentType));
    }
    if (user != null && user.startsWith("Bearer ")) {
      h.set(HttpHeaders.AUTHORIZATION, user);
    } else if (user != null) {
      h.setBasicAuth(user, user);
    }
    return rest.exchange(path, method, new HttpEntity<>(body, h), String.class);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return call(user, HttpMethod.POST, path, body, "application/json");
  }

  private ResponseEntity<String> get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, null);
  }

  private JsonNode body(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  private static void assertProblem(ResponseEntity<String> r, int status) {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).isNotNull();
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(r.getBody()).contains("\"status\":" + status, "\"title\"", "\"detail\"");
  }

  private static String visit(String requestId, String customerId) {
    return "{\"requestId\": \"" + requestId + "\", \"customerId\": \"" + customerId + "\","
        + " \"repId\": \"REP-12\", \"plannedDate\": \"2026-12-03\", \"channel\": \"WECOM\"}";
  }

  // ------------------------------------------------------------------------ authentication

  @Test
  void shouldAnswerProblemWithChallengeWhenCredentialsAreMissing() {
    // given no credentials
    // when
    ResponseEntity<String> r = get(null, "/api/v1/packs");
    // then
    assertProblem(r, 401);
    assertThat(r.getHeaders().getFirst("WWW-Authenticate")).contains("Basic", "Bearer");
  }

  @Test
  void shouldAnswerUnauthorizedWhenPasswordIsWrong() {
    // given
    HttpHeaders h = new HttpHeaders();
    h.setBasicAuth("developer", "wrong");
    // when
    ResponseEntity<String> r = rest.exchange("/api/v1/packs", HttpMethod.GET,
        new HttpEntity<>(h), String.class);
    // then
    assertProblem(r, 401);
  }

  @Test
  void shouldSignInWithTokenUntilItIsRevoked() throws Exception {
    // given an admin creates a token for the developer
    ResponseEntity<String> created = post("admin", "/api/v1/tokens",
        "{\"username\": \"developer\", \"name\": \"test bot\"}");
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String token = body(created).get("token").asText();
    String id = body(created).get("info").get("tokenId").asText();
    // when
    ResponseEntity<String> withToken = get("Bearer " + token, "/api/v1/packs");
    ResponseEntity<String> listed = get("admin", "/api/v1/tokens");
    ResponseEntity<String> revoked = call("admin", HttpMethod.DELETE, "/api/v1/tokens/" + id,
        null, null);
    ResponseEntity<String> afterRevoke = get("Bearer " + token, "/api/v1/packs");
    // then
    assertThat(withToken.getStatusCode().value()).isEqualTo(200);
    assertThat(listed.getBody()).contains(id, "test bot").doesNotContain(token);
    assertThat(revoked.getStatusCode().value()).isEqualTo(204);
    assertProblem(afterRevoke, 401);
  }

  @Test
  void shouldRefuseTokenWhenUnknownOrCreatedByNonAdmin() {
    // when
    ResponseEntity<String> unknown = get("Bearer baton_nope", "/api/v1/packs");
    ResponseEntity<String> byOps = post("ops", "/api/v1/tokens",
        "{\"username\": \"ops\", \"name\": \"x\"}");
    ResponseEntity<String> badUser = post("admin", "/api/v1/tokens",
        "{\"username\": \"nobody\", \"name\": \"\"}");
    // then
    assertProblem(unknown, 401);
    assertProblem(byOps, 403);
    assertProblem(badUser, 400);
    assertThat(badUser.getBody()).contains("\"field\":\"username\"", "\"field\":\"name\"");
  }

  // ------------------------------------------------------------------------------ evaluate

  @Test
  void shouldEvaluateOnePackWhenNamed() {
    // when
    ResponseEntity<String> r = post("analyst", "/api/v1/evaluate?packs=cmi-threshold", FACTS);
    // then
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    assertThat(r.getBody()).contains("cmi-threshold").doesNotContain("consent-check");
  }

  @Test
  void shouldAnswerNotFoundWhenPackVersionIsUnknown() {
    // when
    ResponseEntity<String> r = post("analyst", "/api/v1/evaluate?packs=cmi-threshold@9.9.9",
        FACTS);
    // then
    assertProblem(r, 404);
    assertThat(r.getBody()).contains("9.9.9");
  }

  @Test
  void shouldRecordDecisionThatAuditorReadsReplaysAndVerifies() throws Exception {
    // given
    String requestId = "REQ-" + UUID.randomUUID();
    // when
    ResponseEntity<String> recorded = post("developer",
        "/api/v1/evaluate?record=true&requestId=" + requestId, FACTS);
    ResponseEntity<String> again = post("developer",
        "/api/v1/evaluate?record=true&requestId=" + requestId, FACTS);
    String id = recorded.getHeaders().getFirst(EvaluateApi.DECISION_ID_HEADER);
    ResponseEntity<String> read = get("auditor", "/api/v1/decisions/" + id);
    ResponseEntity<String> search = get("auditor", "/api/v1/decisions?customerId=C-9001");
    ResponseEntity<String> byRequest = get("auditor", "/api/v1/decisions?requestId=" + requestId);
    ResponseEntity<String> byPrefix = get("auditor", "/api/v1/decisions?requestId="
        + requestId.substring(0, requestId.length() - 2) + "*");
    ResponseEntity<String> starInside = get("auditor", "/api/v1/decisions?requestId=A*B");
    ResponseEntity<String> replay = post("auditor", "/api/v1/decisions/" + id + "/replay", null);
    ResponseEntity<String> verify = post("auditor", "/api/v1/decisions/verify", null);
    // then
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getHeaders().getFirst(EvaluateApi.DECISION_ID_HEADER)).isEqualTo(id);
    assertThat(body(read).get("requestId").asText()).isEqualTo(requestId);
    assertThat(body(read).get("input").get("facts").isArray()).isTrue();
    assertThat(body(read).get("decision").has("fired")).isTrue();
    assertThat(body(search).get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(search.getBody()).contains(id);
    assertThat(body(byRequest).get("total").asLong()).as(byRequest.getBody()).isEqualTo(1);
    assertThat(byRequest.getBody()).contains(id);
    assertThat(byPrefix.getBody()).contains(id);
    assertProblem(starInside, 400);
    assertThat(starInside.getBody()).contains("only stands at the end");
    assertThat(body(replay).get("identical").asBoolean()).as(replay.getBody()).isTrue();
    assertThat(body(verify).get("ok").asBoolean()).as(verify.getBody()).isTrue();
  }

  @Test
  void shouldRefuseRecordingAndDecisionsWhenRoleIsMissing() {
    // when
    ResponseEntity<String> analystRecords = post("analyst", "/api/v1/evaluate?record=true",
        FACTS);
    ResponseEntity<String> developerReads = get("developer", "/api/v1/decisions");
    ResponseEntity<String> unknown = get("auditor", "/api/v1/decisions/nope");
    ResponseEntity<String> badLimit = get("auditor", "/api/v1/decisions?limit=0");
    // then
    assertProblem(analystRecords, 403);
    assertProblem(developerReads, 403);
    assertProblem(unknown, 404);
    assertProblem(badLimit, 400);
  }

  // --------------------------------------------------------------------------------- packs

  @Test
  void shouldImportPublishAndDiffPack() throws Exception {
    // given
    String id = "api-pack-" + UUID.randomUUID().toString().substring(0, 8);
    String yaml = """
        id: %s
        version: 1.0.0
        kind: custom
        title: {en: API pack, zh-CN: 接口规则包}
        facts:
          Customer:
            customerId: string
        rules:
          - id: first-rule
            title: {en: First rule, zh-CN: 第一条规则}
            when:
              - Customer as customer: {}
            then:
              - emit: {action: CREATE_SALES_TASK, customerId: $customer.customerId}
        """.formatted(id);
    // when
    ResponseEntity<String> imported = call("ops", HttpMethod.POST, "/api/v1/packs", yaml,
        "application/yaml");
    ResponseEntity<String> byAnalyst = post("analyst", "/api/v1/packs/" + id + "/publish",
        "{\"note\": \"x\"}");
    ResponseEntity<String> published = post("ops", "/api/v1/packs/" + id + "/publish",
        "{\"note\": \"first\"}");
    ResponseEntity<String> twice = post("ops", "/api/v1/packs/" + id + "/publish", null);
    ResponseEntity<String> changed = call("ops", HttpMethod.POST, "/api/v1/packs",
        yaml.replace("1.0.0", "1.1.0").replace("{en: First rule", "{en: Renamed rule"),
        "application/yaml");
    ResponseEntity<String> diff = get("auditor", "/api/v1/packs/" + id
        + "/diff?from=1.0.0&to=draft");
    ResponseEntity<String> one = get("developer", "/api/v1/packs/" + id);
    ResponseEntity<String> list = get("developer", "/api/v1/packs");
    // then
    assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
    assertProblem(byAnalyst, 403);
    assertThat(published.getStatusCode().value()).as(published.getBody()).isEqualTo(200);
    assertThat(body(published).get("version").asText()).isEqualTo("1.0.0");
    assertProblem(twice, 409);
    assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(201);
    assertThat(diff.getStatusCode().value()).as(diff.getBody()).isEqualTo(200);
    assertThat(diff.getBody()).contains("Renamed rule");
    assertThat(body(one).get("versions").size()).isEqualTo(1);
    assertThat(list.getBody()).contains(id, "cmi-threshold");
  }

  @Test
  void shouldListEveryProblemWhenImportedPackIsInvalid() {
    // given
    String yaml = "id: broken\nversion: 1.0.0\nkind: scoring\nrules:\n  - id: r\n    when: 5\n";
    // when
    ResponseEntity<String> r = call("ops", HttpMethod.POST, "/api/v1/packs", yaml,
        "application/yaml");
    ResponseEntity<String> packs = get("ops", "/api/v1/packs");
    // then
    assertProblem(r, 400);
    assertThat(r.getBody()).contains("\"problems\"", "\"line\"");
    assertThat(packs.getBody()).doesNotContain("\"broken\"");
  }

  // ------------------------------------------------------------------------------- consent

  @Test
  void shouldRecordConsentAndAnswerStatus() throws Exception {
    // given
    String customer = "C-API-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> put = call("ops", HttpMethod.PUT, "/api/v1/consent/customers/"
        + customer, "{\"name\": \"API customer\", \"region\": \"East\"}", "application/json");
    // when
    ResponseEntity<String> recorded = post("ops", "/api/v1/consent/records", "{\"customerId\": \""
        + customer + "\", \"channel\": \"EMAIL\", \"purpose\": \"MARKETING\", \"status\":"
        + " \"GRANTED\", \"source\": \"WEBSITE_OPT_IN\", \"evidenceId\": \"EV-" + customer
        + "\", \"recordedAt\": \"2026-11-01T08:00:00Z\"}");
    ResponseEntity<String> status = get("analyst", "/api/v1/consent/customers/" + customer
        + "/status?at=2026-11-27T09:00:00Z");
    ResponseEntity<String> records = get("auditor", "/api/v1/consent/customers/" + customer
        + "/records");
    // then
    assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(200);
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    assertThat(body(status).get("rating").asText()).isIn("GREEN", "YELLOW", "RED");
    assertThat(records.getBody()).contains("EV-" + customer);
  }

  @Test
  void shouldListEveryFieldWhenConsentRecordIsInvalid() {
    // when
    ResponseEntity<String> r = post("ops", "/api/v1/consent/records", "{\"customerId\": \"C-2002\","
        + " \"channel\": \"FAX\", \"purpose\": \"MARKETING\", \"status\": \"GRANTED\","
        + " \"evidenceId\": \"EV-X\", \"recordedAt\": \"yesterday\"}");
    ResponseEntity<String> byAnalyst = post("analyst", "/api/v1/consent/records", "{}");
    ResponseEntity<String> unknown = get("ops", "/api/v1/consent/customers/C-NONE/status");
    // then
    assertProblem(r, 400);
    assertThat(r.getBody()).contains("\"field\":\"channel\"", "\"field\":\"source\"",
        "\"field\":\"recordedAt\"");
    assertProblem(byAnalyst, 403);
    assertProblem(unknown, 404);
  }

  // ------------------------------------------------------------------ visit requests, reviews

  @Test
  void shouldStartWorkflowThatReachesReviewQueueWhenVisitRequestIsPosted() throws Exception {
    // given
    String requestId = "VR-API-" + UUID.randomUUID();
    // when
    ResponseEntity<String> r = post("developer", "/api/v1/visit-requests",
        visit(requestId, "C-2002"));
    // then
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(202);
    long key = Long.parseLong(body(r).get("processInstanceKey").asText());
    assertThat(body(r).get("links").get("legalReviews").asText())
        .isEqualTo("/api/v1/reviews?role=legal");
    ReviewItem legal = await().atMost(Duration.ofSeconds(30)).until(() ->
        battlePackRuntime.pendingReviews(ReviewRole.LEGAL).stream()
            .filter(i -> i.processInstanceKey() == key).findFirst().orElse(null),
        i -> i != null);
    ResponseEntity<String> listed = get("legal", "/api/v1/reviews?role=legal");
    assertThat(listed.getBody()).contains(legal.packId());
  }

  @Test
  void shouldAnswerSameInstanceWhenVisitRequestIsRepeated() throws Exception {
    // given
    String requestId = "VR-API-" + UUID.randomUUID();
    ResponseEntity<String> first = post("ops", "/api/v1/visit-requests",
        visit(requestId, "C-2002"));
    // when
    ResponseEntity<String> again = post("ops", "/api/v1/visit-requests",
        visit(requestId, "C-2002"));
    ResponseEntity<String> other = post("ops", "/api/v1/visit-requests",
        visit(requestId, "C-3003"));
    ResponseEntity<String> read = get("ops", "/api/v1/visit-requests/" + requestId);
    // then
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(body(again).get("processInstanceKey")).isEqualTo(
        body(first).get("processInstanceKey"));
    assertThat(body(again).get("duplicate").asBoolean()).isTrue();
    assertProblem(other, 409);
    assertThat(body(read).get("processInstanceKey")).isEqualTo(
        body(first).get("processInstanceKey"));
  }

  @Test
  void shouldListEveryFieldAndStartNothingWhenVisitRequestIsInvalid() {
    // given
    String requestId = "VR-API-" + UUID.randomUUID();
    // when
    ResponseEntity<String> r = post("developer", "/api/v1/visit-requests", "{\"requestId\": \""
        + requestId + "\", \"repId\": \"REP-1\", \"plannedDate\": \"soon\", \"channel\":"
        + " \"FAX\", \"colour\": \"red\"}");
    ResponseEntity<String> malformed = post("developer", "/api/v1/visit-requests",
        "{\"customerId\": ");
    ResponseEntity<String> byAuditor = post("auditor", "/api/v1/visit-requests",
        visit("VR-API-" + UUID.randomUUID(), "C-2002"));
    ResponseEntity<String> read = get("developer", "/api/v1/visit-requests/" + requestId);
    // then
    assertProblem(r, 400);
    assertThat(r.getBody()).contains("\"field\":\"customerId\"", "\"field\":\"plannedDate\"",
        "\"field\":\"channel\"", "\"field\":\"colour\"");
    assertProblem(malformed, 400);
    assertThat(malformed.getBody()).contains("Malformed request body", "\"line\"");
    assertProblem(byAuditor, 403);
    assertProblem(read, 404);
  }

  @Test
  void shouldAnswerProblemAndStartNothingWhenPathMethodOrMediaTypeIsWrong() {
    // given
    String requestId = "VR-API-" + UUID.randomUUID();
    HttpHeaders html = new HttpHeaders();
    html.setBasicAuth("developer", "developer");
    html.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    // when
    ResponseEntity<String> unknown = get("developer", "/api/v1/no-such-endpoint");
    ResponseEntity<String> unknownFromBrowser = rest.exchange("/api/v1/no-such-endpoint",
        HttpMethod.GET, new HttpEntity<>(null, html), String.class);
    ResponseEntity<String> text = call("developer", HttpMethod.POST, "/api/v1/visit-requests",
        visit(requestId, "C-2002"), "text/plain");
    ResponseEntity<String> delete = call("developer", HttpMethod.DELETE,
        "/api/v1/visit-requests", null, null);
    ResponseEntity<String> read = get("developer", "/api/v1/visit-requests/" + requestId);
    // then: problem details that say what to fix; the request was not taken
    assertProblem(unknown, 404);
    assertThat(unknown.getBody()).contains("no API endpoint at /api/v1/no-such-endpoint",
        "/v3/api-docs");
    assertProblem(unknownFromBrowser, 404);
    assertProblem(text, 415);
    assertThat(text.getBody()).contains("'text/plain' is not accepted", "application/json",
        "Nothing was changed");
    assertProblem(delete, 405);
    assertThat(delete.getBody()).contains("DELETE is not allowed", "POST");
    assertProblem(read, 404);
  }

  @Test
  void shouldDecideReviewOnceAndOnlyAsReviewer() throws Exception {
    // given a battle pack in the legal queue
    String requestId = "VR-API-" + UUID.randomUUID();
    long key = Long.parseLong(body(post("developer", "/api/v1/visit-requests",
        visit(requestId, "C-2002"))).get("processInstanceKey").asText());
    ReviewItem item = await().atMost(Duration.ofSeconds(30)).until(() ->
        battlePackRuntime.pendingReviews(ReviewRole.LEGAL).stream()
            .filter(i -> i.processInstanceKey() == key).findFirst().orElse(null),
        i -> i != null);
    String path = "/api/v1/reviews/" + item.packId() + "/legal";
    // when
    ResponseEntity<String> byDeveloper = post("developer", path, "{\"verdict\": \"APPROVE\"}");
    ResponseEntity<String> noVerdict = post("legal", path, "{\"comment\": \"hm\"}");
    ResponseEntity<String> rejectWithout = post("legal", path, "{\"verdict\": \"REJECT\"}");
    ResponseEntity<String> approved = post("legal", path,
        "{\"verdict\": \"APPROVE\", \"comment\": \"wording checked\"}");
    ResponseEntity<String> second = post("legal", path, "{\"verdict\": \"REJECT\","
        + " \"comment\": \"changed my mind\"}");
    ResponseEntity<String> badRole = get("legal", "/api/v1/reviews?role=sales");
    // then
    assertProblem(byDeveloper, 403);
    assertProblem(noVerdict, 400);
    assertProblem(rejectWithout, 400);
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
    assertThat(body(approved).get("status").asText()).isEqualTo("APPROVED");
    assertProblem(second, 409);
    assertThat(battlePackRuntime.services().reviews().item(item.packId(), ReviewRole.LEGAL)
        .orElseThrow().comment()).isEqualTo("wording checked");
    assertProblem(badRole, 400);
  }

  @Test
  void shouldRefuseVerdictWhenReviewerWorksAnotherQueueOrDecidedTheOtherReview()
      throws Exception {
    // given a battle pack in both queues
    long key = Long.parseLong(body(post("developer", "/api/v1/visit-requests",
        visit("VR-API-" + UUID.randomUUID(), "C-2002"))).get("processInstanceKey").asText());
    ReviewItem item = await().atMost(Duration.ofSeconds(30)).until(() ->
        battlePackRuntime.pendingReviews(ReviewRole.FINANCE).stream()
            .filter(i -> i.processInstanceKey() == key).findFirst().orElse(null),
        i -> i != null);
    String legalPath = "/api/v1/reviews/" + item.packId() + "/legal";
    String financePath = "/api/v1/reviews/" + item.packId() + "/finance";
    // when
    ResponseEntity<String> financeOnLegal = post("finance", legalPath,
        "{\"verdict\": \"APPROVE\"}");
    ResponseEntity<String> adminLegal = post("admin", legalPath, "{\"verdict\": \"APPROVE\"}");
    ResponseEntity<String> adminFinance = post("admin", financePath,
        "{\"verdict\": \"APPROVE\"}");
    ReviewItem financeBefore = battlePackRuntime.services().reviews()
        .item(item.packId(), ReviewRole.FINANCE).orElseThrow();
    ResponseEntity<String> finance = post("finance", financePath,
        "{\"verdict\": \"APPROVE\", \"comment\": \"margin ok\"}");
    // then
    assertProblem(financeOnLegal, 403);
    assertThat(financeOnLegal.getBody()).contains("does not review for legal");
    assertThat(adminLegal.getStatusCode().value()).as(adminLegal.getBody()).isEqualTo(200);
    assertProblem(adminFinance, 403);
    assertThat(body(adminFinance).get("reason").asText()).isEqualTo("SAME_REVIEWER");
    assertThat(financeBefore.status().open()).isTrue();
    assertThat(finance.getStatusCode().value()).as(finance.getBody()).isEqualTo(200);
    assertThat(battlePackRuntime.services().reviews().forPack(item.packId()))
        .extracting(ReviewItem::reviewer).containsExactly("admin", "finance");
  }

  // ------------------------------------------------------------------------------- OpenAPI

  @Test
  void shouldServeOpenApiDocumentWithEveryEndpoint() {
    // when
    ResponseEntity<String> docs = rest.getForEntity("/v3/api-docs", String.class);
    ResponseEntity<String> ui = rest.getForEntity("/swagger-ui/index.html", String.class);
    // then
    assertThat(docs.getStatusCode().value()).as(docs.getBody()).isEqualTo(200);
    assertThat(docs.getBody()).contains("/api/v1/visit-requests", "/api/v1/evaluate",
        "/api/v1/packs/{packId}/publish", "/api/v1/decisions/{decisionId}/replay",
        "/api/v1/consent/records", "/api/v1/reviews/{packId}/{role}", "VisitRequestBody");
    assertThat(ui.getStatusCode().value()).isEqualTo(200);
    assertThat(ui.getBody()).containsIgnoringCase("swagger");
  }

}
