package dev.baton.designer.api;

import dev.baton.engine.Problem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An API call refused with a status, a title and a detail that says what to do; {@link
 * ApiExceptionHandler} answers it as a problem detail. Nothing was changed.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final HttpStatus status;
  private final String title;
  private final transient List<Problem> problems;

  public ApiException(HttpStatus status, String title, String detail, List<Problem> problems) {
    super(detail);
    this.status = status;
    this.title = title;
    this.problems = List.copyOf(problems);
  }

  /** 404: the thing named in the path does not exist. */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
  }

  /** 400 with one problem per field. */
  public static ApiException invalid(String detail, List<Problem> problems) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid input", detail, problems);
  }

  /** 409: the request conflicts with the current state. */
  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The problem's title. */
  public String title() {
    return title;
  }

  /** The problems by field (may be empty). */
  public List<Problem> problems() {
    return problems;
  }
}
