package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.workflow.WorkflowClients;
import io.camunda.client.CamundaClient;
import java.net.URI;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --gateway} and {@code --rest}: where the workflow engine's Zeebe gRPC gateway and its
 * REST API listen.
 */
final class GatewayOption {

  @Option(names = "--gateway", paramLabel = "<url>", defaultValue = "http://127.0.0.1:26500",
      description = "The Zeebe gRPC gateway of 'baton serve' or the designer"
          + " (default: ${DEFAULT-VALUE}; http means plaintext).")
  String gateway;

  @Option(names = "--rest", paramLabel = "<url>", defaultValue = "http://127.0.0.1:8080",
      description = "The REST API (Orchestration Cluster API v2) of 'baton serve' or the"
          + " designer, for user tasks such as the reviews (default: ${DEFAULT-VALUE}).")
  String rest;

  @Mixin
  GatewayCredentialOptions credentials = new GatewayCredentialOptions();

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
    URI restUri = address("--rest", rest, "http://127.0.0.1:8080");
    return credentials.present()
        ? WorkflowClients.embedded(uri, restUri, credentials.provider())
        : WorkflowClients.embedded(uri, restUri);
  }

  private static URI address(String option, String value, String example) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new BatonException(option + " '" + value + "' is not a URL: use e.g. " + example
          + ".");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new BatonException(option + " '" + value + "' needs a host and a port, e.g. "
          + example + ".");
    }
    return uri;
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
