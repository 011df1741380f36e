package dev.baton.designer.config;

import dev.baton.designer.security.Role;
import dev.baton.engine.workflow.GatewayAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    GatewayAuthentication designerUsers = header -> basicUser(header, users);
    return new GatewayAccess(GatewayAuthentication.anyOf(
        GatewayAuthentication.bearer(Map.of(token, "baton-designer")), designerUsers), token);
  }

  /** The user of a basic header whose password the designer verifies (cached, as the API). */
  private static Optional<String> basicUser(String header, AuthenticationProvider users) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String name = credentials.substring(0, colon);
    Authentication user;
    try {
      user = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name,
          credentials.substring(colon + 1)));
    } catch (AuthenticationException e) {
      return Optional.empty();
    }
    boolean allowed = user != null && user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    return allowed ? Optional.of(name) : Optional.empty();
  }
}
