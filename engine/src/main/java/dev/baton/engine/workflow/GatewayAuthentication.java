package dev.baton.engine.workflow;

import dev.baton.engine.workflow.internal.GatewayCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may drive the embedded engine: every gateway call (gRPC, and the REST API) carries the
 * {@code Authorization} header that Camunda's clients send — {@code Basic base64(user:password)}
 * with {@code camunda.client.auth.username}/{@code password}, or {@code Bearer <token>} with
 * OAuth or a token — and the engine answers {@code UNAUTHENTICATED} (401 over REST) unless this
 * accepts it.
 *
 * <p>{@link #none()} lets every caller in, like a local Camunda 8 Run; the engine refuses to
 * start with it on an address other than loopback, since anyone who reaches the gateway could
 * then complete jobs or publish messages (for example a review verdict).
 *
 * <p>Implementations MUST be thread-safe and fast: they run on every call. A throw refuses the
 * call.
 */
@FunctionalInterface
public interface GatewayAuthentication {

  /**
   * Checks one call's credentials.
   *
   * @param authorization the {@code Authorization} header as sent, or null when there is none
   * @return who called, or empty to refuse the call
   */
  Optional<String> authenticate(String authorization);

  /** True only for {@link #none()}: every caller is let in. */
  default boolean open() {
    return false;
  }

  /** No authentication: every caller is let in (allowed on loopback only). */
  static GatewayAuthentication none() {
    return GatewayCredentials.OPEN;
  }

  /**
   * HTTP basic authentication against fixed users (user name to password); the passwords are
   * kept only as SHA-256 digests and compared in constant time.
   *
   * @throws IllegalArgumentException for no users, a blank user name or one with {@code :}, or
   *     an empty password
   */
  static GatewayAuthentication basic(Map<String, String> passwordsByUser) {
    return GatewayCredentials.basic(passwordsByUser);
  }

  /**
   * HTTP basic authentication by a check of the user name and password the header carries, e.g.
   * against an application's own users.
   */
  static GatewayAuthentication basic(PasswordCheck check) {
    return GatewayCredentials.basic(check);
  }

  /**
   * Checks one user name and password. Implementations MUST be thread-safe and should be fast
   * (they run on every call: cache verified passwords rather than hash each time).
   */
  @FunctionalInterface
  interface PasswordCheck {
    /** Who called, or empty to refuse. */
    Optional<String> check(String user, String password);
  }

  /** Bearer tokens: each accepted token with the principal it stands for. */
  static GatewayAuthentication bearer(Map<String, String> principalsByToken) {
    return GatewayCredentials.bearer(principalsByToken);
  }

  /** Accepts a call that any of these accepts, asked in order. */
  static GatewayAuthentication anyOf(GatewayAuthentication... alternatives) {
    List<GatewayAuthentication> all = List.of(alternatives);
    if (all.stream().anyMatch(GatewayAuthentication::open)) {
      return none();
    }
    return header -> {
      for (GatewayAuthentication a : all) {
        Optional<String> who = a.authenticate(header);
        if (who.isPresent()) {
          return who;
        }
      }
      return Optional.empty();
    };
  }

  /** A fresh random token (256 bits), e.g. for the engine's own client in the same process. */
  static String randomToken() {
    return GatewayCredentials.randomToken();
  }

  /** True for a host name or address of the loopback interface. */
  static boolean isLoopback(String host) {
    return GatewayCredentials.isLoopback(host);
  }
}
