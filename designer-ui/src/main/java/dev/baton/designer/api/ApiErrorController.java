package dev.baton.designer.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for requests that never reached an API controller: an unknown path under
 * {@code /api/}, a method or a media type that no endpoint takes. For API paths the answer is an
 * RFC 7807 problem detail that says what to fix, like every other API error (whatever the
 * client accepts); other paths keep Spring Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorController extends BasicErrorController {
  private static final String API = "/api/";

  private final ErrorAttributes errors;
  private final ObjectMapper json;

  public ApiErrorController(ErrorAttributes errors, ServerProperties server,
      List<ErrorViewResolver> views, ObjectMapper json) {
    super(errors, server.getError(), views);
    this.errors = errors;
    this.json = json;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!isApi(request)) {
      return super.error(request);
    }
    ProblemDetail pd = problem(request);
    return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(json.convertValue(pd, MAP));
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!isApi(request)) {
      return super.errorHtml(request, response);
    }
    ProblemDetail pd = problem(request);
    try {
      response.setStatus(pd.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), pd);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the problem detail", e);
    }
    return null;
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static boolean isApi(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
        && uri.startsWith(request.getContextPath() + API);
  }

  private ProblemDetail problem(HttpServletRequest request) {
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    HttpStatus status = getStatus(request);
    Throwable error = errors.getError(new ServletWebRequest(request));
    ProblemDetail pd;
    if (error instanceof HttpMediaTypeNotSupportedException e) {
      pd = ApiProblems.of(status, "Unsupported media type", "The body's Content-Type "
          + (e.getContentType() == null ? "is missing" : "'" + e.getContentType()
              + "' is not accepted") + " here; send " + types(e.getSupportedMediaTypes())
          + " (e.g. 'Content-Type: application/json'). Nothing was changed.");
    } else if (error instanceof HttpMediaTypeNotAcceptableException e) {
      pd = ApiProblems.of(status, "Not acceptable", "This endpoint answers in "
          + types(e.getSupportedMediaTypes()) + "; ask for it with 'Accept: application/json'.");
    } else if (error instanceof HttpRequestMethodNotSupportedException e) {
      pd = ApiProblems.of(status, "Method not allowed", e.getMethod() + " is not allowed on "
          + uri + "; use " + (e.getSupportedHttpMethods() == null ? "another method"
              : e.getSupportedHttpMethods().stream().map(Object::toString)
                  .collect(Collectors.joining(" or "))) + ". Nothing was changed.");
    } else if (status == HttpStatus.NOT_FOUND) {
      pd = ApiProblems.of(status, "Not found", "There is no API endpoint at " + uri
          + ". The endpoints are listed in the OpenAPI description at /v3/api-docs.");
    } else {
      pd = ApiProblems.of(status, status.getReasonPhrase(), "The request to " + uri
          + " failed (" + status.value() + " " + status.getReasonPhrase() + ")"
          + (status.is5xxServerError() ? "; the server log has the details." : "."));
    }
    pd.setInstance(java.net.URI.create(uri));
    return pd;
  }

  private static String types(List<MediaType> types) {
    return types == null || types.isEmpty() ? "JSON"
        : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
  }
}
