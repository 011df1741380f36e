package dev.baton.engine.workflow.internal.grpc;

import dev.baton.engine.workflow.GatewayAuthentication;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;

/**
 * Refuses every gateway call whose {@code Authorization} metadata the engine's
 * {@link GatewayAuthentication} does not accept, with {@code UNAUTHENTICATED} and a message that
 * says how to configure the official client.
 */
public final class AuthenticatingInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final GatewayAuthentication authentication;

  public AuthenticatingInterceptor(GatewayAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String header = headers.get(AUTHORIZATION);
    Optional<String> who;
    try {
      who = authentication.authenticate(header);
    } catch (RuntimeException e) {
      who = Optional.empty();
    }
    if (who.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription(header == null
          ? "The workflow gateway needs credentials: configure the Camunda client with basic"
              + " auth (camunda.client.auth.username and camunda.client.auth.password, or a"
              + " BasicAuthCredentialsProvider) or a bearer token."
          : "The workflow gateway refused these credentials: check the user name and password"
              + " (or the token) the Camunda client sends."), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
