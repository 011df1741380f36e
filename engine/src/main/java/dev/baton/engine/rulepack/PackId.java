package dev.baton.engine.rulepack;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The id of a rule pack: lower-case letters, digits and '-', starting with a letter, at most 63
 * characters (e.g. {@code consent-check}).
 *
 * @param value the id as text
 */
public record PackId(String value) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /**
   * @throws ValidationException when the text is not a pack id
   */
  public PackId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new ValidationException("Not a pack id", List.of(new Problem("pack reference", 0, 0,
          null, "id", "'" + value + "' is not a pack id.", "A pack id has lower-case letters,"
          + " digits and '-', starts with a letter and has at most 63 characters, e.g."
          + " consent-check.")));
    }
  }

  /** True when the text is a valid pack id. */
  public static boolean isValid(String text) {
    return text != null && ID.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
