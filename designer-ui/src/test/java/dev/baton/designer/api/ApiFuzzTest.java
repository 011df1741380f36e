package dev.baton.designer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.DesignerTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzing the REST API's JSON bodies over real HTTP (jqwik's generators in the shared Spring
 * test application): valid bodies of evaluate, consent, visit requests and reviews with random
 * cuts and insertions of JSON syntax, huge and non-finite numbers, odd ids and dates, invalid
 * UTF-8 and random bytes. Every answer is below 500, every refusal is a problem detail, no call
 * hangs (bounded by the client's timeout), and a refused call changes nothing: the decision
 * log, the consent ledger, the visit requests and the reviews have the same rows as before it.
 */
class ApiFuzzTest extends DesignerTestBase {
  private static final int TRIES = 60;
  private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "null",
      "true", "1e400", "-1e400", "NaN", "Infinity", "-0", "1e-400",
      "123456789012345678901234567890", "\"x' OR '1'='1\"", "\"2999-01-01T00:00:00Z\"",
      "\"0001-01-01\"", "\"" + "v".repeat(10_000) + "\"", "\"\\u0000\"", "\"\\ud800\"",
      "\"规则\"", "{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}", "[" + "[".repeat(2000));
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  private record Endpoint(String method, String path, String user, String validBody) {}

  private static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", "/api/v1/evaluate?record=true", "developer", """
          {"now": "2026-11-27T09:00:00Z", "facts": {"Customer": [{"customerId": "C-9101",
          "name": "A", "region": "East"}], "BehaviourSignal": [{"customerId": "C-9101",
          "kind": "WEBSITE_HEATMAP", "detail": "x", "occurredAt": "2026-11-25T09:00:00Z"}]}}"""),
      new Endpoint("PUT", "/api/v1/consent/customers/C-FUZZ-1", "ops",
          "{\"name\": \"Fuzz Hospital\", \"region\": \"East\", \"owner\": \"REP-1\"}"),
      new Endpoint("POST", "/api/v1/consent/records", "ops", """
          {"customerId": "C-2002", "channel": "EMAIL", "purpose": "MARKETING",
           "status": "GRANTED", "source": "WEBSITE_OPT_IN", "evidenceId": "EV-FUZZ",
           "recordedAt": "2026-11-20T08:00:00Z"}"""),
      new Endpoint("POST", "/api/v1/visit-requests", "developer", """
          {"requestId": "VR-FUZZ", "customerId": "C-2002", "repId": "REP-12",
           "plannedDate": "2026-12-03", "channel": "WECOM", "dealSize": 480000,
           "riskLevel": "MEDIUM", "contactChannel": "EMAIL"}"""),
      new Endpoint("POST", "/api/v1/reviews/BP-FUZZ-UNKNOWN/legal", "legal",
          "{\"verdict\": \"APPROVE\", \"comment\": \"ok\"}"));

  @Test
  void shouldAnswerBelow500AndChangeNothingWhenTheBodyIsFuzzed() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      List<byte[]> bodies = bodies(e.validBody());
      for (byte[] body : bodies) {
        // given
        Map<String, Object> before = state();
        // when
        HttpResponse<String> r = send(e, body);
        // then
        String shown = e.method() + " " + e.path() + " " + preview(body) + " -> "
            + r.statusCode() + " " + preview(r.body().getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() >= 500) {
          failures.add("5xx: " + shown);
        } else if (r.statusCode() >= 400) {
          if (!r.headers().firstValue("Content-Type").orElse("")
              .startsWith("application/problem+json")) {
            failures.add("not a problem detail: " + shown);
          }
          Map<String, Object> after = state();
          if (!after.equals(before)) {
            failures.add("refused but changed " + before + " -> " + after + ": " + shown);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void shouldAnswerProblemDetailWhenTomcatRefusesThePathOrTheHeaders() throws Exception {
    // when
    HttpResponse<String> slash = send(new Endpoint("GET", "/api/v1/visit-requests/a%2Fb",
        "developer", null), null);
    HttpResponse<String> longId = send(new Endpoint("GET", "/api/v1/visit-requests/"
        + "x".repeat(10_000), "developer", null), null);
    HttpResponse<String> badId = send(new Endpoint("GET",
        "/api/v1/consent/customers/x'%20OR%20'1'='1/records", "ops", null), null);
    // then
    for (HttpResponse<String> r : List.of(slash, longId, badId)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(r.body()).contains("\"status\":400").doesNotContain("<html");
    }
    assertThat(badId.body()).contains("\"field\":\"customerId\"");
  }

  /**
   * What the fuzzed endpoints can change, and nothing the background workflows change: the
   * API's own decisions (actor developer; workflow decisions are the rep's), the customers and
   * the fuzzed customer's row, consent records, visit requests, and legal's verdicts.
   */
  private Map<String, Object> state() {
    Map<String, Object> m = new java.util.TreeMap<>();
    m.put("apiDecisions", count("select count(*) from baton_decision where actor = 'developer'"));
    m.put("customers", count("select count(*) from baton_customer"));
    m.put("fuzzCustomer", jdbc.queryForList("select concat(name, '|', coalesce(region, ''), '|',"
        + " coalesce(owner, '')) from baton_customer where id = 'C-FUZZ-1'", String.class));
    m.put("consentRecords", count("select count(*) from baton_consent_record"));
    m.put("visitRequests", count("select count(*) from designer_visit_request"));
    m.put("legalVerdicts", count("select count(*) from baton_bp_review where reviewer = 'legal'"));
    return m;
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  private HttpResponse<String> send(Endpoint e, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + e.path())).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (e.user() + ":" + e.user()).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The valid body, then {@link #TRIES} mutations of it, invalid UTF-8 and random bytes. */
  private static List<byte[]> bodies(String valid) {
    Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 20), Arbitraries.of(TOKENS),
        Arbitraries.of(true, false)).as(Mutation::new);
    Arbitrary<String> mutated = mutation.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
      String out = valid;
      for (Mutation m : ms) {
        out = m.apply(out);
      }
      return out;
    });
    List<byte[]> out = new ArrayList<>();
    out.add(valid.getBytes(StandardCharsets.UTF_8));
    mutated.sampleStream().limit(TRIES)
        .forEach(s -> out.add(s.getBytes(StandardCharsets.UTF_8)));
    Supplier<byte[]> invalidUtf8 = () -> {
      byte[] v = valid.getBytes(StandardCharsets.UTF_8);
      byte[] b = java.util.Arrays.copyOf(v, v.length);
      int at = valid.indexOf(':') + 3;
      b[at] = (byte) 0xC3;
      b[at + 1] = (byte) 0x28; // not a continuation byte
      return b;
    };
    out.add(invalidUtf8.get());
    Arbitraries.bytes().array(byte[].class).ofMaxSize(200).sampleStream().limit(10)
        .forEach(out::add);
    return out;
  }

  private static String preview(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  private record Mutation(double at, int cut, String token, boolean insert) {
    String apply(String text) {
      int i = (int) (at * text.length());
      int end = Math.min(text.length(), i + cut);
      return text.substring(0, i) + (insert ? token : "") + text.substring(insert ? i : end);
    }
  }
}
