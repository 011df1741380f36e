package dev.baton.engine.rulepack.internal.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of ordered values (numbers, dates, times, durations) as disjoint, sorted intervals.
 * Integers and dates are counted: their bounds are kept closed ({@code > 3} is {@code ≥ 4}), so
 * that {@code > 3 and < 4} is seen to be empty.
 */
record Ranges(List<Interval> intervals, boolean missing, Step step) implements ValueSet {

  /** How values follow each other. */
  enum Step { CONTINUOUS, INTEGER, DAY }

  /**
   * One interval; a null bound is unbounded.
   */
  record Interval(Comparable<Object> lo, boolean loClosed, Comparable<Object> hi,
      boolean hiClosed) {}

  Ranges {
    intervals = normalise(intervals, step);
  }

  /** Every value, and missing. */
  static Ranges all(Step step) {
    return new Ranges(List.of(new Interval(null, false, null, false)), true, step);
  }

  /** Every value but missing. */
  static Ranges present(Step step) {
    return new Ranges(List.of(new Interval(null, false, null, false)), false, step);
  }

  /** The values {@code lo..hi} (null: unbounded), not missing. */
  static Ranges of(Step step, Object lo, boolean loClosed, Object hi, boolean hiClosed) {
    return new Ranges(List.of(new Interval(cast(lo), loClosed, cast(hi), hiClosed)), false,
        step);
  }

  /** Every value but the given points, not missing. */
  static Ranges except(Step step, List<Object> points) {
    List<Interval> out = new ArrayList<>();
    List<Comparable<Object>> sorted = new ArrayList<>();
    points.forEach(p -> sorted.add(cast(p)));
    sorted.sort(Comparator.naturalOrder());
    Comparable<Object> lo = null;
    boolean loClosed = false;
    for (Comparable<Object> p : sorted) {
      out.add(new Interval(lo, loClosed, p, false));
      lo = p;
      loClosed = false;
    }
    out.add(new Interval(lo, loClosed, null, false));
    return new Ranges(out, false, step);
  }

  /** The given points, not missing. */
  static Ranges points(Step step, List<Object> points) {
    List<Interval> out = new ArrayList<>();
    points.forEach(p -> out.add(new Interval(cast(p), true, cast(p), true)));
    return new Ranges(out, false, step);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> cast(Object o) {
    return (Comparable<Object>) o;
  }

  @Override
  public boolean isEmpty() {
    return !missing && intervals.isEmpty();
  }

  @Override
  public ValueSet intersect(ValueSet other) {
    Ranges o = (Ranges) other;
    List<Interval> out = new ArrayList<>();
    for (Interval a : intervals) {
      for (Interval b : o.intervals) {
        Interval lo = lowerCmp(a, b) >= 0 ? a : b;
        Interval hi = upperCmp(a, b) <= 0 ? a : b;
        out.add(new Interval(lo.lo, lo.loClosed, hi.hi, hi.hiClosed));
      }
    }
    return new Ranges(out, missing && o.missing, step);
  }

  @Override
  public boolean containsAll(ValueSet other) {
    Ranges o = (Ranges) other;
    if (o.missing && !missing) {
      return false;
    }
    for (Interval b : o.intervals) {
      boolean inside = intervals.stream()
          .anyMatch(a -> lowerCmp(a, b) <= 0 && upperCmp(a, b) >= 0);
      if (!inside) {
        return false;
      }
    }
    return true;
  }

  @Override
  public ValueSet present() {
    return new Ranges(intervals, false, step);
  }

  /** The bounds of the intervals, for cutting a field's values into pieces. */
  List<Comparable<Object>> bounds() {
    List<Comparable<Object>> out = new ArrayList<>();
    for (Interval i : intervals) {
      if (i.lo != null) {
        out.add(i.lo);
      }
      if (i.hi != null) {
        out.add(i.hi);
      }
    }
    return out;
  }

  /** The union of both (missing if either is). */
  Ranges union(Ranges o) {
    List<Interval> all = new ArrayList<>(intervals);
    all.addAll(o.intervals);
    return new Ranges(all, missing || o.missing, step);
  }

  @Override
  public String describe(String field) {
    List<String> parts = new ArrayList<>();
    for (Interval i : intervals) {
      parts.add(describe(field, i));
    }
    return String.join(" or ", parts.isEmpty() ? List.of(field + " ∈ {}") : parts);
  }

  private static String describe(String field, Interval i) {
    if (i.lo != null && i.hi != null && i.lo.compareTo(i.hi) == 0) {
      return field + " = " + show(i.lo);
    }
    String lo = i.lo == null ? "" : show(i.lo) + (i.loClosed ? " ≤ " : " < ");
    String hi = i.hi == null ? "" : (i.hiClosed ? " ≤ " : " < ") + show(i.hi);
    if (i.lo == null && i.hi == null) {
      return field + " (any value)";
    }
    return lo + field + hi;
  }

  private static String show(Object v) {
    return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }

  // Lower bound a vs b: negative when a starts before b.
  private static int lowerCmp(Interval a, Interval b) {
    if (a.lo == null || b.lo == null) {
      return a.lo == null ? (b.lo == null ? 0 : -1) : 1;
    }
    int c = a.lo.compareTo(b.lo);
    if (c != 0) {
      return c;
    }
    return a.loClosed == b.loClosed ? 0 : (a.loClosed ? -1 : 1);
  }

  // Upper bound a vs b: negative when a ends before b.
  private static int upperCmp(Interval a, Interval b) {
    if (a.hi == null || b.hi == null) {
      return a.hi == null ? (b.hi == null ? 0 : 1) : -1;
    }
    int c = a.hi.compareTo(b.hi);
    if (c != 0) {
      return c;
    }
    return a.hiClosed == b.hiClosed ? 0 : (a.hiClosed ? 1 : -1);
  }

  private static List<Interval> normalise(List<Interval> in, Step step) {
    List<Interval> kept = new ArrayList<>();
    for (Interval i : in) {
      Interval c = closeBounds(i, step);
      if (!emptyInterval(c)) {
        kept.add(c);
      }
    }
    kept.sort(Ranges::lowerCmp);
    List<Interval> out = new ArrayList<>();
    for (Interval i : kept) {
      if (!out.isEmpty() && touches(out.get(out.size() - 1), i, step)) {
        Interval last = out.remove(out.size() - 1);
        Interval hi = upperCmp(last, i) >= 0 ? last : i;
        out.add(new Interval(last.lo, last.loClosed, hi.hi, hi.hiClosed));
      } else {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  private static boolean emptyInterval(Interval i) {
    if (i.lo == null || i.hi == null) {
      return false;
    }
    int c = i.lo.compareTo(i.hi);
    return c > 0 || (c == 0 && !(i.loClosed && i.hiClosed));
  }

  // True when b (starting at or after a's start) overlaps a or follows it without a gap.
  private static boolean touches(Interval a, Interval b, Step step) {
    if (a.hi == null || b.lo == null) {
      return true;
    }
    int c = a.hi.compareTo(b.lo);
    if (c > 0) {
      return true;
    }
    if (c == 0) {
      return a.hiClosed || b.loClosed;
    }
    return step != Step.CONTINUOUS && next(a.hi, step).compareTo(b.lo) == 0;
  }

  private static Interval closeBounds(Interval i, Step step) {
    if (step == Step.CONTINUOUS) {
      return i;
    }
    Comparable<Object> lo = i.lo;
    Comparable<Object> hi = i.hi;
    if (lo != null) {
      lo = step == Step.INTEGER ? cast(ceilAbove((BigDecimal) (Object) lo, !i.loClosed))
          : (i.loClosed ? lo : next(lo, step));
    }
    if (hi != null) {
      hi = step == Step.INTEGER ? cast(floorBelow((BigDecimal) (Object) hi, !i.hiClosed))
          : (i.hiClosed ? hi : previous(hi));
    }
    return new Interval(lo, lo != null, hi, hi != null);
  }

  private static BigDecimal ceilAbove(BigDecimal v, boolean strictly) {
    BigDecimal c = v.setScale(0, RoundingMode.CEILING);
    return strictly && c.compareTo(v) == 0 ? c.add(BigDecimal.ONE) : c;
  }

  private static BigDecimal floorBelow(BigDecimal v, boolean strictly) {
    BigDecimal f = v.setScale(0, RoundingMode.FLOOR);
    return strictly && f.compareTo(v) == 0 ? f.subtract(BigDecimal.ONE) : f;
  }

  private static Comparable<Object> next(Comparable<Object> v, Step step) {
    Object o = v;
    return cast(step == Step.INTEGER ? ((BigDecimal) o).add(BigDecimal.ONE)
        : ((LocalDate) o).plusDays(1));
  }

  private static Comparable<Object> previous(Comparable<Object> v) {
    Object o = v;
    return cast(((LocalDate) o).minusDays(1));
  }
}
