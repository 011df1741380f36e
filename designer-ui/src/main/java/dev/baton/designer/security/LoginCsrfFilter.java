package dev.baton.designer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's CSRF check for the sign-in form's {@code POST /login}, which Vaadin's
 * security configuration exempts from it (Vaadin guards its own requests with its own token).
 * The sign-in page carries the session's token in its {@code _csrf} meta tags and Vaadin's login
 * form posts it; a POST without it (e.g. a foreign page signing the victim in as the attacker)
 * is answered 403 and signs nobody in. Not a bean: {@link SecurityConfiguration} adds it.
 */
public final class LoginCsrfFilter extends OncePerRequestFilter {
  private final RequestMatcher login;
  private final CsrfTokenRepository tokens;
  private final CsrfTokenRequestHandler handler;

  public LoginCsrfFilter(String loginPath, CsrfTokenRepository tokens,
      CsrfTokenRequestHandler handler) {
    this.login = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    this.tokens = tokens;
    this.handler = handler;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (login.matches(request) && !validToken(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "The sign-in form's security token"
          + " is missing or expired: reload the sign-in page and sign in again.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean validToken(HttpServletRequest request) {
    CsrfToken expected = tokens.loadToken(request);
    if (expected == null) {
      return false;
    }
    String actual = handler.resolveCsrfTokenValue(request, expected);
    return actual != null && MessageDigest.isEqual(
        expected.getToken().getBytes(StandardCharsets.UTF_8),
        actual.getBytes(StandardCharsets.UTF_8));
  }
}
