package dev.baton.designer.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The designer's users, in the database: BCrypt password hashes, roles and the language. A
 * password change or a disabled account forgets the user's {@link VerifiedCredentials} at once.
 */
@Service
public class UserAccounts {
  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final VerifiedCredentials verified;

  public UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, VerifiedCredentials verified) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.verified = verified;
  }

  /** True when the user exists. */
  public boolean exists(String username) {
    return !jdbc.queryForList("select username from designer_user where username = ?",
        String.class, username).isEmpty();
  }

  /** The enabled users, by name. */
  public List<String> enabledUsers() {
    return jdbc.queryForList("select username from designer_user where enabled = true"
        + " order by username", String.class);
  }

  /** True when the user exists and is enabled. */
  public boolean enabled(String username) {
    List<Boolean> l = jdbc.queryForList("select enabled from designer_user where username = ?",
        Boolean.class, username);
    return !l.isEmpty() && Boolean.TRUE.equals(l.get(0));
  }

  /** True when the user exists and this is their password (one BCrypt check). */
  public boolean hasPassword(String username, String password) {
    List<String> l = jdbc.queryForList(
        "select password_hash from designer_user where username = ?", String.class, username);
    return !l.isEmpty() && l.get(0) != null && encoder.matches(password, l.get(0));
  }

  /** Sets a user's password (stored hashed); their remembered sign-ins are forgotten. */
  public void setPassword(String username, String password) {
    jdbc.update("update designer_user set password_hash = ? where username = ?",
        encoder.encode(password), username);
    verified.forget(username);
  }

  /** Enables or disables a user; a disabled user's remembered sign-ins are forgotten. */
  public void setEnabled(String username, boolean enabled) {
    jdbc.update("update designer_user set enabled = ? where username = ?", enabled, username);
    verified.forget(username);
  }

  /** Creates a user with its roles; the password is stored hashed. */
  @Transactional
  public void create(String username, String password, String displayName, Set<Role> roles) {
    jdbc.update("insert into designer_user (username, password_hash, display_name, enabled,"
        + " created_at) values (?, ?, ?, true, ?)", username, encoder.encode(password),
        displayName, Timestamp.from(Instant.now()));
    for (Role r : roles) {
      jdbc.update("insert into designer_user_role (username, role) values (?, ?)", username,
          r.name());
    }
  }

  /** The number of users. */
  public long count() {
    Long n = jdbc.queryForObject("select count(*) from designer_user", Long.class);
    return n == null ? 0 : n;
  }

  /** The roles of a user (ADMIN implies every role). */
  public Set<Role> roles(String username) {
    List<String> names = jdbc.queryForList(
        "select role from designer_user_role where username = ?", String.class, username);
    Set<Role> out = EnumSet.noneOf(Role.class);
    names.forEach(n -> out.add(Role.valueOf(n)));
    return out;
  }

  /** The language the user chose, if any. */
  public Optional<Locale> locale(String username) {
    List<String> l = jdbc.queryForList("select locale from designer_user where username = ?",
        String.class, username);
    return l.isEmpty() || l.get(0) == null ? Optional.empty()
        : Optional.of(Locale.forLanguageTag(l.get(0)));
  }

  /** Stores the user's language. */
  public void setLocale(String username, Locale locale) {
    jdbc.update("update designer_user set locale = ? where username = ?", locale.toLanguageTag(),
        username);
  }
}
