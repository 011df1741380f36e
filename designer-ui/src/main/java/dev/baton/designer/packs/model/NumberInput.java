package dev.baton.designer.packs.model;

import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * Reads a number as an analyst types it: full-width digits, signs and points ({@code ７０},
 * {@code －０．５}) are read as their ASCII forms; anything that is not a plain decimal number
 * of at most 15 digits before the point, or (for integers) has a fraction, is refused with the
 * key of a message that says why, instead of being dropped silently.
 */
public final class NumberInput {
  /** At most this many digits before the decimal point (as the engine's API checks). */
  public static final int MAX_INTEGER_DIGITS = 15;

  private NumberInput() {}

  /**
   * The outcome: a value (null for empty input) and the normalised text, or an error key
   * ({@code value.notNumber}, {@code value.tooLarge}, {@code value.notInteger}).
   */
  public record Parsed(Object value, String text, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** Reads typed text as a number (an integer when {@code integer}). */
  public static Parsed parse(String typed, boolean integer) {
    String s = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip()
        .replace('\u2212', '-');
    if (s.isEmpty()) {
      return new Parsed(null, "", null);
    }
    if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
      return new Parsed(null, s, "value.notNumber");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException | ArithmeticException e) {
      return new Parsed(null, s, "value.notNumber");
    }
    BigDecimal plain = d.stripTrailingZeros();
    if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
      return new Parsed(null, s, "value.tooLarge");
    }
    if (plain.scale() > 12) {
      return new Parsed(null, s, "value.tooPrecise");
    }
    if (plain.scale() <= 0) {
      long whole = plain.longValueExact();
      return new Parsed(whole, Long.toString(whole), null);
    }
    if (integer) {
      return new Parsed(null, s, "value.notInteger");
    }
    return new Parsed(plain, plain.toPlainString(), null);
  }
}
