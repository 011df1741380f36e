package dev.baton.rulepacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates as one pipeline: an AI action that ai-trigger proposes on a channel the customer
 * refused is vetoed by consent-check and rerouted to the first fallback channel allowed, with
 * both proofs, and the decision explains it.
 */
class ConsentReroutePipelineTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private final RulesEngine engine = RulesEngine.create();
  private final RulePack aiTrigger = RulePacks.read(Path.of("ai-trigger"));
  private final RulePack consentCheck = RulePacks.read(Path.of("consent-check"));

  private static Fact consent(String channel, String status, String evidenceId, String at) {
    return new Fact("Consent", Map.of("customerId", "C-1001", "channel", channel,
        "purpose", "SALES_FOLLOW_UP", "status", status, "source", "EVENT_QR_CODE",
        "evidenceId", evidenceId, "recordedAt", at));
  }

  private Decision decide(List<Fact> consents) {
    List<Fact> facts = new java.util.ArrayList<>(List.of(new Fact("Opportunity", Map.of(
        "opportunityId", "OPP-9", "customerId", "C-1001", "stage", "PROPOSAL",
        "amount", 480000, "nextStepChannel", "VOICE",
        "lastContactAt", "2026-11-10T09:00:00Z"))));
    facts.addAll(consents);
    return engine.evaluate(Evaluation.of(List.of(aiTrigger, consentCheck), facts, NOW));
  }

  @Test
  void shouldRerouteTheAiTriggersVoiceScriptToSmsWithBothProofsWhenVoiceWasWithdrawn() {
    // given / when
    Decision d = decide(List.of(
        consent("VOICE", "WITHDRAWN", "EV-VOICE-9", "2026-10-08T16:45:00Z"),
        consent("SMS", "GRANTED", "EV-SMS-9", "2026-03-12T09:00:00Z")));

    // then
    assertThat(d.vetoed()).singleElement().satisfies(v -> {
      assertThat(v.action().action()).isEqualTo("RECOMMEND_FOLLOW_UP_SCRIPT");
      assertThat(v.action().pack()).isEqualTo("ai-trigger");
      assertThat(v.proof()).isEqualTo("EV-VOICE-9");
    });
    String vetoedId = d.vetoed().get(0).action().id();
    assertThat(d.actions()).filteredOn(a -> a.action().equals("REROUTE_ACTION"))
        .singleElement().satisfies(a -> {
          assertThat(a.pack()).isEqualTo("consent-check");
          assertThat(a.rule()).isEqualTo("ai-follow-up-action-refused-first-fallback");
          assertThat(a.params()).containsEntry("channel", "SMS")
              .containsEntry("originalAction", "RECOMMEND_FOLLOW_UP_SCRIPT")
              .containsEntry("originalActionId", vetoedId)
              .containsEntry("consentProof", "EV-SMS-9")
              .containsEntry("vetoProof", "EV-VOICE-9");
        });
    assertThat(d.proofs()).contains("EV-VOICE-9", "EV-SMS-9");
    // explainable: the rerouting rule names the facts it matched, the other ranks say why not
    assertThat(d.fired()).filteredOn(f -> f.rule().equals(
        "ai-follow-up-action-refused-first-fallback")).singleElement()
        .satisfies(f -> assertThat(f.matched()).extracting(Decision.MatchedFact::type)
            .contains("ProposedAction", "Consent"));
    assertThat(d.nearestMisses()).extracting(Decision.NearestMiss::rule)
        .contains("ai-follow-up-action-refused-second-fallback",
            "ai-follow-up-action-refused-no-fallback");
  }

  @Test
  void shouldKeepTheVetoAndSayWhyWhenNoFallbackChannelIsAllowed() {
    // given / when
    Decision d = decide(List.of(
        consent("VOICE", "DENIED", "EV-VOICE-8", "2026-10-01T08:00:00Z"),
        consent("SMS", "WITHDRAWN", "EV-SMS-8", "2026-10-02T08:00:00Z")));

    // then
    assertThat(d.vetoed()).extracting(v -> v.action().action())
        .containsExactly("RECOMMEND_FOLLOW_UP_SCRIPT");
    assertThat(d.vetoed().get(0).rule()).isEqualTo("ai-follow-up-action-refused-no-fallback");
    assertThat(d.vetoed().get(0).reason()).contains("none of the fallback channels");
    assertThat(d.actions()).extracting(Decision.DecidedAction::action)
        .doesNotContain("REROUTE_ACTION", "RECOMMEND_FOLLOW_UP_SCRIPT");
  }
}
