package dev.baton.designer.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.baton.designer.base.ui.LoginView;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in and roles. Users, BCrypt password hashes and roles live in the database (tables of the
 * designer's own changelog). Views carry {@code @RolesAllowed}; services check the same roles
 * again ({@code @RolesAllowed} on their methods), so an action refused in the UI is refused
 * whatever calls it. The REST API under {@code /api} takes HTTP basic authentication.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

  /** BCrypt for stored passwords. */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** Users and roles from the designer tables. */
  @Bean
  public JdbcUserDetailsManager userDetailsService(DataSource dataSource) {
    JdbcUserDetailsManager m = new JdbcUserDetailsManager(dataSource);
    m.setUsersByUsernameQuery(
        "select username, password_hash, enabled from designer_user where username = ?");
    m.setAuthoritiesByUsernameQuery(
        "select username, concat('ROLE_', role) from designer_user_role where username = ?");
    return m;
  }

  /** The REST API: HTTP basic, no session, no CSRF token (no cookies are used). */
  @Bean
  @Order(1)
  public SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** The Vaadin views: form sign-in at /login, every view checked by its annotations. */
  @Bean
  @Order(2)
  public SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.requestMatchers("/libs/**", "/styles/**", "/error").permitAll());
    http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class));
    return http.build();
  }
}
