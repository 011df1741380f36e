package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.GatewayAuthentication;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The built-in {@link GatewayAuthentication}s. */
public final class GatewayCredentials {
  /** Lets everyone in. */
  public static final GatewayAuthentication OPEN = new GatewayAuthentication() {
    @Override
    public Optional<String> authenticate(String authorization) {
      return Optional.of("anonymous");
    }

    @Override
    public boolean open() {
      return true;
    }
  };

  private static final SecureRandom RANDOM = new SecureRandom();

  private GatewayCredentials() {}

  /** Basic authentication; see {@link GatewayAuthentication#basic(Map)}. */
  public static GatewayAuthentication basic(Map<String, String> passwordsByUser) {
    Map<String, byte[]> digests = new LinkedHashMap<>();
    passwordsByUser.forEach((user, password) -> {
      if (user == null || user.isBlank() || user.contains(":")) {
        throw new IllegalArgumentException("A gateway user name must be non-blank and without"
            + " ':', was '" + user + "'");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("The gateway user '" + user + "' needs a password");
      }
      digests.put(user, sha256(user + ":" + password));
    });
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("Basic gateway authentication needs at least one user");
    }
    return basic((user, password) -> {
      byte[] expected = digests.get(user);
      return expected != null && MessageDigest.isEqual(expected, sha256(user + ":" + password))
          ? Optional.of(user) : Optional.empty();
    });
  }

  /** Basic authentication by a check; see {@link GatewayAuthentication#basic(PasswordCheck)}. */
  public static GatewayAuthentication basic(GatewayAuthentication.PasswordCheck check) {
    return header -> basicCredentials(header).flatMap(credentials -> {
      int colon = credentials.indexOf(':');
      return colon <= 0 ? Optional.empty()
          : check.check(credentials.substring(0, colon), credentials.substring(colon + 1));
    });
  }

  /**
   * Why a call with this {@code Authorization} header is refused, in words that say how to
   * configure the client; empty when it is accepted. A throwing authentication refuses.
   */
  public static Optional<String> refusal(GatewayAuthentication authentication, String header) {
    Optional<String> who;
    try {
      who = authentication.authenticate(header);
    } catch (RuntimeException e) {
      who = Optional.empty();
    }
    if (who.isPresent()) {
      return Optional.empty();
    }
    return Optional.of(header == null
        ? "The workflow engine needs credentials: configure the Camunda client with basic auth"
            + " (camunda.client.auth.username and camunda.client.auth.password, or a"
            + " BasicAuthCredentialsProvider) or a bearer token."
        : "The workflow engine refused these credentials: check the user name and password"
            + " (or the token) the Camunda client sends.");
  }

  /** Bearer tokens; see {@link GatewayAuthentication#bearer(Map)}. */
  public static GatewayAuthentication bearer(Map<String, String> principalsByToken) {
    // keyed by the token's digest, so a lookup reveals nothing through timing about the tokens
    Map<String, String> byDigest = new LinkedHashMap<>();
    principalsByToken.forEach((token, principal) -> {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("A gateway token must not be blank");
      }
      byDigest.put(digest(token), Objects.requireNonNull(principal, "principal"));
    });
    return header -> {
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.empty();
      }
      return Optional.ofNullable(byDigest.get(digest(header.substring(7).trim())));
    };
  }

  /** 256 random bits, URL-safe Base64. */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True for {@code localhost} and loopback addresses (literal or resolved). */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(h)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code user:password} of a basic header, or empty. */
  static Optional<String> basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String digest(String s) {
    return Base64.getEncoder().encodeToString(sha256(s));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
