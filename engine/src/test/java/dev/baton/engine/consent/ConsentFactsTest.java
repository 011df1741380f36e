package dev.baton.engine.consent;

import static dev.baton.engine.consent.Ledgers.NOW;
import static dev.baton.engine.consent.Ledgers.consent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger's facts decide with the real consent-check pack, and its proofs resolve. */
class ConsentFactsTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final RulePack CONSENT_CHECK =
      RulePacks.read(Path.of("../rule-packs/consent-check"));

  static List<String> databases() {
    return Ledgers.databases();
  }

  private static Fact outreach(String customerId, Channel channel, Purpose purpose) {
    return new Fact("OutreachRequest", Map.of("requestId", "REQ-1", "customerId", customerId,
        "channel", channel.name(), "purpose", purpose.name(), "actor", "AI"));
  }

  @Test
  void shouldUseThePackVocabularyWhenTheApiEnumsAreCompared() {
    // given
    FactType consent = CONSENT_CHECK.factType("Consent").orElseThrow();
    // when
    List<String> channels = consent.field("channel").orElseThrow().type().enumValues();
    List<String> purposes = consent.field("purpose").orElseThrow().type().enumValues();
    List<String> statuses = consent.field("status").orElseThrow().type().enumValues();
    List<String> sources = consent.field("source").orElseThrow().type().enumValues();
    // then
    assertThat(channels).containsExactlyElementsOf(names(Channel.values()));
    assertThat(purposes).containsExactlyElementsOf(names(Purpose.values()));
    assertThat(statuses).containsExactlyElementsOf(names(ConsentStatus.values()));
    assertThat(sources).containsExactlyElementsOf(names(ConsentSource.values()));
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldProduceFactsWithExactlyThePackFieldsWhenAskedForACustomer(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001").customer("C-2002")) {
      // given
      l.ledger.record(consent("C-1001", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-EMAIL", "2026-09-15T10:00:00Z", "2027-09-15T10:00:00Z"));
      l.ledger.record(consent("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.GRANTED, "EV-VOICE-1", "2026-03-12T09:00:00Z"));
      l.ledger.record(consent("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.WITHDRAWN, "EV-VOICE-2", "2026-10-08T16:45:00Z"));
      l.ledger.record(consent("C-1001", Channel.SMS, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-FUTURE", "2026-12-01T00:00:00Z"));
      l.ledger.record(consent("C-2002", Channel.WECHAT, Purpose.MARKETING, ConsentStatus.GRANTED,
          "EV-OTHER", "2026-08-18T11:00:00Z"));
      List<String> declared = CONSENT_CHECK.factType("Consent").orElseThrow().fields().stream()
          .map(FieldDef::name).toList();
      // when
      List<Fact> facts = l.ledger.factsFor("C-1001", NOW);
      // then: all records known now (not the one recorded after now), oldest first
      assertThat(facts).extracting(Fact::type).containsOnly("Consent");
      assertThat(facts).extracting(f -> f.values().get("evidenceId"))
          .containsExactly("EV-VOICE-1", "EV-EMAIL", "EV-VOICE-2");
      assertThat(facts.get(1).values()).containsExactly(
          Map.entry("customerId", "C-1001"),
          Map.entry("channel", "EMAIL"),
          Map.entry("purpose", "MARKETING"),
          Map.entry("status", "GRANTED"),
          Map.entry("source", "WEBSITE_OPT_IN"),
          Map.entry("evidenceId", "EV-EMAIL"),
          Map.entry("recordedAt", "2026-09-15T10:00:00Z"),
          Map.entry("expiresAt", "2027-09-15T10:00:00Z"));
      assertThat(facts.get(1).values().keySet()).containsExactlyElementsOf(declared);
      assertThat(facts.get(2).values()).doesNotContainKey("expiresAt")
          .containsEntry("status", "WITHDRAWN");
      assertThat(l.ledger.factsFor("C-1001", Instant.parse("2026-12-02T00:00:00Z")))
          .hasSize(4);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldBlockAnAiVoiceCallWithTheWithdrawalAsProofWhenVoiceWasWithdrawnInTheLedger(
      String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      l.ledger.record(consent("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.GRANTED, "EV-2026-0312-VOICE", "2026-03-12T09:00:00Z"));
      LedgerEntry withdrawal = l.ledger.record(consent("C-1001", Channel.VOICE,
          Purpose.SALES_FOLLOW_UP, ConsentStatus.WITHDRAWN, "EV-2026-1008-VOICE",
          "2026-10-08T16:45:00Z"));
      LedgerEntry sms = l.ledger.record(consent("C-1001", Channel.SMS, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.GRANTED, "EV-2026-0312-SMS", "2026-03-12T09:00:00Z"));
      Evaluation request = Evaluation.of(List.of(CONSENT_CHECK),
          List.of(outreach("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP)), NOW)
          .by("REQ-1", "ai-voice-agent");
      // when
      Decision d = ENGINE.evaluate(l.ledger.withConsentFacts(request));
      // then
      assertThat(d.blocked()).isTrue();
      assertThat(d.firedRuleIds())
          .containsExactlyInAnyOrder("consent-refused", "outreach-refused-first-fallback");
      assertThat(d.blocks()).extracting(Decision.Verdict::proof)
          .containsExactly("EV-2026-1008-VOICE");
      assertThat(d.actions()).singleElement().satisfies(a -> {
        assertThat(a.action()).isEqualTo("SEND_TEXT");
        assertThat(a.params()).containsEntry("channel", "SMS")
            .containsEntry("consentProof", "EV-2026-0312-SMS")
            .containsEntry("vetoProof", "EV-2026-1008-VOICE");
      });
      Object proof = d.blocks().get(0).proof();
      assertThat(l.ledger.byEvidenceId((String) proof)).contains(withdrawal);
      // the text relies on the SMS grant: both the refusal and the grant are proofs
      assertThat(l.ledger.proofsIn(d)).contains(withdrawal, sms);
      assertThat(d.requestId()).isEqualTo("REQ-1");
      assertThat(d.actor()).isEqualTo("ai-voice-agent");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldAllowWithTheGrantAsProofWhenTheLedgerHoldsAValidGrant(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      LedgerEntry grant = l.ledger.record(consent("C-1001", Channel.EMAIL, Purpose.MARKETING,
          ConsentStatus.GRANTED, "EV-EMAIL-001", "2026-09-15T10:00:00Z", "2027-09-15T10:00:00Z"));
      Evaluation request = Evaluation.of(List.of(CONSENT_CHECK),
          List.of(outreach("C-1001", Channel.EMAIL, Purpose.MARKETING)), NOW);
      // when
      Decision d = ENGINE.evaluate(l.ledger.withConsentFacts(request));
      // then
      assertThat(d.blocked()).isFalse();
      assertThat(d.allows()).extracting(Decision.Verdict::proof).containsExactly("EV-EMAIL-001");
      assertThat(l.ledger.proofsIn(d)).containsExactly(grant);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldDropConsentFactsOfTheCallerWhenTheLedgerSuppliesThem(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given: a forged grant in the request; the ledger has no record
      Fact forged = new Fact("Consent", Map.of("customerId", "C-1001", "channel", "VOICE",
          "purpose", "SALES_FOLLOW_UP", "status", "GRANTED", "source", "EVENT_QR_CODE",
          "evidenceId", "FORGED", "recordedAt", "2026-11-01T00:00:00Z"));
      Evaluation request = Evaluation.of(List.of(CONSENT_CHECK),
          List.of(outreach("C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP), forged), NOW);
      // when
      Evaluation enriched = l.ledger.withConsentFacts(request);
      Decision d = ENGINE.evaluate(enriched);
      // then
      assertThat(enriched.facts()).extracting(Fact::type).containsExactly("OutreachRequest");
      assertThat(d.blocked()).isTrue();
      assertThat(d.blocks()).extracting(Decision.Verdict::proof)
          .containsExactly("NO-CONSENT-RECORD");
      assertThat(l.ledger.proofsIn(d)).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void shouldLeaveTheEvaluationUnchangedWhenNoPackOfThePipelineReadsConsent() {
    try (Ledgers l = Ledgers.fresh("h2").customer("C-2002")) {
      // given: the customer has consent records, the pipeline only scores CMI
      l.ledger.record(consent("C-2002", Channel.WECHAT, Purpose.SALES_FOLLOW_UP,
          ConsentStatus.GRANTED, "EV-T-1", "2026-08-18T11:00:00Z"));
      RulePack cmi = RulePacks.read(Path.of("../rule-packs/cmi-threshold"));
      Evaluation request = Evaluation.of(List.of(cmi), List.of(new Fact("Customer",
          Map.of("customerId", "C-2002"))), NOW);
      // when
      Evaluation enriched = l.ledger.withConsentFacts(request);
      // then
      assertThat(enriched).isSameAs(request);
    }
  }

  /** Histories of one pair, each as (status, recordedAt, expiresAt) triples. */
  static List<List<String[]>> histories() {
    return List.of(
        List.of(),
        List.<String[]>of(new String[] {"GRANTED", "2026-03-01T00:00:00Z", null}),
        List.<String[]>of(new String[] {"GRANTED", "2026-03-01T00:00:00Z", null},
            new String[] {"WITHDRAWN", "2026-10-01T00:00:00Z", null}),
        List.<String[]>of(new String[] {"DENIED", "2026-03-01T00:00:00Z", null},
            new String[] {"GRANTED", "2026-10-01T00:00:00Z", "2027-10-01T00:00:00Z"}),
        List.<String[]>of(new String[] {"GRANTED", "2025-11-01T00:00:00Z", "2026-11-01T00:00:00Z"}),
        List.<String[]>of(new String[] {"GRANTED", "2026-10-01T00:00:00Z", "2026-11-27T09:00:00Z"}),
        List.<String[]>of(new String[] {"GRANTED", "2026-10-01T00:00:00Z", null},
            new String[] {"DENIED", "2026-10-01T00:00:00Z", null}),
        List.<String[]>of(new String[] {"GRANTED", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"},
            new String[] {"GRANTED", "2026-10-01T00:00:00Z", "2027-11-01T00:00:00Z"}),
        List.<String[]>of(new String[] {"WITHDRAWN", "2026-10-01T00:00:00Z", null},
            new String[] {"GRANTED", "2026-12-01T00:00:00Z", null}));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldAgreeWithThePackWhenTheLedgerSaysWhatIsInForce(String db) {
    for (List<String[]> history : histories()) {
      try (Ledgers l = Ledgers.fresh(db).customer("C-1")) {
        // given
        int n = 0;
        for (String[] h : history) {
          l.ledger.record(consent("C-1", Channel.SMS, Purpose.SALES_FOLLOW_UP,
              ConsentStatus.valueOf(h[0]), "EV-" + ++n, h[1], h[2]));
        }
        // when
        CurrentConsent current =
            l.ledger.current("C-1", NOW).get(Channel.SMS, Purpose.SALES_FOLLOW_UP);
        Decision d = ENGINE.evaluate(l.ledger.withConsentFacts(Evaluation.of(
            List.of(CONSENT_CHECK), List.of(outreach("C-1", Channel.SMS,
                Purpose.SALES_FOLLOW_UP)), NOW)));
        // then
        String description = "history " + history.stream().map(Arrays::toString).toList();
        assertThat(d.blocked()).as(description).isEqualTo(!current.status().isGranted());
        Object expectedProof = current.decidedBy() == null ? "NO-CONSENT-RECORD"
            : current.evidenceId();
        List<Decision.Verdict> deciding = d.blocked() ? d.blocks() : d.allows();
        // a refusal without an allowed fallback channel blocks twice (the refusal, and why no
        // text goes instead), both on the same record
        assertThat(deciding.stream().map(Decision.Verdict::proof).distinct().toList())
            .as(description).containsExactly(expectedProof);
      }
    }
  }
}
