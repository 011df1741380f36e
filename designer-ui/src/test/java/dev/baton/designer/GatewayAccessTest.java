package dev.baton.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.config.WorkflowConfiguration.EmbeddedGateway;
import dev.baton.engine.workflow.WorkflowClients;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The designer's embedded engine outside the embedded defaults (the tests give a database URL):
 * its gateway takes developer and admin users' basic credentials and the designer's own token,
 * and nobody else.
 */
class GatewayAccessTest extends DesignerTestBase {

  @Autowired EmbeddedGateway gateway;
  @Autowired CamundaClient designerClient;

  private URI address() {
    return gateway.engine().orElseThrow().grpcAddress();
  }

  private CamundaClient as(String user, String password) {
    return WorkflowClients.embedded(address(), CredentialsProvider
        .newBasicAuthCredentialsProviderBuilder().username(user).password(password)
        .applyEnvironmentOverrides(false).build());
  }

  private static void unauthenticated(Throwable e) {
    assertThat(e).isInstanceOfSatisfying(ClientStatusException.class,
        s -> assertThat(s.getStatusCode()).isEqualTo(io.grpc.Status.Code.UNAUTHENTICATED));
  }

  @Test
  void shouldLetInDevelopersAdminsAndTheDesignerItselfWhenNotOnEmbeddedDefaults() {
    // when / then
    assertThat(designerClient.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    try (CamundaClient developer = as("developer", "developer");
        CamundaClient admin = as("admin", "admin")) {
      assertThat(developer.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
      assertThat(admin.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  @Test
  void shouldRefuseAnonymousCallersOtherRolesAndWrongPasswords() {
    // when / then
    try (CamundaClient anonymous = WorkflowClients.embedded(address());
        CamundaClient legal = as("legal", "legal");
        CamundaClient wrong = as("developer", "not-the-password");
        CamundaClient nobody = as("mallory", "mallory")) {
      for (CamundaClient c : new CamundaClient[] {anonymous, legal, wrong, nobody}) {
        assertThatThrownBy(() -> c.newPublishMessageCommand().messageName("review-decided")
            .correlationKey("BP-1:legal").send().join())
            .satisfies(GatewayAccessTest::unauthenticated);
      }
    }
  }
}
