package dev.baton.designer.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.dashboard.Kpis.Id;
import dev.baton.designer.dashboard.Kpis.Kpi;
import dev.baton.designer.dashboard.Kpis.State;
import dev.baton.designer.dashboard.PackFacts.Review;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KPI formulas on known counts. */
class KpisTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-14");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-27");
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final BigDecimal TARGET_92 = new BigDecimal("92.0");
  private static final Duration FOUR_HOURS = Duration.ofHours(4);

  private static Kpis.Input input(long ai, long human, List<PackFacts> packs, long covered,
      long customers) {
    return new Kpis.Input(FIRST, TODAY, ai, human, packs, covered, customers, TARGET_92,
        FOUR_HOURS, null);
  }

  private static PackFacts pack(String id, Review review, Duration toRelease) {
    Instant requested = NOON.minus(Duration.ofHours(10));
    return new PackFacts(id, requested.plusSeconds(11), requested, review,
        toRelease == null ? null : requested.plus(toRelease));
  }

  @Test
  void shouldGiveExactPercentagesWhenCountsAreKnown() {
    // given: 13 of 20 decisions by the AI alone (65.0%), 1 of 12 reviewed packs vetoed (8.33%),
    // 23 of 25 customers covered (92.0%)
    List<PackFacts> packs = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      packs.add(pack("A" + i, Review.APPROVED, Duration.ofHours(1)));
    }
    packs.add(pack("V", Review.VETOED, null));
    packs.add(pack("O", Review.OPEN, null)); // still in review: not counted as reviewed

    // when
    Kpis.Dashboard d = Kpis.compute(input(13, 7, packs, 23, 25));

    // then
    Kpi autonomy = d.kpi(Id.AUTONOMY);
    assertThat(autonomy.value()).isEqualByComparingTo("65.0");
    assertThat(autonomy.state()).isEqualTo(State.MET);
    assertThat(autonomy.part()).isEqualTo(13);
    assertThat(autonomy.whole()).isEqualTo(20);
    Kpi veto = d.kpi(Id.VETO);
    assertThat(veto.part()).isEqualTo(1);
    assertThat(veto.whole()).isEqualTo(12);
    assertThat(veto.value()).isEqualByComparingTo("8.4"); // 8.333… rounded up: never looks met
    assertThat(veto.state()).isEqualTo(State.NOT_MET);
    Kpi consent = d.kpi(Id.CONSENT);
    assertThat(consent.value()).isEqualByComparingTo("92.0");
    assertThat(consent.state()).isEqualTo(State.MET);
  }

  @Test
  void shouldNotShowATargetAsMetWhenTheExactShareIsJustBelow() {
    // given: 2299 of 2500 = 91.96% covered; 64.99% autonomy
    Kpis.Dashboard d = Kpis.compute(input(6499, 3501, List.of(), 2299, 2500));
    // then: rounded down, and not met
    assertThat(d.kpi(Id.CONSENT).value()).isEqualByComparingTo("91.9");
    assertThat(d.kpi(Id.CONSENT).state()).isEqualTo(State.NOT_MET);
    assertThat(d.kpi(Id.AUTONOMY).value()).isEqualByComparingTo("64.9");
    assertThat(d.kpi(Id.AUTONOMY).state()).isEqualTo(State.NOT_MET);
  }

  @Test
  void shouldMeetTheVetoTargetWhenExactlyEightPercentAreRejected() {
    // given: 2 of 25 reviewed packs vetoed = 8.0%
    List<PackFacts> packs = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      packs.add(pack("A" + i, Review.APPROVED, null));
    }
    packs.add(pack("V1", Review.VETOED, null));
    packs.add(pack("V2", Review.VETOED, null));
    // when
    Kpi veto = Kpis.compute(input(0, 0, packs, 0, 0)).kpi(Id.VETO);
    // then
    assertThat(veto.value()).isEqualByComparingTo("8.0");
    assertThat(veto.state()).isEqualTo(State.MET);
  }

  @Test
  void shouldSayNoDataWhenThereIsNothingToCount() {
    // when: no decisions, no packs, no customers
    Kpis.Dashboard d = Kpis.compute(input(0, 0, List.of(), 0, 0));
    // then: no NaN, no division by zero
    for (Id id : List.of(Id.AUTONOMY, Id.VETO, Id.CONSENT, Id.RELEASE_MEDIAN)) {
      assertThat(d.kpi(id).state()).as(id.name()).isEqualTo(State.NO_DATA);
      assertThat(d.kpi(id).value()).as(id.name()).isNull();
      assertThat(d.kpi(id).duration()).as(id.name()).isNull();
    }
    assertThat(d.kpi(Id.PACKS_PER_DAY).value()).isEqualByComparingTo("0.0");
    assertThat(d.kpi(Id.PACKS_PER_DAY).state()).isEqualTo(State.NO_TARGET);
    assertThat(d.perDay()).hasSize(14).allSatisfy(c -> assertThat(c.packs()).isZero());
  }

  @Test
  void shouldLeaveOpenReviewsOutOfTheVetoRateWhenNoPackIsReviewedYet() {
    // when
    Kpi veto = Kpis.compute(input(1, 0, List.of(pack("O", Review.OPEN, null)), 1, 1))
        .kpi(Id.VETO);
    // then
    assertThat(veto.state()).isEqualTo(State.NO_DATA);
    assertThat(veto.whole()).isZero();
  }

  @Test
  void shouldTakeTheMiddleTimeWhenTheCountOfReleasedPacksIsOdd() {
    // given: 3 released packs (10 min, 1 h, 5 h) and one not released
    List<PackFacts> packs = List.of(pack("A", Review.APPROVED, Duration.ofHours(5)),
        pack("B", Review.APPROVED, Duration.ofMinutes(10)),
        pack("C", Review.APPROVED, Duration.ofHours(1)),
        pack("D", Review.VETOED, null));
    // when
    Kpi median = Kpis.compute(input(0, 0, packs, 0, 0)).kpi(Id.RELEASE_MEDIAN);
    // then
    assertThat(median.duration()).isEqualTo(Duration.ofHours(1));
    assertThat(median.part()).isEqualTo(3);
    assertThat(median.state()).isEqualTo(State.MET);
  }

  @Test
  void shouldAverageTheTwoMiddleTimesWhenTheCountIsEven() {
    // given: 10 min, 1 h, 7 h, 9 h → (1 h + 7 h) / 2 = 4 h 00
    List<PackFacts> packs = List.of(pack("A", Review.APPROVED, Duration.ofHours(9)),
        pack("B", Review.APPROVED, Duration.ofMinutes(10)),
        pack("C", Review.APPROVED, Duration.ofHours(7)),
        pack("D", Review.APPROVED, Duration.ofHours(1)));
    // when
    Kpi median = Kpis.compute(input(0, 0, packs, 0, 0)).kpi(Id.RELEASE_MEDIAN);
    // then: exactly at the target is met
    assertThat(median.duration()).isEqualTo(Duration.ofHours(4));
    assertThat(median.state()).isEqualTo(State.MET);
    // and one second more is not
    assertThat(Kpis.median(List.of(Duration.ofHours(1), Duration.ofHours(7).plusSeconds(2))))
        .isEqualTo(Duration.ofHours(4).plusSeconds(1));
  }

  @Test
  void shouldMissTheReleaseTargetWhenTheMedianIsLonger() {
    // when
    Kpi median = Kpis.compute(input(0, 0, List.of(pack("A", Review.APPROVED,
        Duration.ofHours(5))), 0, 0)).kpi(Id.RELEASE_MEDIAN);
    // then
    assertThat(median.state()).isEqualTo(State.NOT_MET);
    assertThat(median.durationTarget()).isEqualTo(FOUR_HOURS);
  }

  @Test
  void shouldCountPacksPerUtcDayWhenPacksSpanTheDays() {
    // given: 2 packs today, 1 on the first day, 1 the day before the period (left out)
    List<PackFacts> packs = List.of(
        new PackFacts("T1", Instant.parse("2026-11-27T00:00:00Z"), null, Review.OPEN, null),
        new PackFacts("T2", Instant.parse("2026-11-27T23:59:59Z"), null, Review.OPEN, null),
        new PackFacts("F", Instant.parse("2026-11-14T08:00:00Z"), null, Review.OPEN, null),
        new PackFacts("X", Instant.parse("2026-11-13T23:59:59Z"), null, Review.OPEN, null));
    // when
    Kpis.Dashboard d = Kpis.compute(input(0, 0, packs, 0, 0));
    // then
    assertThat(d.perDay()).hasSize(14);
    assertThat(d.perDay().get(0)).isEqualTo(new Kpis.DayCount(FIRST, 1));
    assertThat(d.perDay().get(13)).isEqualTo(new Kpis.DayCount(TODAY, 2));
    Kpi perDay = d.kpi(Id.PACKS_PER_DAY);
    assertThat(perDay.part()).isEqualTo(3);
    assertThat(perDay.whole()).isEqualTo(14);
    assertThat(perDay.value()).isEqualByComparingTo("0.2"); // 3 / 14 = 0.214…
  }

  @Test
  void shouldJudgePacksPerDayWhenATargetIsSet() {
    // given: 14 packs in 14 days against a target of at least 1 per day
    List<PackFacts> packs = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      packs.add(new PackFacts("P" + i, FIRST.plusDays(i).atStartOfDay()
          .toInstant(java.time.ZoneOffset.UTC), null, Review.OPEN, null));
    }
    // when
    Kpi met = Kpis.compute(new Kpis.Input(FIRST, TODAY, 0, 0, packs, 0, 0, TARGET_92, null,
        BigDecimal.ONE)).kpi(Id.PACKS_PER_DAY);
    Kpi missed = Kpis.compute(new Kpis.Input(FIRST, TODAY, 0, 0, packs.subList(0, 13), 0, 0,
        TARGET_92, null, BigDecimal.ONE)).kpi(Id.PACKS_PER_DAY);
    // then
    assertThat(met.state()).isEqualTo(State.MET);
    assertThat(missed.state()).isEqualTo(State.NOT_MET);
  }

  @Test
  void shouldRefuseAPeriodThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> new Kpis.Input(TODAY, FIRST, 0, 0, List.of(), 0, 0, TARGET_92,
        null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
  }
}
