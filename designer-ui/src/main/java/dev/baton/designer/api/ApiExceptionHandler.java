package dev.baton.designer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.repository.ConcurrentEditException;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.UnknownPackException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 7807 problem detail: Spring MVC's own (malformed JSON, wrong
 * media type, missing parameter, wrong method) with what to fix, and the engine's refusals with
 * the status that lets a client branch: 400 invalid input (every problem by field), 403 a role
 * is missing, 404 unknown pack, version, decision or review, 409 a conflict with the current
 * state (already published, already decided, duplicate request), 422 a well-formed request the
 * current state cannot serve. In every case nothing was changed.
 *
 * <p>It advises every {@code @RestController}: the API's controllers live in their features'
 * packages (review, audit, consent, packs, liquid, security), not beside this class.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Refusals of this API's own checks. */
  @ExceptionHandler(ApiException.class)
  public ProblemDetail api(ApiException e) {
    return ApiProblems.withProblems(ApiProblems.of(e.status(), e.title(), e.getMessage()),
        e.problems());
  }

  /** Input that the engine rejected: 400 with every problem. */
  @ExceptionHandler(ValidationException.class)
  public ProblemDetail invalid(ValidationException e) {
    String what = e.getMessage().lines().findFirst().orElse("The input is not valid")
        .replaceAll(":$", "");
    return ApiProblems.invalid(what + "; nothing was changed.", e.problems());
  }

  /** A pack or version that does not exist: 404. */
  @ExceptionHandler(UnknownPackException.class)
  public ProblemDetail unknownPack(UnknownPackException e) {
    ProblemDetail pd = ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    pd.setProperty("packId", e.packId());
    if (e.version() != null) {
      pd.setProperty("version", e.version());
    }
    return pd;
  }

  /** A pack operation refused because of the pack's state: 409 with the reason. */
  @ExceptionHandler(PackRefusedException.class)
  public ProblemDetail packRefused(PackRefusedException e) {
    ProblemDetail pd = ApiProblems.of(HttpStatus.CONFLICT, "Refused", e.getMessage());
    pd.setProperty("packId", e.packId());
    pd.setProperty("reason", e.reason().name());
    return pd;
  }

  /** Someone saved the draft meanwhile: 409. */
  @ExceptionHandler(ConcurrentEditException.class)
  public ProblemDetail concurrentEdit(ConcurrentEditException e) {
    return ApiProblems.of(HttpStatus.CONFLICT, "Concurrent edit", e.getMessage());
  }

  /**
   * A review verdict refused: 404, 409, 403 (another role's review, or the pack's other review
   * decided by the same person) or 400 by reason.
   */
  @ExceptionHandler(ReviewRefusedException.class)
  public ProblemDetail reviewRefused(ReviewRefusedException e) {
    HttpStatus status = switch (e.reason()) {
      case UNKNOWN_ITEM -> HttpStatus.NOT_FOUND;
      case ALREADY_DECIDED -> HttpStatus.CONFLICT;
      case ROLE_MISMATCH, SAME_REVIEWER -> HttpStatus.FORBIDDEN;
      case INVALID_VERDICT -> HttpStatus.BAD_REQUEST;
    };
    ProblemDetail pd = ApiProblems.of(status, "Review refused", e.getMessage());
    pd.setProperty("reason", e.reason().name());
    return pd;
  }

  /** A role is missing (checked on the endpoint's method): 403. */
  @ExceptionHandler(AccessDeniedException.class)
  public ProblemDetail forbidden(AccessDeniedException e) {
    return ApiProblems.of(HttpStatus.FORBIDDEN, "Forbidden",
        "Your user does not have a role this endpoint needs (see docs/api.md); nothing was"
            + " changed. Ask an administrator for the role.");
  }

  /** Arguments that do not fit (e.g. a negative limit): 400. */
  @ExceptionHandler(IllegalArgumentException.class)
  public ProblemDetail illegalArgument(IllegalArgumentException e) {
    return ApiProblems.of(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
  }

  /** Any other refusal of the engine: 422 with its message. */
  @ExceptionHandler(BatonException.class)
  public ProblemDetail baton(BatonException e) {
    return ApiProblems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot be done", e.getMessage());
  }

  /** A bug or an outage: 500, logged; the message does not leak internals. */
  @ExceptionHandler(RuntimeException.class)
  public ProblemDetail unexpected(RuntimeException e) {
    LOG.error("API call failed", e);
    return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request failed on the server (" + e.getClass().getSimpleName() + "); it is"
            + " logged. Retry later; a request with the same request id is safe to retry.");
  }

  /** Malformed JSON or a value of the wrong type: 400, with the line, column and field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    Problem problem;
    if (e.getCause() instanceof JsonProcessingException j) {
      String field = j instanceof JsonMappingException m ? m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[") : "";
      int line = j.getLocation() == null ? 0 : j.getLocation().getLineNr();
      int column = j.getLocation() == null ? 0 : j.getLocation().getColumnNr();
      problem = new Problem("request body", Math.max(line, 0), Math.max(column, 0), null, field,
          j.getOriginalMessage(), "send a JSON object as docs/api.md shows for this endpoint");
    } else {
      problem = ApiProblems.field("", e.getCause() == null ? "the body is missing or unreadable"
          : e.getCause().getMessage(), "send a JSON object as docs/api.md shows");
    }
    ProblemDetail pd = ApiProblems.invalid("The request body is not valid JSON for this"
        + " endpoint; nothing was changed.", List.of(problem));
    pd.setTitle("Malformed request body");
    return handleExceptionInternal(e, pd, headers, HttpStatus.BAD_REQUEST, request);
  }
}
