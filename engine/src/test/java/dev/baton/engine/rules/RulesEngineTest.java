package dev.baton.engine.rules;

import static dev.baton.engine.rules.Packs.fact;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesEngineTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void shouldBlockVoiceAndSendTextWhenCustomerRefusedVoice() {
    // given
    var pack = Packs.pack(Packs.CONSENT);
    var facts = List.of(
        fact("OutreachRequest", "customerId", "C1", "channel", "VOICE", "actor", "AI"),
        fact("Consent", "customerId", "C1", "channel", "VOICE", "status", "DENIED",
            "evidenceId", "EV-7", "recordedAt", "2026-10-01T08:00:00Z"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), facts, NOW));
    // then
    System.out.println(ENGINE.drl(pack));
    System.out.println(d.toJson());
    assertThat(d.blocked()).isTrue();
    assertThat(d.firedRuleIds()).containsExactly("voice-refused-switch-to-text");
    assertThat(d.actions()).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo("SEND_TEXT");
      assertThat(a.params()).containsEntry("channel", "SMS").containsEntry("customerId", "C1");
    });
    assertThat(d.blocks()).singleElement().extracting(Decision.Verdict::proof).isEqualTo("EV-7");
    assertThat(d.fired().get(0).matched()).hasSize(2);
  }

  @Test
  void shouldExplainNearestMissWhenConsentIsGranted() {
    // given
    var pack = Packs.pack(Packs.CONSENT);
    var facts = List.of(
        fact("OutreachRequest", "customerId", "C1", "channel", "VOICE", "actor", "AI"),
        fact("Consent", "customerId", "C1", "channel", "VOICE", "status", "GRANTED",
            "evidenceId", "EV-8", "recordedAt", "2026-10-01T08:00:00Z"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), facts, NOW));
    // then
    assertThat(d.blocked()).isFalse();
    assertThat(d.actions()).isEmpty();
    assertThat(d.nearestMisses()).singleElement().satisfies(m -> {
      assertThat(m.condition()).isEqualTo(2);
      assertThat(m.field()).isEqualTo("status");
      assertThat(m.actual()).isEqualTo("GRANTED");
      assertThat(m.expected()).isEqualTo("DENIED");
      assertThat(m.explanation()).contains("status is GRANTED");
    });
  }
}
