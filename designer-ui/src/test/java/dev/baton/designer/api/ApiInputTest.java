package dev.baton.designer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.DesignerTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inputs the security review found accepted or answered 500: now 400 naming the field. */
class ApiInputTest extends DesignerTestBase {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String user, byte[] body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String user, String body)
      throws Exception {
    return send(method, path, user, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(HttpResponse<String> r, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("\"field\":\"" + field + "\"");
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  @Test
  void shouldRefuseAndStartNothingWhenTheDealSizeIsBeyondRange() throws Exception {
    // given
    long before = count("select count(*) from designer_visit_request");
    String visit = "{\"requestId\": \"VR-RANGE-%s\", \"customerId\": \"C-2002\", \"repId\":"
        + " \"REP-1\", \"plannedDate\": \"2026-12-10\", \"channel\": \"WECOM\","
        + " \"dealSize\": %s}";
    // when
    HttpResponse<String> huge = send("POST", "/api/v1/visit-requests", "developer",
        visit.formatted("1", "1e400"));
    HttpResponse<String> big = send("POST", "/api/v1/visit-requests", "developer",
        visit.formatted("2", "1e16"));
    HttpResponse<String> nan = send("POST", "/api/v1/visit-requests", "developer",
        visit.formatted("3", "\"NaN\""));
    HttpResponse<String> far = send("POST", "/api/v1/visit-requests", "developer",
        visit.formatted("4", "1").replace("2026-12-10", "2999-01-01"));
    // then
    assertRefused(huge, "dealSize");
    assertRefused(big, "dealSize");
    assertRefused(nan, "dealSize");
    assertRefused(far, "plannedDate");
    assertThat(count("select count(*) from designer_visit_request")).isEqualTo(before);
  }

  @Test
  void shouldRefuseAndStoreNothingWhenACustomerIsInvalid() throws Exception {
    // when
    HttpResponse<String> empty = send("PUT", "/api/v1/consent/customers/C-EMPTY-1", "ops", "{}");
    HttpResponse<String> injected = send("PUT",
        "/api/v1/consent/customers/x'%20OR%20'1'='1", "ops", "{\"name\": \"X\"}");
    // then
    assertRefused(empty, "name");
    assertRefused(injected, "customerId");
    assertThat(count("select count(*) from baton_customer where id in ('C-EMPTY-1',"
        + " 'x'' OR ''1''=''1')")).isZero();
  }

  @Test
  void shouldRefuseAndRecordNothingWhenConsentIsDatedInTheFuture() throws Exception {
    // given
    long before = count("select count(*) from baton_consent_record");
    // when
    HttpResponse<String> r = send("POST", "/api/v1/consent/records", "ops", """
        {"customerId": "C-2002", "channel": "EMAIL", "purpose": "MARKETING",
         "status": "GRANTED", "source": "WEBSITE_OPT_IN", "evidenceId": "EV-2999",
         "recordedAt": "2999-01-01T00:00:00Z"}""");
    // then
    assertRefused(r, "recordedAt");
    assertThat(count("select count(*) from baton_consent_record")).isEqualTo(before);
  }

  @Test
  void shouldRefuseABodyThatIsNotUtf8AndAFactBeyondTheRangeOfANumber() throws Exception {
    // given
    byte[] latin1 = ("{\"now\": \"2026-11-27T09:00:00Z\", \"facts\": {\"Customer\":"
        + " [{\"customerId\": \"C-1\", \"name\": \"Müller\", \"region\": \"E\"}]}}")
        .getBytes(StandardCharsets.ISO_8859_1);
    // when
    HttpResponse<String> notUtf8 = send("POST", "/api/v1/evaluate", "developer", latin1);
    HttpResponse<String> huge = send("POST", "/api/v1/evaluate?packs=cmi-threshold",
        "developer", "{\"facts\": {\"Customer\": [{\"customerId\": \"C-1\", \"name\": \"A\","
            + " \"region\": \"E\", \"cmi\": 1e400}]}}");
    // then
    assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("not valid UTF-8");
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
    assertThat(huge.body()).contains("beyond the range of a number");
  }
}
