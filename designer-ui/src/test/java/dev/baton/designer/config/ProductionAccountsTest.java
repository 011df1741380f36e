package dev.baton.designer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.security.Role;
import dev.baton.designer.security.SecurityConfiguration;
import dev.baton.designer.security.UserAccounts;
import dev.baton.designer.security.VerifiedCredentials;
import java.util.EnumSet;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Production mode's account checks on the designer's real tables (its Liquibase changelog on
 * H2): a designer started once on the defaults (demo users) and then with a database URL.
 */
class ProductionAccountsTest {
  private static final String DB_URL = "jdbc:postgresql://db.example/baton";
  private JdbcDataSource ds;
  private UserAccounts users;
  private PasswordEncoder encoder;

  @BeforeEach
  void database() throws Exception {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(ds);
    liquibase.setChangeLog("classpath:db/changelog/designer.yaml");
    liquibase.setResourceLoader(new DefaultResourceLoader());
    liquibase.afterPropertiesSet();
    encoder = new BCryptPasswordEncoder(4);
    users = new UserAccounts(new JdbcTemplate(ds), encoder, new VerifiedCredentials());
  }

  private void demoUsers() {
    ProductionAccounts.DEMO_USERS.forEach((name, roles) -> users.create(name, name, name, roles));
  }

  private void start(String dbUrl, String demo, String adminPassword) {
    new ProductionAccounts(users, dbUrl, demo, adminPassword).afterPropertiesSet();
  }

  private DaoAuthenticationProvider signIn() {
    DaoAuthenticationProvider p =
        new DaoAuthenticationProvider(new SecurityConfiguration().userDetailsService(ds));
    p.setPasswordEncoder(encoder);
    return p;
  }

  @Test
  void shouldDisableEveryDemoUserWhenRestartedWithADatabaseUrl() {
    // given the designer ran once on the defaults
    demoUsers();
    // when it starts again with a database URL
    start(DB_URL, "", "");
    // then
    assertThat(users.enabledUsers()).isEmpty();
    assertThatThrownBy(() -> signIn().authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")))
        .isInstanceOf(DisabledException.class);
  }

  @Test
  void shouldKeepTheDemoUsersWhenOnTheEmbeddedDefaultsOrWhenDemoIsAskedFor() {
    // given
    demoUsers();
    // when
    start("", "", "");
    start(DB_URL, "true", "");
    // then
    assertThat(users.enabledUsers()).containsExactlyInAnyOrderElementsOf(
        ProductionAccounts.DEMO_USERS.keySet());
  }

  @Test
  void shouldCreateTheAdministratorWhenTheAdminPasswordIsGivenOnFirstStart() {
    // given no users
    // when
    start(DB_URL, "", "correct horse battery");
    // then
    assertThat(users.enabledUsers()).containsExactly("admin");
    assertThat(users.roles("admin")).contains(Role.ADMIN);
    assertThat(signIn().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
        "admin", "correct horse battery")).isAuthenticated()).isTrue();
  }

  @Test
  void shouldReplaceTheDemoAdminPasswordWhenTheAdminPasswordIsGiven() {
    // given the demo users of a first start on the defaults
    demoUsers();
    // when
    start(DB_URL, "", "correct horse battery");
    // then: admin works with the new password only; the other demo users are off
    assertThat(users.enabledUsers()).containsExactly("admin");
    assertThat(users.hasPassword("admin", "admin")).isFalse();
    assertThat(users.hasPassword("admin", "correct horse battery")).isTrue();
  }

  @Test
  void shouldRefuseToStartAndNameTheAccountsWhenAnEnabledAccountHasAKnownDefaultPassword() {
    // given a real user whose password is its name, and an administrator on "password"
    users.create("zhang.ops", "zhang.ops", "Zhang", EnumSet.of(Role.OPS));
    users.create("root", "password", "Root", EnumSet.of(Role.ADMIN));
    users.create("li.legal", "a good long passphrase", "Li", EnumSet.of(Role.REVIEWER));
    // when / then
    assertThatThrownBy(() -> start(DB_URL, "", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("zhang.ops (password: its own name)")
        .hasMessageContaining("root (password: 'password')")
        .hasMessageContaining("BATON_ADMIN_PASSWORD")
        .hasMessageNotContaining("li.legal");
  }

  @Test
  void shouldRefuseAShortOrDefaultAdminPasswordAndCreateNothing() {
    // when / then
    assertThatThrownBy(() -> start(DB_URL, "", "admin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 12 characters");
    assertThatThrownBy(() -> start(DB_URL, "", "short"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(users.count()).isZero();
  }
}
