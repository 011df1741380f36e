package dev.baton.cli;

import io.camunda.client.CredentialsProvider;
import picocli.CommandLine.Option;

/**
 * {@code --gateway-user} and {@code --gateway-password}: the basic credentials that {@code baton
 * serve} requires when a password is set, and that the commands calling a gateway send.
 */
final class GatewayCredentialOptions {

  @Option(names = "--gateway-user", paramLabel = "<user>",
      defaultValue = "${env:BATON_GATEWAY_USER:-baton}",
      description = "The gateway user (default: $BATON_GATEWAY_USER, else ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--gateway-password", paramLabel = "<password>",
      defaultValue = "${env:BATON_GATEWAY_PASSWORD}",
      description = "The gateway password (default: $BATON_GATEWAY_PASSWORD; prefer the"
          + " variable, a command line is visible to other users). 'serve' then requires basic"
          + " auth on every call (required on a non-loopback --host and a PostgreSQL database);"
          + " the other commands send it. Without it nothing is required or sent.")
  String password;

  /** Whether a password is set. */
  boolean present() {
    return password != null && !password.isBlank();
  }

  /** Camunda's basic-auth credentials, with no environment overrides of its own. */
  CredentialsProvider provider() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user)
        .password(password).applyEnvironmentOverrides(false).build();
  }
}
