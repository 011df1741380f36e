package dev.baton.engine.rules.internal;

import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import dev.baton.engine.rulepack.internal.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts between plain values (JSON-like: text, BigDecimal, Boolean, lists; times as ISO text)
 * and the typed values facts hold in Drools: String, Double, Long (integers; dates as epoch day,
 * date-times as epoch milliseconds, durations as milliseconds), Boolean, List.
 */
final class Typed {
  private Typed() {}

  /** A sentinel for a value that does not fit its type. */
  static final Object INVALID = new Object();

  /** Plain input value to typed; {@link #INVALID} when it does not fit. */
  static Object fromPlain(Object v, FieldType t) {
    if (v == null) {
      return null;
    }
    if (t.list()) {
      if (!(v instanceof List<?> l)) {
        return INVALID;
      }
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        Object te = fromPlain(e, t.element());
        if (te == INVALID || te == null) {
          return INVALID;
        }
        out.add(te);
      }
      return List.copyOf(out);
    }
    Object raw = v instanceof Number n && !(v instanceof BigDecimal) ? Values.toBigDecimal(n) : v;
    Object lit = Values.literal(raw, t);
    if (lit == null) {
      return INVALID;
    }
    if (lit instanceof String s && dev.baton.engine.rulepack.internal.Values.isNumeric(t.scalar())) {
      return INVALID;
    }
    return fromLiteral(lit, t);
  }

  /** Converts one plain input value to typed, or to {@link #INVALID}. */
  @FunctionalInterface
  interface Converter {
    Object apply(Object plain);
  }

  /**
   * The conversion of {@link #fromPlain(Object, FieldType)} for one field type, prepared once:
   * the same results, without the per-value dispatch and with a fast path for date-times.
   */
  static Converter converter(FieldType t) {
    if (t.list()) {
      return v -> fromPlain(v, t);
    }
    if (t.isEnum()) {
      Set<String> allowed = new HashSet<>(t.enumValues());
      return v -> v == null ? null : v instanceof String s && allowed.contains(s) ? s : INVALID;
    }
    switch (t.scalar()) {
      case STRING:
        return v -> v == null || v instanceof String ? v : INVALID;
      case DATETIME:
        return v -> {
          if (v == null) {
            return null;
          }
          if (!(v instanceof String s)) {
            return INVALID;
          }
          Long millis = IsoInstants.millis(s);
          return millis == null ? INVALID : millis;
        };
      default:
        return v -> fromPlain(v, t);
    }
  }

  /** A model literal (see {@code Operand.Literal}) to typed. */
  static Object fromLiteral(Object lit, FieldType t) {
    if (lit instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(e -> out.add(fromLiteral(e, t.element())));
      return out;
    }
    if (lit instanceof BigDecimal d) {
      return t.scalar() == ValueType.INTEGER && d.stripTrailingZeros().scale() <= 0
          ? (Object) d.longValue() : (Object) d.doubleValue();
    }
    if (lit instanceof Long l) {
      return t.scalar() == ValueType.NUMBER ? (Object) l.doubleValue() : l;
    }
    if (lit instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (lit instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (lit instanceof Duration d) {
      return d.toMillis();
    }
    return lit;
  }

  /** Typed to plain, for decisions. */
  static Object toPlain(Object v, FieldType t) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(e -> out.add(toPlain(e, t.element())));
      return out;
    }
    if (v instanceof Double d) {
      return number(BigDecimal.valueOf(d));
    }
    if (v instanceof BigDecimal d) {
      return number(d);
    }
    if (v instanceof Long l) {
      switch (t.scalar()) {
        case DATE:
          return LocalDate.ofEpochDay(l).toString();
        case DATETIME:
          return Instant.ofEpochMilli(l).toString();
        case DURATION:
          return Values.iso(Duration.ofMillis(l));
        default:
          return BigDecimal.valueOf(l);
      }
    }
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    return v;
  }

  static BigDecimal number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
