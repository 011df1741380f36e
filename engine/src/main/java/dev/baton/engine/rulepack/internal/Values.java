package dev.baton.engine.rulepack.internal;

import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Literal values in the model's representation: {@code String}, {@code BigDecimal} (number),
 * {@code Long} (integer), {@code Boolean}, {@code LocalDate}, {@code Instant}, {@code Duration}.
 */
public final class Values {
  private Values() {}

  /**
   * Converts a raw scalar (String, BigDecimal, Boolean) to the given scalar or enum type, or
   * returns null when it does not fit.
   */
  public static Object literal(Object raw, FieldType type) {
    if (raw == null) {
      return null;
    }
    if (type.isEnum()) {
      return raw instanceof String s && type.enumValues().contains(s) ? s : null;
    }
    switch (type.scalar()) {
      case STRING:
        return raw instanceof String ? raw : null;
      case NUMBER:
        return raw instanceof BigDecimal || raw instanceof Number ? toBigDecimal(raw) : null;
      case INTEGER:
        if (raw instanceof Number n) {
          BigDecimal d = toBigDecimal(n);
          try {
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
          } catch (ArithmeticException e) {
            return null;
          }
        }
        return null;
      case BOOLEAN:
        return raw instanceof Boolean ? raw : null;
      case DATE:
        try {
          return raw instanceof String s ? LocalDate.parse(s) : null;
        } catch (DateTimeParseException e) {
          return null;
        }
      case DATETIME:
        return raw instanceof String s ? instant(s) : null;
      case DURATION:
        return raw instanceof String s ? duration(s) : null;
      default:
        return null;
    }
  }

  /** What to write instead of a value that did not fit. */
  public static String hint(FieldType type, Object raw) {
    if (type.isEnum()) {
      return "Use one of " + type.enumValues() + ".";
    }
    switch (type.scalar()) {
      case STRING:
        return raw == null ? "Write a text." : "Put it in quotes: '" + raw + "'.";
      case NUMBER:
        return "Write a number such as 70 or 0.25, without quotes.";
      case INTEGER:
        return "Write a whole number such as 3, without quotes.";
      case BOOLEAN:
        return "Write true or false.";
      case DATE:
        return "Write an ISO-8601 date such as 2026-11-27.";
      case DATETIME:
        return "Write an ISO-8601 date and time with its offset, such as 2026-11-27T09:30:00Z.";
      case DURATION:
        return "Write an ISO-8601 duration in days, hours, minutes or seconds, such as PT3M or"
            + " P30D (months and years are not fixed lengths; use days).";
      default:
        return "";
    }
  }

  /** An ISO-8601 instant with offset, or null. */
  public static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** An ISO-8601 duration (days, hours, minutes, seconds; weeks as {@code PnW}), or null. */
  public static Duration duration(String s) {
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      if (s.matches("P\\d{1,6}W")) {
        return Duration.ofDays(7L * Long.parseLong(s.substring(1, s.length() - 1)));
      }
      return null;
    }
  }

  /** True when the duration is a whole number of days. */
  public static boolean wholeDays(Duration d) {
    return d.equals(Duration.ofDays(d.toDays()));
  }

  /** A number as BigDecimal. */
  public static BigDecimal toBigDecimal(Object n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long || n instanceof Integer) {
      return BigDecimal.valueOf(((Number) n).longValue());
    }
    return new BigDecimal(n.toString());
  }

  /** Compares two literals of the same ordered type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return toBigDecimal(a).compareTo(toBigDecimal(b));
    }
    return ((Comparable) a).compareTo(b);
  }

  /** The value as written in pack files: numbers plain, times in ISO-8601. */
  public static Object toPlain(Object v) {
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      return s.scale() < 0 ? s.setScale(0) : s;
    }
    if (v instanceof Duration d) {
      return iso(d);
    }
    if (v instanceof LocalDate || v instanceof Instant) {
      return v.toString();
    }
    return v;
  }

  /** ISO-8601 text of a duration, in days when it is whole days ({@code P30D}, not PT720H). */
  public static String iso(Duration d) {
    return wholeDays(d) && !d.isZero() ? "P" + d.toDays() + "D" : d.toString();
  }

  /** True for {@code number} and {@code integer}. */
  public static boolean isNumeric(ValueType t) {
    return t == ValueType.NUMBER || t == ValueType.INTEGER;
  }
}
