package dev.baton.designer.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Cross-site request refusal for the API: a state-changing call ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}) whose {@code Origin} is another site's is answered 403 before
 * it is authenticated, so a foreign page cannot use the browser's remembered HTTP basic
 * credentials. Allowed: the designer's own origin, the origins listed in {@code
 * baton.api.allowed-origins}, calls without {@code Origin} (scripts, bots, curl: browsers send
 * it on every cross-site POST), and calls with {@code Authorization: Bearer} (a browser never
 * adds a token on its own). Not a bean: {@link dev.baton.designer.security.SecurityConfiguration}
 * adds it to the API's filter chain.
 */
public class ApiOriginCheck extends OncePerRequestFilter {
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
  private final Set<String> allowed;
  private final ApiAuthenticationProblems problems;

  /** A check that also allows these origins (comma-separated, e.g. {@code https://crm.example}). */
  public ApiOriginCheck(String allowedOrigins, ApiAuthenticationProblems problems) {
    this.allowed = allowedOrigins == null ? Set.of() : Arrays.stream(allowedOrigins.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).map(ApiOriginCheck::normalise)
        .collect(Collectors.toUnmodifiableSet());
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin == null || !UNSAFE.contains(request.getMethod()) || bearer(request)
        || allowed.contains(normalise(origin)) || sameOrigin(request)) {
      chain.doFilter(request, response);
      return;
    }
    problems.write(request, response, ApiProblems.of(HttpStatus.FORBIDDEN, "Cross-site request",
        "A " + request.getMethod() + " from the origin '" + origin + "' is refused: the API"
            + " takes state-changing calls only from the designer's own pages, from clients"
            + " that send no Origin (scripts, bots), with an API token (Authorization: Bearer),"
            + " or from an origin listed in baton.api.allowed-origins. Nothing was changed."));
  }

  private static boolean bearer(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean sameOrigin(HttpServletRequest request) {
    try {
      return WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
    } catch (RuntimeException e) { // an Origin that is no URI
      return false;
    }
  }

  private static String normalise(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
