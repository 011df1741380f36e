package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded gateway lets in only the callers its authentication accepts. */
class GatewayAuthenticationTest {
  private final HikariDataSource dataSource = TestDatabases.fresh("h2");
  private EmbeddedWorkflowEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    dataSource.close();
  }

  private EmbeddedWorkflowEngine startWith(GatewayAuthentication authentication) {
    engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0)
        .withAuthentication(authentication));
    return engine;
  }

  private static CredentialsProvider basic(String user, String password) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user)
        .password(password).applyEnvironmentOverrides(false).build();
  }

  private static void unauthenticated(Throwable e) {
    assertThat(e).isInstanceOfSatisfying(ClientStatusException.class,
        s -> assertThat(s.getStatusCode()).isEqualTo(io.grpc.Status.Code.UNAUTHENTICATED));
  }

  @Test
  void shouldRefuseToStartWhenUnauthenticatedOnANonLoopbackAddress() {
    // when / then
    assertThatThrownBy(() -> EmbeddedWorkflowEngine.start(
        WorkflowEngineOptions.defaults(dataSource).withPort(0).withHost("0.0.0.0")))
        .isInstanceOf(WorkflowException.class)
        .hasMessageContaining("without authentication")
        .hasMessageContaining("withAuthentication");
  }

  @Test
  void shouldServeAnyAddressWhenAuthenticated() {
    // given
    startWith(GatewayAuthentication.basic(Map.of("ops", "s3cret-Pass")));

    // when / then: bound, and the right credentials work
    try (CamundaClient client = WorkflowClients.embedded(engine.grpcAddress(),
        basic("ops", "s3cret-Pass"))) {
      assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  @Test
  void shouldRefuseCallsWithoutOrWithWrongCredentials() {
    // given
    startWith(GatewayAuthentication.basic(Map.of("ops", "s3cret-Pass")));

    // when / then
    try (CamundaClient anonymous = WorkflowClients.embedded(engine.grpcAddress());
        CamundaClient wrong = WorkflowClients.embedded(engine.grpcAddress(),
            basic("ops", "guess"));
        CamundaClient wrongToken = WorkflowClients.embedded(engine.grpcAddress(),
            WorkflowClients.bearerToken("nope"))) {
      assertThatThrownBy(() -> anonymous.newTopologyRequest().send().join())
          .satisfies(GatewayAuthenticationTest::unauthenticated)
          .hasMessageContaining("needs credentials");
      assertThatThrownBy(() -> wrong.newTopologyRequest().send().join())
          .satisfies(GatewayAuthenticationTest::unauthenticated).hasMessageContaining("refused");
      assertThatThrownBy(() -> wrongToken.newTopologyRequest().send().join())
          .satisfies(GatewayAuthenticationTest::unauthenticated);
    }
  }

  @Test
  void shouldChangeNothingWhenAnUnauthenticatedClientPublishesAMessage() throws Exception {
    // given: an instance waits for a message
    String token = GatewayAuthentication.randomToken();
    startWith(GatewayAuthentication.anyOf(GatewayAuthentication.bearer(Map.of(token, "baton")),
        GatewayAuthentication.basic(Map.of("ops", "s3cret-Pass"))));
    try (CamundaClient client = WorkflowClients.embedded(engine.grpcAddress(),
            WorkflowClients.bearerToken(token));
        CamundaClient forger = WorkflowClients.embedded(engine.grpcAddress())) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("wait")
          .startEvent().intermediateCatchEvent("verdict", e -> e.message(m -> m.name("verdict")
              .zeebeCorrelationKeyExpression("id"))).endEvent().done(), "wait.bpmn")
          .send().join();
      long instance = client.newCreateInstanceCommand().bpmnProcessId("wait").latestVersion()
          .variables(Map.of("id", "BP-1")).send().join().getProcessInstanceKey();

      // when
      assertThatThrownBy(() -> forger.newPublishMessageCommand().messageName("verdict")
          .correlationKey("BP-1").send().join())
          .satisfies(GatewayAuthenticationTest::unauthenticated);

      // then: still waiting; the authenticated client's own message moves it
      Thread.sleep(300);
      assertThat(engine.inspector().instance(instance).orElseThrow().summary().state())
          .isEqualTo(ProcessInstanceState.ACTIVE);
      client.newPublishMessageCommand().messageName("verdict").correlationKey("BP-1")
          .send().join();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
          engine.inspector().instance(instance).orElseThrow().summary().state()
              == ProcessInstanceState.COMPLETED);
    }
  }
}
