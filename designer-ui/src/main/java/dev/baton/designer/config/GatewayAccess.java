package dev.baton.designer.config;

import dev.baton.designer.security.Role;
import dev.baton.engine.workflow.GatewayAuthentication;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may call the designer's embedded workflow engine. On the embedded defaults (no database
 * URL) bound to loopback nobody needs to authenticate, like a local Camunda 8 Run; otherwise
 * every call needs the designer's own token (its workers) or HTTP basic credentials of a
 * designer user with the developer or admin role, the way Camunda's clients send them
 * ({@code camunda.client.auth.username} / {@code password}).
 *
 * @param authentication what the engine checks on each call
 * @param ownToken the token this process's own client presents, or null when open
 */
public record GatewayAccess(GatewayAuthentication authentication, String ownToken) {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayAccess.class);

  /** The roles whose users may drive the engine through its gateway. */
  static final java.util.Set<String> ROLES =
      java.util.Set.of("ROLE_" + Role.DEVELOPER.name(), "ROLE_" + Role.ADMIN.name());

  /** Open on demo defaults on loopback, else users with a role in {@link #ROLES} and a token. */
  static GatewayAccess of(boolean embeddedDefaults, String host,
      AuthenticationProvider users) {
    if (embeddedDefaults && GatewayAuthentication.isLoopback(host)) {
      LOG.warn("The embedded workflow gateway takes any local client without authentication"
          + " (embedded defaults on {}); with a database URL it requires a developer or admin"
          + " user's credentials.", host);
      return new GatewayAccess(GatewayAuthentication.none(), null);
    }
    String token = GatewayAuthentication.randomToken();
    GatewayAuthentication designerUsers = GatewayAuthentication.basic(
        (name, password) -> designerUser(name, password, users));
    return new GatewayAccess(GatewayAuthentication.anyOf(
        GatewayAuthentication.bearer(Map.of(token, "baton-designer")), designerUsers), token);
  }

  /** The designer user with this password and a role in {@link #ROLES} (cached, as the API). */
  private static Optional<String> designerUser(String name, String password,
      AuthenticationProvider users) {
    Authentication user;
    try {
      user = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
          password));
    } catch (AuthenticationException e) {
      return Optional.empty();
    }
    boolean allowed = user != null && user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    return allowed ? Optional.of(name) : Optional.empty();
  }
}
