package dev.baton.designer.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.DesignerTestBase;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The designer's {@code /v2}: the official Camunda 8.8 client with its defaults (REST
 * preferred), its REST address pointed at the designer and — since the tests run outside the
 * embedded defaults — a developer's basic credentials, as Camunda documents them. No sign-in
 * page, no CSRF token, no session; without credentials a 401 problem detail.
 */
class CamundaRestApiTest extends DesignerTestBase {
  private static final String DEVELOPER = "Basic " + java.util.Base64.getEncoder()
      .encodeToString("developer:developer".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @LocalServerPort int port;
  private CamundaClient client;

  @BeforeEach
  void connect() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port)).preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("developer").password("developer").applyEnvironmentOverrides(false)
            .build())
        .build();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void shouldRunAnInstanceWhenAClientWithDefaultsTalksToTheDesigner() throws Exception {
    // given
    assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("rest-ship")
        .startEvent().serviceTask("ship", t -> t.zeebeJobType("rest-ship")).endEvent().done(),
        "rest-ship.bpmn").send().join();
    var jobs = new LinkedBlockingQueue<ActivatedJob>();

    // when
    try (var worker = client.newWorker().jobType("rest-ship").handler((c, job) -> {
      c.newCompleteCommand(job).variables(Map.of("shipped", true)).send().join();
      jobs.add(job);
    }).open()) {
      var result = client.newCreateInstanceCommand().bpmnProcessId("rest-ship").latestVersion()
          .variables(Map.of("parcel", "P-1")).withResult().requestTimeout(Duration.ofSeconds(30))
          .send().join();

      // then
      assertThat(result.getVariablesAsMap()).containsEntry("shipped", true);
      assertThat(jobs.poll(30, TimeUnit.SECONDS)).isNotNull();
      assertThat(client.newProcessInstanceSearchRequest().filter(p -> p
          .processInstanceKey(result.getProcessInstanceKey())).send().join().items())
          .singleElement().satisfies(p -> assertThat(p.getState().name())
              .isEqualTo("COMPLETED"));
    }
  }

  @Test
  void shouldAnswerProblemDetailsWithoutSignInWhenInputIsBad() throws Exception {
    // given
    HttpClient http = HttpClient.newHttpClient();

    // when
    HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v2/messages/publication"))
        .header("Content-Type", "application/json").header("Authorization", DEVELOPER)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v2/messages/publication"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
            .ofString("{\"name\": \"review-decided\", \"correlationKey\": \"BP-1:legal\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    // then: a problem detail, not the sign-in page or a CSRF refusal
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue(
        "application/problem+json");
    assertThat(malformed.body()).contains("\"status\":400");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue(
        "application/problem+json");
    assertThatThrownBy(() -> client.newCompleteCommand(42L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code())
            .isEqualTo(404));
  }
}
