package dev.baton.designer.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.baton.designer.api.ApiAuthenticationProblems;
import dev.baton.designer.api.ApiBodyCheck;
import dev.baton.designer.api.ApiOriginCheck;
import dev.baton.designer.security.ui.LoginView;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

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

  /**
   * HTTP basic passwords verified in the last minute (the API's per-call BCrypt saving); {@code
   * baton.security.basic-cache-ttl=PT0S} checks the hash on every call.
   */
  @Bean
  public VerifiedCredentials verifiedCredentials(
      @Value("${baton.security.basic-cache-ttl:PT60S}") java.time.Duration ttl) {
    return new VerifiedCredentials(ttl, VerifiedCredentials.DEFAULT_CAPACITY,
        java.time.Clock.systemUTC());
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

  // ---- workflow REST API (Orchestration Cluster API v2) ----
  /**
   * The embedded engine's Camunda REST API under {@code /v2}: no session, no CSRF token (clients
   * send no cookies), not behind the designer's sign-in; who may call is decided by the API's
   * own hook (a {@code WorkflowRestApi.Authenticator} bean, see {@code WorkflowConfiguration}).
   */
  @Bean
  @Order(0)
  public SecurityFilterChain workflowRestChain(HttpSecurity http) throws Exception {
    // a path matcher of its own: /v2 is its own servlet, which Spring MVC's matchers don't see
    http.securityMatcher(new RegexRequestMatcher("/v2/.*", null)).authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }
  // ---- end workflow REST API ----

  /**
   * The REST API: HTTP basic or an API token ({@code Authorization: Bearer}), no session, no CSRF
   * token (no cookies are used); 401 and 403 as problem details. Roles are checked per endpoint.
   * A basic password verified in the last minute is not hashed again ({@link
   * VerifiedCredentials}).
   */
  @Bean
  @Order(1)
  public SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens,
      JdbcUserDetailsManager users, ApiAuthenticationProblems problems, PasswordEncoder encoder,
      VerifiedCredentials verified,
      @Value("${baton.api.allowed-origins:}") String allowedOrigins) throws Exception {
    http.securityMatcher("/api/**")
        .authenticationManager(new ProviderManager(
            new CachingBasicAuthenticationProvider(users, encoder, verified)))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .addFilterBefore(new ApiOriginCheck(allowedOrigins, problems),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new ApiTokenFilter(tokens, users, problems),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new ApiBodyCheck(problems), AuthorizationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /**
   * The Vaadin views: form sign-in at /login, every view checked by its annotations. Vaadin's
   * own requests carry Vaadin's CSRF token; the sign-in form's POST, which Vaadin exempts from
   * Spring's CSRF check, must carry Spring's token ({@link LoginCsrfFilter}).
   */
  @Bean
  @Order(2)
  public SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
    CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    CsrfTokenRequestHandler csrfHandler = new XorCsrfTokenRequestAttributeHandler();
    http.authorizeHttpRequests(a -> a.requestMatchers("/libs/**", "/styles/**", "/error",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll());
    http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class));
    http.csrf(c -> c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler));
    http.addFilterBefore(new LoginCsrfFilter("/login", csrfTokens, csrfHandler),
        UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }
}
