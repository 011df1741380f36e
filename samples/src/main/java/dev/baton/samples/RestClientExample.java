package dev.baton.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A chat bot's side of the designer's REST API, with nothing but the JDK's {@link HttpClient}:
 * post a visit request to the webhook (which starts the battle-pack workflow) and list the
 * legal review queue. Authenticates with an API token ({@code Authorization: Bearer}) or with
 * HTTP basic.
 *
 * <pre>{@code
 * RestClientExample api = RestClientExample.withToken(URI.create("http://localhost:8080"), token);
 * HttpResponse<String> accepted = api.postVisitRequest("""
 *     {"requestId": "VR-2026-1127-001", "customerId": "C-2002", "repId": "REP-12",
 *      "plannedDate": "2026-12-03", "channel": "WECOM"}""");   // 202, {"processInstanceKey": ...}
 * HttpResponse<String> legal = api.listReviews("legal");       // 200, [{"packId": ...}, ...]
 * }</pre>
 *
 * <p>Run it against a running designer: {@code java RestClientExample http://localhost:8080
 * developer developer} (basic) or {@code ... http://localhost:8080 --token <token>}.
 */
public final class RestClientExample {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  private RestClientExample(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A client that signs in with an API token. */
  public static RestClientExample withToken(URI base, String token) {
    return new RestClientExample(base, "Bearer " + token);
  }

  /** A client that signs in with a designer user and password (HTTP basic). */
  public static RestClientExample withBasic(URI base, String user, String password) {
    return new RestClientExample(base, "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Posts a visit request (JSON) to {@code POST /api/v1/visit-requests}. 202 with the process
   * instance key when the workflow started; 200 for a repeated request; 400 (problem detail,
   * every field) for an invalid one.
   */
  public HttpResponse<String> postVisitRequest(String json)
      throws IOException, InterruptedException {
    return http.send(request("/api/v1/visit-requests")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Lists the open review items of {@code legal} or {@code finance}. */
  public HttpResponse<String> listReviews(String role) throws IOException, InterruptedException {
    return http.send(request("/api/v1/reviews?role=" + role).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).header("Accept", "application/json");
  }

  /** Posts the demo visit request of customer C-2002 and prints the legal review queue. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: RestClientExample <base-url> <user> <password>"
          + " | <base-url> --token <token>");
      System.exit(2);
    }
    URI base = URI.create(args[0]);
    RestClientExample api = "--token".equals(args[1]) ? withToken(base, args[2])
        : withBasic(base, args[1], args[2]);
    HttpResponse<String> r = api.postVisitRequest("{\"requestId\": \"VR-SAMPLE-"
        + System.currentTimeMillis() + "\", \"customerId\": \"C-2002\", \"repId\": \"REP-12\","
        + " \"plannedDate\": \"2026-12-03\", \"channel\": \"WECOM\"}");
    System.out.println(r.statusCode() + " " + r.body());
    HttpResponse<String> reviews = api.listReviews("legal");
    System.out.println(reviews.statusCode() + " " + reviews.body());
  }
}
