package dev.baton.designer.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The KPIs of the domain brief over a period, from plain counts and facts (no database, no
 * Vaadin): AI autonomy coverage, human veto rate, consent coverage, battle packs per day and
 * the median time from visit request to release. Every ratio with nothing to count is {@link
 * State#NO_DATA}, never NaN or a division by zero. Percentages are shown to one decimal rounded
 * against the target's side (down for "at least", up for "at most"), so a rounded figure never
 * shows a target as met when it is not; whether it is met is decided on the exact counts.
 */
public final class Kpis {
  /** AI autonomy coverage target: at least 65% (domain brief). */
  public static final BigDecimal AUTONOMY_TARGET = new BigDecimal("65");
  /** Human veto rate target: at most 8% (domain brief). */
  public static final BigDecimal VETO_TARGET = new BigDecimal("8");
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private Kpis() {}

  /** Which KPI. */
  public enum Id {
    /** Share of decisions the AI acted on without a person. */
    AUTONOMY,
    /** Share of reviewed battle packs that a reviewer rejected. */
    VETO,
    /** Share of customers with every required consent granted. */
    CONSENT,
    /** Battle packs generated per day. */
    PACKS_PER_DAY,
    /** Median time from visit request to release. */
    RELEASE_MEDIAN
  }

  /** Whether a KPI meets its target. */
  public enum State {
    /** The target is met. */
    MET,
    /** The target is not met. */
    NOT_MET,
    /** Nothing to measure in the period. */
    NO_DATA,
    /** Measured, but no target is set. */
    NO_TARGET
  }

  /**
   * One KPI.
   *
   * @param id which
   * @param state met, not met, no data or no target
   * @param value the figure (percent, or packs per day), or null for no data or a duration
   * @param duration the figure when it is a time, or null
   * @param part the counted part (e.g. decisions the AI acted on), or the count measured
   * @param whole what it is a part of (e.g. decisions with something to do); 0 for no data
   * @param target the target figure, or null (see {@code durationTarget})
   * @param durationTarget the target when it is a time, or null
   * @param atLeast true for "at least the target", false for "at most"
   */
  public record Kpi(Id id, State state, BigDecimal value, Duration duration, long part,
      long whole, BigDecimal target, Duration durationTarget, boolean atLeast) {
    public Kpi {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * The number of packs generated on one day (UTC).
   *
   * @param day the day
   * @param packs how many packs were generated on it
   */
  public record DayCount(LocalDate day, int packs) {}

  /**
   * The dashboard of a period.
   *
   * @param firstDay the first day of the period (UTC)
   * @param lastDay the last day (UTC), today
   * @param kpis the five KPIs in {@link Id} order
   * @param perDay packs per day, one entry per day of the period, oldest first
   */
  public record Dashboard(LocalDate firstDay, LocalDate lastDay, List<Kpi> kpis,
      List<DayCount> perDay) {
    public Dashboard {
      kpis = List.copyOf(kpis);
      perDay = List.copyOf(perDay);
    }

    /** The KPI with this id. */
    public Kpi kpi(Id id) {
      return kpis.stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }
  }

  /**
   * Everything the KPIs are computed from.
   *
   * @param firstDay the first day of the period (UTC)
   * @param lastDay the last day (UTC)
   * @param aiDecisions decisions of the period the AI acted on alone ({@link DecisionAutonomy#AI})
   * @param humanDecisions decisions of the period a person had to act on
   * @param packs the packs generated in the period
   * @param consentCovered customers with every required consent granted now
   * @param consentCustomers customers in the consent ledger
   * @param consentTarget the consent coverage target in percent
   * @param releaseTarget the target of the median time to release, or null for none
   * @param packsPerDayTarget the target of packs per day (at least), or null for none
   */
  public record Input(LocalDate firstDay, LocalDate lastDay, long aiDecisions,
      long humanDecisions, List<PackFacts> packs, long consentCovered, long consentCustomers,
      BigDecimal consentTarget, Duration releaseTarget, BigDecimal packsPerDayTarget) {
    public Input {
      Objects.requireNonNull(firstDay, "firstDay");
      Objects.requireNonNull(lastDay, "lastDay");
      if (lastDay.isBefore(firstDay)) {
        throw new IllegalArgumentException("The period ends (" + lastDay + ") before it starts ("
            + firstDay + ").");
      }
      packs = List.copyOf(packs);
    }
  }

  /** Computes the dashboard. */
  public static Dashboard compute(Input in) {
    List<Kpi> kpis = new ArrayList<>();
    kpis.add(ratio(Id.AUTONOMY, in.aiDecisions(), in.aiDecisions() + in.humanDecisions(),
        AUTONOMY_TARGET, true));
    long vetoed = in.packs().stream().filter(p -> p.review() == PackFacts.Review.VETOED).count();
    long reviewed = in.packs().stream().filter(p -> p.review() != PackFacts.Review.OPEN).count();
    kpis.add(ratio(Id.VETO, vetoed, reviewed, VETO_TARGET, false));
    kpis.add(ratio(Id.CONSENT, in.consentCovered(), in.consentCustomers(), in.consentTarget(),
        true));
    List<DayCount> perDay = perDay(in);
    kpis.add(packsPerDay(in, perDay));
    kpis.add(releaseMedian(in));
    return new Dashboard(in.firstDay(), in.lastDay(), kpis, perDay);
  }

  /**
   * {@code part / whole} in percent against a target; {@link State#NO_DATA} when {@code whole}
   * is 0.
   */
  static Kpi ratio(Id id, long part, long whole, BigDecimal target, boolean atLeast) {
    if (whole == 0) {
      return new Kpi(id, State.NO_DATA, null, null, part, 0, target, null, atLeast);
    }
    BigDecimal exact100 = BigDecimal.valueOf(part).multiply(HUNDRED); // part·100 vs target·whole
    BigDecimal goal = target.multiply(BigDecimal.valueOf(whole));
    int cmp = exact100.compareTo(goal);
    boolean met = atLeast ? cmp >= 0 : cmp <= 0;
    BigDecimal shown = exact100.divide(BigDecimal.valueOf(whole), 1,
        atLeast ? RoundingMode.DOWN : RoundingMode.UP);
    return new Kpi(id, met ? State.MET : State.NOT_MET, shown, null, part, whole, target, null,
        atLeast);
  }

  private static List<DayCount> perDay(Input in) {
    Map<LocalDate, Integer> counts = new TreeMap<>();
    for (LocalDate d = in.firstDay(); !d.isAfter(in.lastDay()); d = d.plusDays(1)) {
      counts.put(d, 0);
    }
    for (PackFacts p : in.packs()) {
      LocalDate day = LocalDate.ofInstant(p.createdAt(), ZoneOffset.UTC);
      counts.computeIfPresent(day, (d, n) -> n + 1);
    }
    return counts.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
  }

  private static Kpi packsPerDay(Input in, List<DayCount> perDay) {
    long total = perDay.stream().mapToLong(DayCount::packs).sum();
    int days = perDay.size();
    BigDecimal average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(days), 1,
        RoundingMode.DOWN);
    BigDecimal target = in.packsPerDayTarget();
    State state = target == null ? State.NO_TARGET
        : BigDecimal.valueOf(total).compareTo(target.multiply(BigDecimal.valueOf(days))) >= 0
            ? State.MET : State.NOT_MET;
    return new Kpi(Id.PACKS_PER_DAY, state, average, null, total, days, target, null, true);
  }

  private static Kpi releaseMedian(Input in) {
    List<Duration> times = in.packs().stream()
        .filter(p -> p.releasedAt() != null && p.requestedAt() != null)
        .map(p -> Duration.between(p.requestedAt(), p.releasedAt()))
        .sorted().toList();
    Duration target = in.releaseTarget();
    if (times.isEmpty()) {
      return new Kpi(Id.RELEASE_MEDIAN, State.NO_DATA, null, null, 0, 0, null, target, false);
    }
    Duration median = median(times);
    State state = target == null ? State.NO_TARGET
        : median.compareTo(target) <= 0 ? State.MET : State.NOT_MET;
    return new Kpi(Id.RELEASE_MEDIAN, state, null, median, times.size(), times.size(), null,
        target, false);
  }

  /**
   * The median of sorted durations: the middle one, or the mean of the two middle ones (to the
   * nanosecond, rounded down) for an even count.
   *
   * @throws IllegalArgumentException when there are none
   */
  static Duration median(List<Duration> sorted) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("The median of no durations is undefined.");
    }
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  /** The UTC day of an instant: the dashboard's days are UTC days, as the audit view's are. */
  public static LocalDate utcDay(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
