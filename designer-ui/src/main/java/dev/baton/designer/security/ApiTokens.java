package dev.baton.designer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * API tokens: random secrets that act as a designer user, e.g. for a chat bot. Only the SHA-256
 * of a token is stored (a token has 256 random bits, so a fast hash is enough); the token itself
 * is shown once, when it is created. Revoked tokens stop working at once.
 */
@Service
public class ApiTokens {
  /** Every token starts with this, so that it is recognisable in logs and secret scanners. */
  public static final String PREFIX = "baton_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcTemplate jdbc;

  public ApiTokens(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored token (without its secret). */
  public record TokenInfo(String tokenId, String username, String name, String createdBy,
      Instant createdAt, Instant revokedAt) {}

  /** A new token: {@code token} is the secret, shown only now. */
  public record CreatedToken(TokenInfo info, String token) {}

  /**
   * Creates a token for a user.
   *
   * @throws IllegalArgumentException when the user does not exist or the name is blank
   */
  public CreatedToken create(String username, String name, String createdBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = "tok-" + UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.update("insert into designer_api_token (token_id, token_hash, username, name,"
        + " created_by, created_at) values (?, ?, ?, ?, ?, ?)", id, hash(token), username, name,
        createdBy, Timestamp.from(now));
    return new CreatedToken(new TokenInfo(id, username, name, createdBy, now, null), token);
  }

  /** The user a token acts as, when the token exists and is not revoked. */
  public Optional<String> userOf(String token) {
    List<String> users = jdbc.queryForList("select username from designer_api_token"
        + " where token_hash = ? and revoked_at is null", String.class, hash(token));
    return users.stream().findFirst();
  }

  /** Every token, newest first. */
  public List<TokenInfo> list() {
    return jdbc.query("select token_id, username, name, created_by, created_at, revoked_at"
        + " from designer_api_token order by created_at desc", (rs, i) -> new TokenInfo(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
  }

  /** Revokes a token; false when there is no such token or it was revoked before. */
  public boolean revoke(String tokenId) {
    return jdbc.update("update designer_api_token set revoked_at = ? where token_id = ?"
        + " and revoked_at is null", Timestamp.from(Instant.now()), tokenId) == 1;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
