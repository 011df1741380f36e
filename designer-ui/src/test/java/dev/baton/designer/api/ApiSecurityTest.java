package dev.baton.designer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.DesignerTestBase;
import dev.baton.designer.security.Role;
import dev.baton.designer.security.UserAccounts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cross-site requests and sign-in over real HTTP: the API's Origin check, the sign-in form's
 * CSRF token, and the remembered basic credentials forgotten on a password change.
 */
class ApiSecurityTest extends DesignerTestBase {
  private static final String PACK = """
      id: origin-test-%s
      version: 1.0.0
      kind: custom
      title: {en: Origin test, zh-CN: 来源测试}
      facts:
        Order:
          customerId: string
          amount: number
      rules:
        - id: r0
          title: {en: Large order, zh-CN: 大额订单}
          when:
            - Order as o: {amount: {gte: 100}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId, priority: HIGH}
      """;
  @LocalServerPort int port;
  @Autowired UserAccounts users;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder multipartImport(String id, String origin, String authorization) {
    String boundary = "b" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"pack.yaml\"\r\nContent-Type: application/yaml\r\n\r\n"
        + PACK.formatted(id) + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder b = request("/api/v1/packs")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return b;
  }

  @Test
  void shouldRefuseAStateChangingCallWhenItComesFromAForeignOrigin() throws Exception {
    // given
    String id = UUID.randomUUID().toString().substring(0, 8);
    // when
    HttpResponse<String> foreign = send(multipartImport(id, "https://evil.example",
        basic("ops", "ops")));
    HttpResponse<String> read = send(request("/api/v1/packs/origin-test-" + id)
        .header("Authorization", basic("ops", "ops")).header("Origin", "https://evil.example"));
    // then: refused and nothing imported; a GET from anywhere is only a read
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(foreign.body()).contains("Cross-site request", "https://evil.example");
    assertThat(read.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldTakeTheCallWhenItComesFromTheSameOriginOrWithoutOrigin() throws Exception {
    // given
    String same = UUID.randomUUID().toString().substring(0, 8);
    String none = UUID.randomUUID().toString().substring(0, 8);
    // when
    HttpResponse<String> fromDesigner = send(multipartImport(same,
        "http://localhost:" + port, basic("ops", "ops")));
    HttpResponse<String> fromScript = send(multipartImport(none, null, basic("ops", "ops")));
    // then
    assertThat(fromDesigner.statusCode()).as(fromDesigner.body()).isEqualTo(201);
    assertThat(fromScript.statusCode()).as(fromScript.body()).isEqualTo(201);
  }

  @Test
  void shouldRefuseTheSignInPostWhenItCarriesNoCsrfTokenAndTakeItWithTheToken()
      throws Exception {
    // given
    String form = "username=ops&password=ops";
    // when: a foreign page posts the sign-in form without the token
    HttpResponse<String> without = send(request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    // and the designer's own sign-in page's token is sent
    HttpResponse<String> page = send(request("/login").header("Accept", "text/html"));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
        .matcher(page.body());
    Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
        .matcher(page.body());
    assertThat(parameter.find()).as(page.body()).isTrue();
    assertThat(token.find()).isTrue();
    HttpResponse<String> with = send(request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(form + "&" + parameter.group(1) + "="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
    // then
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("JSESSIONID"));
    assertThat(with.statusCode()).as(with.body()).isEqualTo(302);
    assertThat(with.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).doesNotContain("error"));
  }

  @Test
  void shouldRefuseTheOldPasswordAtOnceWhenThePasswordChangesOrTheUserIsDisabled()
      throws Exception {
    // given a user whose basic sign-in was just verified (and remembered)
    String user = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(user, "first password", user, EnumSet.of(Role.DEVELOPER));
    HttpResponse<String> first = send(request("/api/v1/packs")
        .header("Authorization", basic(user, "first password")));
    // when
    users.setPassword(user, "second password");
    HttpResponse<String> oldPassword = send(request("/api/v1/packs")
        .header("Authorization", basic(user, "first password")));
    HttpResponse<String> newPassword = send(request("/api/v1/packs")
        .header("Authorization", basic(user, "second password")));
    users.setEnabled(user, false);
    HttpResponse<String> disabled = send(request("/api/v1/packs")
        .header("Authorization", basic(user, "second password")));
    // then
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(oldPassword.statusCode()).isEqualTo(401);
    assertThat(newPassword.statusCode()).isEqualTo(200);
    assertThat(disabled.statusCode()).isEqualTo(401);
  }
}
