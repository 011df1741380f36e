package dev.baton.engine.consent;

import static dev.baton.engine.consent.Ledgers.NOW;
import static dev.baton.engine.consent.Ledgers.consent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.engine.consent.StatusReason.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Red / yellow / green per customer, with reasons, and consent coverage. */
class ConsentStatusTest {
  private static final ConsentPair EMAIL_MARKETING =
      ConsentPair.of(Channel.EMAIL, Purpose.MARKETING);
  private static final ConsentPair SMS_FOLLOW_UP =
      ConsentPair.of(Channel.SMS, Purpose.SALES_FOLLOW_UP);
  private static final ConsentPair WECHAT_MARKETING =
      ConsentPair.of(Channel.WECHAT, Purpose.MARKETING);
  private static final ConsentPair VOICE_FOLLOW_UP =
      ConsentPair.of(Channel.VOICE, Purpose.SALES_FOLLOW_UP);

  static List<String> databases() {
    return Ledgers.databases();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldBeGreenWithoutReasonsWhenEveryRequiredPairIsGrantedForLong(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1").grantDefaults("C-1")) {
      // given: also a refusal on a pair the policy does not require
      l.ledger.record(consent("C-1", Channel.VOICE, Purpose.MARKETING, ConsentStatus.DENIED,
          "EV-VOICE", "2026-10-01T08:00:00Z"));
      // when
      CustomerStatus s = l.ledger.status("C-1", NOW).orElseThrow();
      // then
      assertThat(s.rating()).isEqualTo(ConsentRating.GREEN);
      assertThat(s.reasons()).isEmpty();
      assertThat(s.covered()).isTrue();
      assertThat(s.customer().id()).isEqualTo("C-1");
      assertThat(s.required()).extracting(CurrentConsent::pair)
          .containsExactly(EMAIL_MARKETING, SMS_FOLLOW_UP, WECHAT_MARKETING);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldBeYellowWithReasonsWhenAPairIsMissingExpiredOrExpiringSoon(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1").customer("C-2")) {
      // given: C-1 has no SMS record and its e-mail grant ends in 10 days
      l.ledger.record(consent("C-1", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-1-EMAIL", "2025-12-07T09:00:00Z", "2026-12-07T09:00:00Z"));
      l.ledger.record(consent("C-1", Channel.WECHAT, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-1-WX", "2026-08-18T11:00:00Z"));
      // C-2: everything granted, but the WeChat grant expired, and e-mail ends in exactly 30 days
      l.grantDefaults("C-2");
      l.ledger.record(consent("C-2", Channel.WECHAT, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-2-WX-2", "2026-04-01T00:00:00Z", "2026-11-01T00:00:00Z"));
      l.ledger.record(consent("C-2", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-2-EMAIL-2", "2026-04-01T00:00:00Z", "2026-12-27T09:00:00Z"));
      // when
      CustomerStatus c1 = l.ledger.status("C-1", NOW).orElseThrow();
      CustomerStatus c2 = l.ledger.status("C-2", NOW).orElseThrow();
      // then
      assertThat(c1.rating()).isEqualTo(ConsentRating.YELLOW);
      assertThat(c1.covered()).isFalse();
      assertThat(c1.reasons()).extracting(StatusReason::pair, StatusReason::kind)
          .containsExactly(
              tuple(EMAIL_MARKETING, Kind.EXPIRING_SOON),
              tuple(SMS_FOLLOW_UP, Kind.NO_RECORD));
      assertThat(c1.reasons().get(0).evidenceId()).isEqualTo("EV-1-EMAIL");
      assertThat(c1.reasons().get(0).at()).isEqualTo("2026-12-07T09:00:00Z");
      assertThat(c1.reasons().get(0).message()).contains("EMAIL+MARKETING", "expires on",
          "within 30 days", "renew");
      assertThat(c1.reasons().get(1).message()).contains("SMS+SALES_FOLLOW_UP",
          "no consent record", "Ask the customer");
      assertThat(c1.reasons()).extracting(StatusReason::rating).containsOnly(ConsentRating.YELLOW);

      assertThat(c2.rating()).isEqualTo(ConsentRating.YELLOW);
      assertThat(c2.reasons()).extracting(StatusReason::pair, StatusReason::kind)
          .containsExactly(
              tuple(EMAIL_MARKETING, Kind.EXPIRING_SOON),
              tuple(WECHAT_MARKETING, Kind.EXPIRED));
      assertThat(c2.reasons().get(1).message()).contains("expired on 2026-11-01T00:00:00Z",
          "EV-2-WX-2");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldBeRedWithTheRefusalAsReasonWhenARequiredPairWasWithdrawn(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1").grantDefaults("C-1")) {
      // given: everything granted in March, WeChat marketing withdrawn in October
      l.ledger.record(consent("C-1", Channel.WECHAT, Purpose.MARKETING, ConsentStatus.WITHDRAWN,
          "EV-WX-OUT", "2026-10-20T14:30:00Z"));
      // when
      CustomerStatus s = l.ledger.status("C-1", NOW).orElseThrow();
      // then
      assertThat(s.rating()).isEqualTo(ConsentRating.RED);
      assertThat(s.covered()).isFalse();
      assertThat(s.reasons()).singleElement().satisfies(r -> {
        assertThat(r.pair()).isEqualTo(WECHAT_MARKETING);
        assertThat(r.kind()).isEqualTo(Kind.REFUSED);
        assertThat(r.status()).isEqualTo(EffectiveStatus.WITHDRAWN);
        assertThat(r.evidenceId()).isEqualTo("EV-WX-OUT");
        assertThat(r.at()).isEqualTo("2026-10-20T14:30:00Z");
        assertThat(r.rating()).isEqualTo(ConsentRating.RED);
        assertThat(r.message()).contains("WECHAT+MARKETING", "withdrawn on",
            "2026-10-20T14:30:00Z", "EV-WX-OUT", "WECHAT_AUTHORIZATION", "blocked");
      });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldBeRedOverYellowWhenOnePairIsRefusedAndAnotherMissing(String db) {
    ConsentPolicy withVoice = ConsentPolicy.defaults().withRequired(
        List.of(EMAIL_MARKETING, VOICE_FOLLOW_UP));
    try (Ledgers l = Ledgers.fresh(db, withVoice).customer("C-1")) {
      // given
      l.ledger.record(consent("C-1", Channel.VOICE, Purpose.SALES_FOLLOW_UP, ConsentStatus.DENIED,
          "EV-VOICE-NO", "2026-10-01T08:00:00Z"));
      // when
      CustomerStatus s = l.ledger.status("C-1", NOW).orElseThrow();
      // then
      assertThat(s.rating()).isEqualTo(ConsentRating.RED);
      assertThat(s.reasons()).extracting(StatusReason::kind)
          .containsExactly(Kind.NO_RECORD, Kind.REFUSED);
      assertThat(s.reasons().get(1).message()).contains("denied on");
      assertThat(l.ledger.status("C-404", NOW)).isEmpty();
      assertThat(l.ledger.policy()).isEqualTo(withVoice);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCountCoveredCustomersWhenReportingCoverage(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given: green, yellow but covered (expiring soon), yellow (missing), red
      l.customer("C-1").grantDefaults("C-1");
      l.customer("C-2").grantDefaults("C-2");
      l.ledger.record(consent("C-2", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-2-SOON", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"));
      l.customer("C-3");
      l.ledger.record(consent("C-3", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-3", "2026-11-01T00:00:00Z"));
      l.customer("C-4").grantDefaults("C-4");
      l.ledger.record(consent("C-4", Channel.SMS, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.WITHDRAWN, "EV-4-OUT", "2026-11-02T00:00:00Z"));
      // when
      CoverageReport r = l.ledger.coverage(NOW);
      List<CustomerStatus> all = l.ledger.statuses(NOW);
      // then
      assertThat(all).extracting(s -> s.customer().id() + ":" + s.rating())
          .containsExactly("C-1:GREEN", "C-2:YELLOW", "C-3:YELLOW", "C-4:RED");
      assertThat(r.customers()).isEqualTo(4);
      assertThat(r.covered()).isEqualTo(2);
      assertThat(r.percent()).isEqualByComparingTo("50.0");
      assertThat(r.percent().scale()).isEqualTo(1);
      assertThat(r.target()).isEqualByComparingTo("92.0");
      assertThat(r.meetsTarget()).isFalse();
      assertThat(r.green()).isEqualTo(1);
      assertThat(r.yellow()).isEqualTo(2);
      assertThat(r.red()).isEqualTo(1);
      assertThat(r.perPair()).extracting(p -> p.pair() + "=" + p.granted() + "/" + p.percent())
          .containsExactly("EMAIL+MARKETING=4/100.0", "SMS+SALES_FOLLOW_UP=2/50.0",
              "WECHAT+MARKETING=3/75.0");
      assertThat(r.at()).isEqualTo(NOW);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldMeetTheTargetOnlyWhenTheExactShareReachesIt(String db) {
    ConsentPolicy emailOnly = ConsentPolicy.defaults().withRequired(List.of(EMAIL_MARKETING));
    try (Ledgers l = Ledgers.fresh(db, emailOnly)) {
      // given: 25 customers, 23 with e-mail consent = 92.0%
      for (int i = 1; i <= 25; i++) {
        String id = String.format("C-%02d", i);
        l.customer(id);
        if (i <= 23) {
          l.ledger.record(consent(id, Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
              "EV-" + id, "2026-09-15T10:00:00Z"));
        }
      }
      // when
      CoverageReport exactly = l.ledger.coverage(NOW);
      l.customer("C-26"); // 23 of 26 = 88.46%
      CoverageReport below = l.ledger.coverage(NOW);
      // then
      assertThat(exactly.percent()).isEqualByComparingTo("92.0");
      assertThat(exactly.meetsTarget()).isTrue();
      assertThat(below.percent()).isEqualByComparingTo("88.4");
      assertThat(below.meetsTarget()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRoundDownAndNotMeetTheTargetWhenTheShareIsJustBelowIt(String db) {
    ConsentPolicy emailOnly = new ConsentPolicy(List.of(EMAIL_MARKETING),
        ConsentPolicy.DEFAULT_EXPIRY_WARNING, new BigDecimal("66.7"));
    try (Ledgers l = Ledgers.fresh(db, emailOnly)) {
      // given: 2 of 3 = 66.666...%
      for (String id : List.of("C-1", "C-2", "C-3")) {
        l.customer(id);
      }
      l.ledger.record(consent("C-1", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-1", "2026-09-15T10:00:00Z"));
      l.ledger.record(consent("C-2", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-2", "2026-09-15T10:00:00Z"));
      // when
      CoverageReport r = l.ledger.coverage(NOW);
      // then
      assertThat(r.percent()).isEqualByComparingTo("66.6");
      assertThat(r.meetsTarget()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportZeroAndNotMeetTheTargetWhenThereAreNoCustomers(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // when
      CoverageReport r = l.ledger.coverage(NOW);
      // then
      assertThat(r.customers()).isZero();
      assertThat(r.percent()).isEqualByComparingTo("0.0");
      assertThat(r.meetsTarget()).isFalse();
      assertThat(r.perPair()).hasSize(3).allSatisfy(p -> assertThat(p.granted()).isZero());
      assertThat(l.ledger.statuses(NOW)).isEmpty();
    }
  }
}
