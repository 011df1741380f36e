package dev.baton.designer.api;

import dev.baton.engine.Problem;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API's checks at the door, shared by the endpoints: identifiers (customer, request, pack,
 * evidence ids) must match one documented pattern, and times must be plausible. A value that
 * fails answers 400 naming the field before anything is looked up or changed.
 */
public final class ApiInput {
  /** Identifiers in paths and bodies: {@value #ID_RULE}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  /** The identifier rule in words (docs/api.md says the same). */
  public static final String ID_RULE = "1 to 100 characters: letters A-Z a-z, digits and"
      + " . _ : - (starting with a letter or digit)";
  /** The earliest time the API takes. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** The first time the API no longer takes. */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private ApiInput() {}

  /** The problem with an identifier, or null when it is one. */
  public static Problem idProblem(String field, String value) {
    if (value == null || value.isEmpty()) {
      return ApiProblems.field(field, "is missing", ID_RULE);
    }
    if (!ID.matcher(value).matches()) {
      return ApiProblems.field(field, "'" + shorten(value) + "' is not a valid id", ID_RULE);
    }
    return null;
  }

  /**
   * Checks an identifier in a path or a parameter.
   *
   * @throws ApiException 400 naming the field when it is not an identifier
   */
  public static String id(String field, String value) {
    Problem p = idProblem(field, value);
    if (p != null) {
      throw ApiException.invalid("The " + field + " is not a valid id; nothing was done.",
          List.of(p));
    }
    return value;
  }

  /** The problem with a time outside [{@link #EARLIEST}, {@code notAfter}), or null. */
  public static Problem timeProblem(String field, Instant value, Instant notAfter) {
    if (value == null) {
      return null;
    }
    if (value.isBefore(EARLIEST) || !value.isBefore(notAfter)) {
      return ApiProblems.field(field, value + " is not a plausible time",
          "a time from " + EARLIEST + " to before " + notAfter);
    }
    return null;
  }

  /** A value for a message: at most 60 characters. */
  static String shorten(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
