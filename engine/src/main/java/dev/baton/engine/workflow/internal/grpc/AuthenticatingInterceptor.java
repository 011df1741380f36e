package dev.baton.engine.workflow.internal.grpc;

import dev.baton.engine.workflow.GatewayAuthentication;
import dev.baton.engine.workflow.internal.GatewayCredentials;
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
    Optional<String> refusal =
        GatewayCredentials.refusal(authentication, headers.get(AUTHORIZATION));
    if (refusal.isPresent()) {
      call.close(Status.UNAUTHENTICATED.withDescription(refusal.get()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
