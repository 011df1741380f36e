package dev.baton.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.CheckReport;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePackChecks;
import dev.baton.engine.rulepack.RulePacks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static checks against the engine itself: a value the checks call a gap fires no rule, a
 * value they do not fires one, and a rule they say can never fire fires for no value.
 */
class RulePackChecksAgreeWithEngineTest {

  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static final String PACK = """
      id: t
      version: 1.0.0
      kind: custom
      title: {en: T, zh-CN: 测试}
      parameters:
        limit: {type: number, value: 1000, title: {en: Limit, zh-CN: 限额}}
      facts:
        Req: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE]}, amount: number}
      rules:
        - id: small
          title: {en: Small, zh-CN: 小}
          when:
            - Req as r: {amount: {lt: 100}}
          then:
            - emit: {action: A, customerId: $r.customerId}
        - id: large-text
          title: {en: Large text, zh-CN: 大额文字}
          when:
            - Req as r: {amount: {gt: $params.limit}, channel: {in: [EMAIL, SMS]}}
          then:
            - emit: {action: B, customerId: $r.customerId}
        - id: impossible
          title: {en: Impossible, zh-CN: 不可能}
          when:
            - Req as r: {amount: {gte: 300, lt: 200}}
          then:
            - emit: {action: C, customerId: $r.customerId}
      """;

  @Test
  void shouldNeverFireTheRuleTheChecksCallShadowedUnderFirst() {
    // given: under first, 'any-email' comes after 'small' and 'large-email', which cover it
    RulePack pack = RulePacks.parse("p.yaml", PACK
        .replace("rules:\n", "hitPolicy: first\nrules:\n")
        .replace("{amount: {gt: $params.limit}, channel: {in: [EMAIL, SMS]}}",
            "{amount: {gte: 100}, channel: {in: [EMAIL, SMS]}}")
        + """
          - id: any-email
            title: {en: Any email, zh-CN: 任意邮件}
            when:
              - Req as r: {channel: EMAIL, amount: {gt: 0}}
            then:
              - emit: {action: D, customerId: $r.customerId}
        """);
    CheckReport report = RulePackChecks.check(pack);
    assertThat(report.findings()).filteredOn(f -> f.kind() == Finding.Kind.SHADOWED)
        .extracting(Finding::ruleIds)
        .containsExactly(List.of("any-email", "small", "large-text"));
    for (String amount : List.of("0.01", "50", "99.99", "100", "5000")) {
      // when
      Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(new Fact("Req",
          Map.of("customerId", "C1", "channel", "EMAIL", "amount", new BigDecimal(amount)))),
          NOW));
      // then
      assertThat(d.firedRuleIds()).as(amount).hasSize(1).doesNotContain("any-email");
    }
    // and under collect it fires
    RulePack collect = pack.withHitPolicy(dev.baton.engine.rulepack.HitPolicy.COLLECT);
    assertThat(ENGINE.evaluate(Evaluation.of(List.of(collect), List.of(new Fact("Req",
        Map.of("customerId", "C1", "channel", "EMAIL", "amount", BigDecimal.TEN))), NOW))
        .firedRuleIds()).contains("any-email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"collect", "first", "priority"})
  void shouldFireNoRuleExactlyForTheValuesTheChecksCallAGap(String policy) {
    // given: the rules do not overlap, so every hit policy gives the same findings
    RulePack pack = RulePacks.parse("p.yaml",
        PACK.replace("rules:\n", "hitPolicy: " + policy + "\nrules:\n"));
    assertThat(pack.hitPolicy().label()).isEqualTo(policy);
    CheckReport report = RulePackChecks.check(pack);
    assertThat(report.findings()).extracting(Finding::kind, Finding::args).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.NEVER_FIRES,
            List.of("impossible", "Req", "amount")),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.GAP,
            List.of("Req", "100 ≤ amount ≤ 1000")),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.GAP,
            List.of("Req", "channel = VOICE, 1000 < amount")));
    List<String> amounts = List.of("-5", "0", "99.99", "100", "250", "300", "999.99", "1000",
        "1000.01", "5000");
    for (String channel : List.of("EMAIL", "SMS", "VOICE")) {
      for (String amount : amounts) {
        // when
        Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(new Fact("Req",
            Map.of("customerId", "C1", "channel", channel, "amount", new BigDecimal(amount)))),
            NOW));
        // then
        BigDecimal a = new BigDecimal(amount);
        boolean gap = (a.compareTo(BigDecimal.valueOf(100)) >= 0
            && a.compareTo(BigDecimal.valueOf(1000)) <= 0)
            || (channel.equals("VOICE") && a.compareTo(BigDecimal.valueOf(1000)) > 0);
        List<String> fired = new ArrayList<>(d.firedRuleIds());
        assertThat(fired).as(channel + " " + amount).doesNotContain("impossible");
        assertThat(fired.isEmpty()).as(channel + " " + amount + " fired " + fired)
            .isEqualTo(gap);
      }
    }
  }
}
