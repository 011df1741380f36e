package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.workflow.WorkflowClients;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --gateway}: where the workflow engine's Zeebe gRPC gateway listens. */
final class GatewayOption {

  @Option(names = "--gateway", paramLabel = "<url>", defaultValue = "http://127.0.0.1:26500",
      description = "The Zeebe gRPC gateway of 'baton serve' or the designer"
          + " (default: ${DEFAULT-VALUE}; http means plaintext).")
  String gateway;

  @Option(names = "--gateway-user", paramLabel = "<user>",
      defaultValue = "${env:BATON_GATEWAY_USER:-baton}",
      description = "The user for a gateway that requires authentication (default:"
          + " $BATON_GATEWAY_USER, else ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--gateway-password", paramLabel = "<password>",
      defaultValue = "${env:BATON_GATEWAY_PASSWORD}",
      description = "The password for a gateway that requires authentication (default:"
          + " $BATON_GATEWAY_PASSWORD; prefer the variable, a command line is visible to other"
          + " users). Without it the client sends no credentials.")
  String password;

  /** The official client for the gateway. */
  CamundaClient client() {
    URI uri;
    try {
      uri = URI.create(gateway);
    } catch (IllegalArgumentException e) {
      throw new BatonException("--gateway '" + gateway + "' is not a URL: use e.g."
          + " http://127.0.0.1:26500.");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new BatonException("--gateway '" + gateway + "' needs a host and a port, e.g."
          + " http://127.0.0.1:26500.");
    }
    return password == null || password.isBlank() ? WorkflowClients.embedded(uri)
        : WorkflowClients.embedded(uri, basic(user, password));
  }

  /** Camunda's basic-auth credentials, with no environment overrides of its own. */
  static CredentialsProvider basic(String user, String password) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user)
        .password(password).applyEnvironmentOverrides(false).build();
  }

  /** A clear message for a call the gateway did not answer. */
  BatonException unreachable(RuntimeException e) {
    return new BatonException("The workflow engine at " + gateway + " refused or did not"
        + " answer: " + e.getMessage() + ". Is 'baton serve' (or the designer) running? Set"
        + " --gateway to its address"
        + (String.valueOf(e.getMessage()).contains("credentials")
            ? ", and BATON_GATEWAY_USER / BATON_GATEWAY_PASSWORD to an account it accepts." : "."),
        e);
  }
}
