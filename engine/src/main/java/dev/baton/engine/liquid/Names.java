package dev.baton.engine.liquid;

import java.util.regex.Pattern;

/** Checks of the names used by the liquid organisation. */
final class Names {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private Names() {}

  /** An upper-case code such as a role or an event kind. */
  static String checkCode(String what, String value) {
    if (value == null || !CODE.matcher(value).matches()) {
      throw new LiquidInputException("The " + what + " '" + value + "' is not valid: use upper-case"
          + " letters, digits and '_', starting with a letter (e.g. RISK_EXPERT).");
    }
    return value;
  }

  /** An id: letters, digits, '_', '.', ':' and '-', at most 64 characters. */
  static String checkId(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new LiquidInputException("The " + what + " '" + value + "' is not valid: use letters,"
          + " digits, '_', '.', ':' and '-' (at most 64, starting with a letter or digit).");
    }
    return value;
  }
}
