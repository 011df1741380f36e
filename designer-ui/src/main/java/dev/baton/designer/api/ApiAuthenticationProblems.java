package dev.baton.designer.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of the API's security filters as problem details: missing or wrong credentials
 * (basic or bearer), and requests refused before they reach a controller.
 */
@Component
public class ApiAuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  /** The challenge sent with every 401. */
  public static final String CHALLENGE = "Basic realm=\"Baton\", Bearer realm=\"Baton\"";
  private final ObjectMapper json;

  public ApiAuthenticationProblems(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    boolean sent = request.getHeader("Authorization") != null;
    ProblemDetail pd = ApiProblems.of(HttpStatus.UNAUTHORIZED, "Authentication required",
        sent ? "The credentials were not accepted (" + e.getMessage() + "). Send HTTP basic"
            + " with a designer user and password, or 'Authorization: Bearer <token>' with an"
            + " API token an administrator created."
            : "This endpoint needs credentials: HTTP basic with a designer user and password,"
            + " or 'Authorization: Bearer <token>' with an API token.");
    response.setHeader("WWW-Authenticate", CHALLENGE);
    write(request, response, pd);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException e) throws IOException {
    write(request, response, ApiProblems.of(HttpStatus.FORBIDDEN, "Forbidden",
        "Your user may not do this; ask an administrator for the role it needs."));
  }

  /** Writes a problem detail as {@code application/problem+json}. */
  void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail pd)
      throws IOException {
    pd.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(pd.getStatus());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), pd);
  }
}
