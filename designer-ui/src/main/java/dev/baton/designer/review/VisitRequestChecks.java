package dev.baton.designer.review;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.api.ApiProblems;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.battlepack.VisitRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook's checks of a visit request at the door, on top of the engine's ({@link
 * VisitRequest#fromJsonMap}): ids in the API's pattern ({@link ApiInput#ID}), a deal size that is
 * a finite number, and a visit date from a year ago to two years ahead. Every problem of both is
 * answered at once, 400 by field; nothing is started.
 */
final class VisitRequestChecks {
  private VisitRequestChecks() {}

  /**
   * The request in the body, checked.
   *
   * @throws ApiException 400 listing every problem by field
   */
  static VisitRequest parse(Map<String, Object> body, Clock clock) {
    List<Problem> problems = new ArrayList<>();
    for (String field : List.of("requestId", "customerId")) {
      Object v = body.get(field);
      if (v != null) {
        Problem p = ApiInput.idProblem(field, v.toString());
        if (p != null) {
          problems.add(p);
        }
      }
    }
    if (body.get("dealSize") instanceof Double d && !Double.isFinite(d)) {
      problems.add(ApiProblems.field("dealSize", "is not a finite number",
          "a deal size from 0 to 10^15"));
    }
    if (body.get("plannedDate") instanceof String s) {
      try {
        LocalDate date = LocalDate.parse(s);
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today.minusYears(1)) || date.isAfter(today.plusYears(2))) {
          problems.add(ApiProblems.field("plannedDate", date + " is not a plausible visit date",
              "a date from " + today.minusYears(1) + " to " + today.plusYears(2)));
        }
      } catch (DateTimeParseException e) {
        // the engine reports it
      }
    }
    VisitRequest request = null;
    try {
      request = VisitRequest.fromJsonMap(body);
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        if (problems.stream().noneMatch(q -> q.path().equals(p.path()))) {
          problems.add(new Problem("request body", 0, 0, null, p.path(), p.message(), p.hint()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The visit request is not valid; nothing was started.",
          problems);
    }
    return request;
  }
}
