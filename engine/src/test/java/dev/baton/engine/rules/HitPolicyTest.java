package dev.baton.engine.rules;

import static dev.baton.engine.rules.Packs.fact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pack's hit policy decides which matching rules fire. */
class HitPolicyTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static String pack(String hitPolicy) {
    return """
        id: lead-tiers
        version: 1.0.0
        kind: custom
        title: {en: Lead tiers, zh-CN: 线索分级}
        %s
        facts:
          Lead: {customerId: string, amount: number, region: string}
        rules:
          - id: silver
            title: {en: Silver, zh-CN: Silver}
            when:
              - Lead as lead: {amount: {gte: 100}}
            then:
              - emit: {action: TAG_LEAD, customerId: $lead.customerId, tier: SILVER}
          - id: gold
            title: {en: Gold, zh-CN: Gold}
            priority: 5
            when:
              - Lead as lead: {amount: {gte: 1000}}
            then:
              - emit: {action: TAG_LEAD, customerId: $lead.customerId, tier: GOLD}
          - id: east
            title: {en: East, zh-CN: East}
            priority: 5
            when:
              - Lead as lead: {region: EAST}
            then:
              - emit: {action: TAG_LEAD, customerId: $lead.customerId, tier: EAST}
          - id: none
            title: {en: Never, zh-CN: Never}
            priority: 9
            when:
              - Lead as lead: {region: NORTH}
            then:
              - emit: {action: TAG_LEAD, customerId: $lead.customerId, tier: NORTH}
        """.formatted(hitPolicy == null ? "" : "hitPolicy: " + hitPolicy);
  }

  private static Decision evaluate(String hitPolicy) {
    RulePack pack = RulePacks.parse("test.yaml", pack(hitPolicy));
    return ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(
        fact("Lead", "customerId", "C1", "amount", 2000, "region", "EAST")), NOW));
  }

  @Test
  void shouldFireEveryMatchingRuleWhenHitPolicyIsCollectOrAbsent() {
    // when
    Decision absent = evaluate(null);
    Decision collect = evaluate("collect");
    // then
    assertThat(absent.firedRuleIds()).containsExactlyInAnyOrder("silver", "gold", "east");
    assertThat(collect.firedRuleIds()).containsExactlyInAnyOrder("silver", "gold", "east");
    assertThat(collect.actions()).hasSize(3);
  }

  @Test
  void shouldFireOnlyTheFirstMatchingRuleInOrderWhenHitPolicyIsFirst() {
    // when
    Decision d = evaluate("first");
    // then
    assertThat(d.firedRuleIds()).containsExactly("silver");
    assertThat(d.actions()).singleElement()
        .satisfies(a -> assertThat(a.params()).containsEntry("tier", "SILVER"));
  }

  @Test
  void shouldFireOnlyTheHighestPriorityFirstInOrderWhenHitPolicyIsPriority() {
    // when
    Decision d = evaluate("priority");
    // then: gold and east both have priority 5, gold comes first; none does not match
    assertThat(d.firedRuleIds()).containsExactly("gold");
    assertThat(d.actions()).singleElement()
        .satisfies(a -> assertThat(a.params()).containsEntry("tier", "GOLD"));
  }

  @Test
  void shouldFireOneRuleEveryTimeWhenTheSameSingleHitPackIsEvaluatedAgain() {
    // given: sessions come from a pool, so later evaluations run in reused sessions
    RulePack pack = RulePacks.parse("test.yaml", pack("first")).withHitPolicy(HitPolicy.PRIORITY);
    var facts = List.of(fact("Lead", "customerId", "C1", "amount", 2000, "region", "EAST"));
    // when
    List<List<String>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      runs.add(ENGINE.evaluate(Evaluation.of(List.of(pack), facts, NOW)).firedRuleIds());
    }
    // then
    assertThat(runs).allSatisfy(r -> assertThat(r).containsExactly("gold"));
  }

  @Test
  void shouldKeepEachPacksPolicyInAPipeline() {
    // given
    RulePack first = RulePacks.parse("test.yaml", pack("first"));
    RulePack collect = RulePacks.parse("test.yaml", pack("collect").replace("lead-tiers",
        "lead-tiers-all"));
    var facts = List.of(fact("Lead", "customerId", "C1", "amount", 2000, "region", "EAST"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(first, collect), facts, NOW));
    Decision again = ENGINE.evaluate(Evaluation.of(List.of(first, collect), facts, NOW));
    // then: one rule of the first pack, every matching rule of the second
    assertThat(d.fired()).hasSize(4);
    assertThat(d.fired().stream().filter(f -> f.pack().equals("lead-tiers"))
        .map(Decision.FiredRule::rule)).containsExactly("silver");
    assertThat(again.fired()).hasSize(4);
  }

  @Test
  void shouldFireTheNextRuleWhenTheFirstDoesNotMatch() {
    // given
    RulePack pack = RulePacks.parse("test.yaml", pack("first"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(
        fact("Lead", "customerId", "C2", "amount", 50, "region", "EAST")), NOW));
    // then
    assertThat(d.firedRuleIds()).containsExactly("east");
  }

  @Test
  void shouldKeepTheHitPolicyThroughYamlAndChangeTheHashOnlyWhenNotCollect() {
    // given
    RulePack first = RulePacks.parse("test.yaml", pack("first"));
    RulePack absent = RulePacks.parse("test.yaml", pack(null));
    RulePack collect = RulePacks.parse("test.yaml", pack("collect"));
    // when
    RulePack again = RulePacks.parse("again.yaml", RulePacks.toYaml(first));
    // then
    assertThat(first.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(again.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(RulePacks.toYaml(absent)).doesNotContain("hitPolicy");
    assertThat(RulePacks.contentHash(collect)).isEqualTo(RulePacks.contentHash(absent));
    assertThat(RulePacks.contentHash(first)).isNotEqualTo(RulePacks.contentHash(absent));
  }

  @Test
  void shouldReportAnUnknownHitPolicyWithTheAllowedOnes() {
    // when
    List<Problem> problems = RulePacks.validate("test.yaml", pack("any"));
    // then
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("hitPolicy");
      assertThat(p.message()).contains("'any'");
      assertThat(p.hint()).contains("collect", "first", "priority");
    });
  }

  @Test
  void shouldRefuseASingleHitPackWhoseRuleWaitsForAScoreOfThePack() {
    // given
    String yaml = """
        id: staged
        version: 1.0.0
        kind: custom
        title: {en: Staged, zh-CN: Staged}
        hitPolicy: first
        scores: [CMI]
        facts:
          Lead: {customerId: string, amount: number}
        rules:
          - id: add
            title: {en: Add, zh-CN: Add}
            when:
              - Lead: {amount: {gte: 1}}
            then:
              - score: {name: CMI, points: 10}
          - id: test
            title: {en: Test, zh-CN: Test}
            when:
              - Score: {name: CMI, value: {gte: 10}}
            then:
              - emit: {action: TAG_LEAD, customerId: C1}
        """;
    // when
    List<Problem> problems = RulePacks.validate("test.yaml", yaml);
    // then
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.ruleId()).isEqualTo("test");
      assertThat(p.message()).contains("hitPolicy first", "'test'");
    });
  }
}
