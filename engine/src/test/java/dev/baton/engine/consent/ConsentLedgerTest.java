package dev.baton.engine.consent;

import static dev.baton.engine.consent.Ledgers.NOW;
import static dev.baton.engine.consent.Ledgers.consent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentLedgerTest {
  static List<String> databases() {
    return Ledgers.databases();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldLetTheLatestRecordWinWhenGrantedThenWithdrawn(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given: written out of order on purpose
      LedgerEntry withdrawal = l.ledger.record(consent("C-1001", Channel.VOICE,
          Purpose.SALES_FOLLOW_UP, ConsentStatus.WITHDRAWN, "EV-VOICE-2", "2026-10-08T16:45:00Z"));
      LedgerEntry grant = l.ledger.record(consent("C-1001", Channel.VOICE,
          Purpose.SALES_FOLLOW_UP, ConsentStatus.GRANTED, "EV-VOICE-1", "2026-03-12T09:00:00Z"));
      // when
      ConsentSnapshot now = l.ledger.current("C-1001", NOW);
      ConsentSnapshot before = l.ledger.current("C-1001", Instant.parse("2026-06-01T00:00:00Z"));
      // then
      assertThat(grant.ledgerId()).isGreaterThan(withdrawal.ledgerId());
      assertThat(l.ledger.history("C-1001")).containsExactly(grant, withdrawal);
      CurrentConsent voice = now.get(Channel.VOICE, Purpose.SALES_FOLLOW_UP);
      assertThat(voice.status()).isEqualTo(EffectiveStatus.WITHDRAWN);
      assertThat(voice.decidedBy()).isEqualTo(withdrawal);
      assertThat(before.get(Channel.VOICE, Purpose.SALES_FOLLOW_UP).decidedBy()).isEqualTo(grant);
      assertThat(before.get(Channel.VOICE, Purpose.SALES_FOLLOW_UP).status())
          .isEqualTo(EffectiveStatus.GRANTED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldGrantAgainWhenWithdrawnThenGrantedLater(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.WECHAT, Purpose.MARKETING,
          ConsentStatus.WITHDRAWN, "EV-WX-10", "2026-05-02T09:00:00Z"));
      LedgerEntry again = l.ledger.record(consent("C-1001", Channel.WECHAT, Purpose.MARKETING,
          ConsentStatus.GRANTED, "EV-WX-11", "2026-11-10T15:20:00Z"));
      // when
      CurrentConsent wechat = l.ledger.current("C-1001", NOW).get(Channel.WECHAT, Purpose.MARKETING);
      // then
      assertThat(wechat.status()).isEqualTo(EffectiveStatus.GRANTED);
      assertThat(wechat.evidenceId()).isEqualTo("EV-WX-11");
      assertThat(wechat.decidedBy()).isEqualTo(again);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCountAGrantAsExpiredWhenItsExpiryIsAtOrBeforeNow(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-EMAIL-20", "2025-11-01T10:00:00Z", "2026-11-01T10:00:00Z"));
      l.ledger.record(consent("C-1001", Channel.SMS, Purpose.SERVICE, ConsentStatus.GRANTED,
          "EV-SMS-30", "2026-01-01T00:00:00Z", NOW.toString()));
      // when
      ConsentSnapshot now = l.ledger.current("C-1001", NOW);
      ConsentSnapshot earlier = l.ledger.current("C-1001", Instant.parse("2026-10-31T00:00:00Z"));
      // then
      assertThat(now.get(Channel.EMAIL, Purpose.MARKETING).status())
          .isEqualTo(EffectiveStatus.EXPIRED);
      assertThat(now.get(Channel.EMAIL, Purpose.MARKETING).status().isGranted()).isFalse();
      assertThat(now.get(Channel.EMAIL, Purpose.MARKETING).evidenceId()).isEqualTo("EV-EMAIL-20");
      assertThat(now.get(Channel.SMS, Purpose.SERVICE).status()).isEqualTo(EffectiveStatus.EXPIRED);
      assertThat(earlier.get(Channel.EMAIL, Purpose.MARKETING).status())
          .isEqualTo(EffectiveStatus.GRANTED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportNoneForEveryPairWithoutRecordWhenAskedForCurrentConsent(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-EMAIL-1", "2026-09-15T10:00:00Z"));
      // when
      ConsentSnapshot snapshot = l.ledger.current("C-1001", NOW);
      ConsentSnapshot unknown = l.ledger.current("C-404", NOW);
      // then
      assertThat(snapshot.consents()).hasSize(12);
      assertThat(snapshot.consents()).extracting(CurrentConsent::pair)
          .containsExactlyElementsOf(ConsentPair.all());
      assertThat(snapshot.consents()).filteredOn(c -> c.status() == EffectiveStatus.NONE)
          .hasSize(11).allSatisfy(c -> assertThat(c.decidedBy()).isNull());
      assertThat(snapshot.get(Channel.EMAIL, Purpose.MARKETING).status())
          .isEqualTo(EffectiveStatus.GRANTED);
      assertThat(unknown.consents()).extracting(CurrentConsent::status)
          .containsOnly(EffectiveStatus.NONE);
      assertThat(l.ledger.history("C-404")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldLetTheRefusalWinWhenTwoRecordsShareTheirTime(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.SMS, Purpose.MARKETING, ConsentStatus.DENIED,
          "EV-SMS-DENY", "2026-10-01T08:00:00Z"));
      l.ledger.record(consent("C-1001", Channel.SMS, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-SMS-GRANT", "2026-10-01T08:00:00Z"));
      // when
      CurrentConsent sms = l.ledger.current("C-1001", NOW).get(Channel.SMS, Purpose.MARKETING);
      // then
      assertThat(sms.status()).isEqualTo(EffectiveStatus.DENIED);
      assertThat(sms.evidenceId()).isEqualTo("EV-SMS-DENY");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepTimesToTheMillisecondWhenRecordsAreReadBack(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      ConsentRecord r = new ConsentRecord("C-1001", Channel.EMAIL, Purpose.MARKETING,
          ConsentStatus.GRANTED, ConsentSource.WEBSITE_OPT_IN, "EV-1",
          Instant.parse("2026-09-15T10:00:00.123456789Z"), Instant.parse("2027-09-15T10:00:00Z"));
      // when
      LedgerEntry stored = l.ledger.record(r);
      // then
      assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-09-15T10:00:00.123Z"));
      assertThat(l.ledger.byEvidenceId("EV-1")).contains(stored);
      assertThat(l.ledger.history("C-1001")).containsExactly(stored);
      assertThat(stored.consent()).isEqualTo(r);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseADuplicateEvidenceIdWhenRecordingAgain(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      LedgerEntry first = l.ledger.record(consent("C-1001", Channel.VOICE,
          Purpose.SALES_FOLLOW_UP, ConsentStatus.GRANTED, "EV-VOICE-1", "2026-03-12T09:00:00Z"));
      ConsentRecord rewrite = consent("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.DENIED, "EV-VOICE-1", "2026-03-12T09:00:00Z");
      // when / then
      assertThatThrownBy(() -> l.ledger.record(rewrite))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).problems())
              .extracting(Problem::path).containsExactly("evidenceId"))
          .hasMessageContaining("EV-VOICE-1").hasMessageContaining("already in the ledger");
      assertThat(l.ledger.history("C-1001")).containsExactly(first);
      assertThat(l.ledger.current("C-1001", NOW).get(Channel.VOICE, Purpose.SALES_FOLLOW_UP)
          .status()).isEqualTo(EffectiveStatus.GRANTED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldOfferNoWayToChangeARecordWhenRecordsAreStored(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-1", "2026-09-15T10:00:00Z"));
      List<LedgerEntry> history = l.ledger.history("C-1001");
      // when
      List<String> writes = Arrays.stream(ConsentLedger.class.getMethods())
          .map(Method::getName)
          .filter(n -> n.matches("(update|delete|remove|change|set|edit|replace|clear).*")
              || n.equals("upsertCustomer"))
          .toList();
      // then: the only write besides appending is a customer's name, region and owner
      assertThat(writes).containsExactly("upsertCustomer");
      assertThatThrownBy(() -> history.remove(0))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(l.ledger.history("C-1001")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseARecordWithEveryProblemWhenItIsInvalid(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      ConsentRecord bad = consent("C-1001", Channel.SMS, Purpose.MARKETING,
          ConsentStatus.WITHDRAWN, " EV-2", "2026-10-01T08:00:00Z", "2027-10-01T08:00:00Z");
      ConsentRecord unknownCustomer = consent("C-404", Channel.SMS, Purpose.MARKETING,
          ConsentStatus.GRANTED, "EV-3", "2026-10-01T08:00:00Z", "2026-09-01T08:00:00Z");
      // when / then
      assertThatThrownBy(() -> l.ledger.record(bad)).isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).problems())
              .extracting(Problem::path).containsExactly("evidenceId", "expiresAt"));
      assertThatThrownBy(() -> l.ledger.record(unknownCustomer))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).problems())
              .extracting(Problem::path).containsExactly("expiresAt", "customerId"));
      ConsentRecord onlyUnknown = consent("C-404", Channel.SMS, Purpose.MARKETING,
          ConsentStatus.GRANTED, "EV-4", "2026-10-01T08:00:00Z");
      assertThatThrownBy(() -> l.ledger.record(onlyUnknown))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Customer 'C-404' is not in the ledger")
          .hasMessageContaining("upsertCustomer");
      assertThat(l.ledger.history("C-1001")).isEmpty();
      assertThat(l.ledger.history("C-404")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldUpdateACustomerWhenUpsertedAgain(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      l.ledger.upsertCustomer(new Customer("C-2", "苏州示例医学影像有限公司", "华东", null));
      l.ledger.upsertCustomer(new Customer("C-1", "Old name", null, null));
      // when
      l.ledger.upsertCustomer(new Customer("C-1", "华东示例医疗器械有限公司", "华东", "REP-07"));
      // then
      assertThat(l.ledger.customers()).containsExactly(
          new Customer("C-1", "华东示例医疗器械有限公司", "华东", "REP-07"),
          new Customer("C-2", "苏州示例医学影像有限公司", "华东", null));
      assertThat(l.ledger.customer("C-1")).hasValueSatisfying(c ->
          assertThat(c.owner()).isEqualTo("REP-07"));
      assertThat(l.ledger.customer("C-3")).isEmpty();
      assertThatThrownBy(() -> l.ledger.upsertCustomer(new Customer("C-4", " ", null, null)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("name is blank");
      assertThat(l.ledger.customers()).hasSize(2);
    }
  }
}
