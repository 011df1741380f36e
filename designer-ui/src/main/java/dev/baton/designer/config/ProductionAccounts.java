package dev.baton.designer.config;

import dev.baton.designer.security.Role;
import dev.baton.designer.security.UserAccounts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The accounts check at start-up, before the designer takes requests.
 *
 * <p>On the embedded defaults (no {@code baton.db.url}) or with {@code baton.demo.enabled=true}
 * the demo users are wanted and nothing happens here. Otherwise the designer runs in
 * <b>production mode</b>:
 *
 * <ol>
 *   <li>every demo user still on its demo password (its name) is disabled, with a log line
 *       that says so;
 *   <li>{@code baton.admin.password} ({@code BATON_ADMIN_PASSWORD}) creates the {@code admin}
 *       user on first start, or replaces admin's password while it is still a known default
 *       (e.g. the demo's {@code admin}); it must be at least {@value #MIN_ADMIN_PASSWORD}
 *       characters and no known default;
 *   <li>start-up is refused while any enabled account has a known default password (its own
 *       name, {@code admin}, {@code password}, ...): the message names the accounts and how to
 *       fix them.
 * </ol>
 */
@Component
public class ProductionAccounts implements InitializingBean {
  /** The demo users and their roles; each one's demo password is its name. */
  public static final Map<String, Set<Role>> DEMO_USERS = demoUsers();
  /** Passwords that nobody may keep in production (besides the user's own name). */
  public static final List<String> KNOWN_DEFAULTS = List.of("admin", "password", "changeme",
      "baton");
  /** The shortest admin password {@code BATON_ADMIN_PASSWORD} may set. */
  public static final int MIN_ADMIN_PASSWORD = 12;
  /** The administrator created or reset from {@code BATON_ADMIN_PASSWORD}. */
  public static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(ProductionAccounts.class);

  private final UserAccounts users;
  private final boolean demo;
  private final String adminPassword;

  public ProductionAccounts(UserAccounts users, @Value("${baton.db.url:}") String dbUrl,
      @Value("${baton.demo.enabled:}") String demo,
      @Value("${baton.admin.password:}") String adminPassword) {
    this.users = users;
    this.demo = BatonConfiguration.demoMode(dbUrl, demo);
    this.adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    if (demo) {
      return;
    }
    disableDemoUsers();
    if (adminPassword != null) {
      setAdminPassword();
    }
    refuseKnownDefaults();
    if (users.enabledUsers().stream().noneMatch(u -> users.roles(u).contains(Role.ADMIN))) {
      LOG.warn("No enabled administrator: nobody can create API tokens. Restart once with"
          + " BATON_ADMIN_PASSWORD=<at least " + MIN_ADMIN_PASSWORD + " characters> to create"
          + " the user 'admin'.");
    }
  }

  private void disableDemoUsers() {
    for (String name : DEMO_USERS.keySet()) {
      if (users.enabled(name) && users.hasPassword(name, name)) {
        users.setEnabled(name, false);
        LOG.warn("Disabled demo user '{}' (its password is its name): production settings are"
            + " given (baton.db.url or baton.demo.enabled=false), so demo users are off."
            + " Create real users; for the administrator set BATON_ADMIN_PASSWORD.", name);
      }
    }
  }

  private void setAdminPassword() {
    if (adminPassword.length() < MIN_ADMIN_PASSWORD || isKnownDefault(ADMIN, adminPassword)) {
      throw new IllegalStateException("BATON_ADMIN_PASSWORD (baton.admin.password) is refused:"
          + " it must have at least " + MIN_ADMIN_PASSWORD + " characters and be none of "
          + KNOWN_DEFAULTS + " nor the user name. Set a longer password and start again.");
    }
    if (!users.exists(ADMIN)) {
      users.create(ADMIN, adminPassword, "Administrator", EnumSet.allOf(Role.class));
      LOG.info("Created the administrator 'admin' with the password from"
          + " BATON_ADMIN_PASSWORD.");
    } else if (knownDefaultOf(ADMIN) != null) {
      users.setPassword(ADMIN, adminPassword);
      users.setEnabled(ADMIN, true);
      LOG.info("Replaced the default password of 'admin' with the one from"
          + " BATON_ADMIN_PASSWORD and enabled the account.");
    } else {
      LOG.info("BATON_ADMIN_PASSWORD is ignored: 'admin' has a password of its own already"
          + " (remove the setting once the administrator is set up).");
    }
  }

  private void refuseKnownDefaults() {
    Map<String, String> weak = new LinkedHashMap<>();
    for (String user : users.enabledUsers()) {
      String known = knownDefaultOf(user);
      if (known != null) {
        weak.put(user, known.equals(user) ? "its own name" : "'" + known + "'");
      }
    }
    if (weak.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    weak.forEach((u, p) -> lines.add(u + " (password: " + p + ")"));
    throw new IllegalStateException("The designer does not start in production mode while an"
        + " enabled account has a known default password: " + String.join(", ", lines)
        + ". Fix: for 'admin' set BATON_ADMIN_PASSWORD=<new password> and start again; disable"
        + " other accounts (update designer_user set enabled = false where username = '...')"
        + " or give them a new password. For a local trial with demo users, start without"
        + " BATON_DB_URL or with BATON_DEMO=true.");
  }

  /** The known default the user's password equals, or null; administrators get every check. */
  private String knownDefaultOf(String user) {
    if (users.hasPassword(user, user)) {
      return user;
    }
    if (DEMO_USERS.containsKey(user) || users.roles(user).contains(Role.ADMIN)) {
      for (String p : KNOWN_DEFAULTS) {
        if (users.hasPassword(user, p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static boolean isKnownDefault(String user, String password) {
    return password.equalsIgnoreCase(user) || KNOWN_DEFAULTS.contains(password.toLowerCase(
        java.util.Locale.ROOT));
  }

  private static Map<String, Set<Role>> demoUsers() {
    Map<String, Set<Role>> m = new LinkedHashMap<>();
    m.put("analyst", EnumSet.of(Role.ANALYST));
    m.put("ops", EnumSet.of(Role.OPS));
    m.put("legal", EnumSet.of(Role.REVIEWER));
    m.put("finance", EnumSet.of(Role.REVIEWER));
    m.put("auditor", EnumSet.of(Role.AUDITOR));
    m.put("developer", EnumSet.of(Role.DEVELOPER));
    m.put("admin", EnumSet.allOf(Role.class));
    return java.util.Collections.unmodifiableMap(m);
  }
}
