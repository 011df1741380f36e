package dev.baton.designer.security;

import dev.baton.designer.api.ApiAuthenticationProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for the API: a valid token signs the request in as the
 * token's user, with that user's roles as they are now (a disabled user's tokens stop working).
 * A token that is unknown or revoked is answered 401 at once. Not a bean (so that it runs only
 * in the API's filter chain): {@link dev.baton.designer.security.SecurityConfiguration} adds it.
 */
public class ApiTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;
  private final UserDetailsService users;
  private final ApiAuthenticationProblems problems;

  public ApiTokenFilter(ApiTokens tokens, UserDetailsService users,
      ApiAuthenticationProblems problems) {
    this.tokens = tokens;
    this.users = users;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserDetails> user = tokens.userOf(header.substring(7).strip()).flatMap(name -> {
      try {
        return Optional.of(users.loadUserByUsername(name));
      } catch (UsernameNotFoundException e) {
        return Optional.empty();
      }
    }).filter(UserDetails::isEnabled);
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      problems.commence(request, response,
          new BadCredentialsException("the API token is unknown or revoked"));
      return;
    }
    var auth = UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
        user.get().getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
