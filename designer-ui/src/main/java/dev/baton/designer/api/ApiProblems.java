package dev.baton.designer.api;

import dev.baton.engine.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 7807 problem details of the API: a status, a title, a detail that says what to
 * do, and for invalid input a {@code problems} list with one entry per problem ({@code field},
 * {@code message}, {@code hint}, and {@code line}/{@code column} where known).
 */
public final class ApiProblems {
  private ApiProblems() {}

  /** A problem detail with a title and a detail. */
  public static ProblemDetail of(HttpStatus status, String title, String detail) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(title);
    return pd;
  }

  /** Invalid input (400), every problem listed by field. */
  public static ProblemDetail invalid(String detail, List<Problem> problems) {
    return withProblems(of(HttpStatus.BAD_REQUEST, "Invalid input", detail), problems);
  }

  /** Adds the {@code problems} list. */
  public static ProblemDetail withProblems(ProblemDetail pd, List<Problem> problems) {
    pd.setProperty("problems", problems.stream().map(ApiProblems::entry).toList());
    return pd;
  }

  /** One problem as a JSON object. */
  public static Map<String, Object> entry(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", p.path() == null ? "" : p.path());
    m.put("message", p.message());
    if (p.hint() != null) {
      m.put("hint", p.hint());
    }
    if (p.source() != null) {
      m.put("source", p.source());
    }
    if (p.line() > 0) {
      m.put("line", p.line());
      m.put("column", p.column());
    }
    if (p.ruleId() != null) {
      m.put("ruleId", p.ruleId());
    }
    m.put("text", p.toString());
    return m;
  }

  /** A problem on one field of a request body. */
  public static Problem field(String field, String message, String hint) {
    return new Problem("request body", 0, 0, null, field, message, hint);
  }
}
