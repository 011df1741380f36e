package dev.baton.engine.rules;

import static dev.baton.engine.rules.Packs.fact;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static final String SCORING = """
      id: scoring
      version: 1.0.0
      kind: cmi-threshold
      title: {en: Scoring, zh-CN: 评分}
      parameters:
        weight: {type: number, value: 0.5}
      scores: [CMI]
      facts:
        Signal: {customerId: string, strength: number}
      rules:
        - id: add-signal
          title: {en: Add, zh-CN: 加分}
          when:
            - Signal as s: {}
          then:
            - score: {name: CMI, points: $s.strength, weight: $params.weight}
        - id: high
          title: {en: High, zh-CN: 高}
          when:
            - Score: {name: CMI, value: {gte: 70}}
          then:
            - emit: {action: PUSH_CONTENT_PACK, customerId: C1, channel: VOICE, actor: AI}
        - id: low
          title: {en: Low, zh-CN: 低}
          when:
            - not: {Score: {name: CMI, value: {gte: 70}}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: C1, actor: AI, channel: EMAIL}
      """;

  private static final String VETO = """
      id: veto
      version: 1.0.0
      kind: consent-check
      title: {en: Veto, zh-CN: 否决}
      scores: [CMI]
      facts:
        Consent: {customerId: string, channel: string, evidenceId: string}
      rules:
        - id: no-consent
          title: {en: No consent, zh-CN: 无授权}
          when:
            - ProposedAction as p: {actor: AI}
            - not: {Consent: {customerId: $p.customerId, channel: $p.channel}}
          then:
            - block: {reason: No consent for this channel, proof: $p.id}
        - id: cmi-visible
          title: {en: CMI visible, zh-CN: 可见}
          when:
            - Score: {name: CMI, value: {gt: 0}}
          then:
            - allow: {reason: scored}
      """;

  @Test
  void shouldVetoProposedActionWhenLaterPackFindsNoConsent() {
    // given
    var pipeline = List.of(Packs.pack(SCORING), Packs.pack(VETO));
    var facts = List.of(fact("Signal", "customerId", "C1", "strength", new BigDecimal(90)),
        fact("Signal", "customerId", "C1", "strength", new BigDecimal(60)),
        fact("Consent", "customerId", "C1", "channel", "EMAIL", "evidenceId", "EV-1"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(pipeline, facts, NOW));
    // then
    assertThat(d.scores()).containsEntry("CMI", new BigDecimal(75));
    assertThat(d.vetoed()).singleElement().satisfies(v -> {
      assertThat(v.action().action()).isEqualTo("PUSH_CONTENT_PACK");
      assertThat(v.rule()).isEqualTo("no-consent");
      assertThat(v.proof()).isEqualTo(v.action().id());
    });
    assertThat(d.actions()).isEmpty();
    assertThat(d.blocked()).isFalse();
    assertThat(d.firedRuleIds()).containsExactly("add-signal", "high", "no-consent",
        "cmi-visible");
    assertThat(d.nearestMisses()).singleElement().satisfies(m -> {
      assertThat(m.rule()).isEqualTo("low");
      assertThat(m.explanation()).contains("Score(CMI)");
    });
  }

  @Test
  void shouldKeepActionWhenConsentExists() {
    // given
    var pipeline = List.of(Packs.pack(SCORING), Packs.pack(VETO));
    var facts = List.of(fact("Signal", "customerId", "C1", "strength", new BigDecimal(10)),
        fact("Consent", "customerId", "C1", "channel", "EMAIL", "evidenceId", "EV-1"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(pipeline, facts, NOW));
    // then
    assertThat(d.scores()).containsEntry("CMI", new BigDecimal(5));
    assertThat(d.vetoed()).isEmpty();
    assertThat(d.actions()).extracting(Decision.DecidedAction::action)
        .containsExactly("CREATE_SALES_TASK");
  }

  @Test
  void shouldGiveTheSameDecisionWhenEvaluatedTwice() {
    // given
    var pipeline = List.of(Packs.pack(SCORING), Packs.pack(VETO));
    var facts = List.of(fact("Signal", "customerId", "C1", "strength", new BigDecimal(90)));
    // when
    String first = ENGINE.evaluate(Evaluation.of(pipeline, facts, NOW)).toJson();
    String second = RulesEngine.create().evaluate(Evaluation.of(pipeline, facts, NOW)).toJson();
    // then
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldRejectAllBadFactsAtOnceWhenTypesDoNotFit() {
    // given
    var pipeline = List.of(Packs.pack(SCORING));
    var facts = List.of(fact("Signal", "customerId", 5, "strength", "high"),
        fact("Nope", "x", 1), fact("Signal", "colour", "red"));
    // when
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(FactsInvalidException.class,
        () -> ENGINE.evaluate(Evaluation.of(pipeline, facts, NOW)));
    // then
    assertThat(e.problems()).extracting(dev.baton.engine.Problem::path).containsExactlyInAnyOrder(
        "facts.Signal[0].customerId", "facts.Signal[0].strength", "facts.Nope[0]",
        "facts.Signal[1].colour");
  }
}
