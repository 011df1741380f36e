package dev.baton.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleCoverageTest {

  private static final RulesEngine ENGINE = RulesEngine.create();

  private static final String PACK = """
      id: t
      version: 1.0.0
      kind: custom
      title: {en: T, zh-CN: 测试}
      facts:
        Req: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE]}, amount: number}
        Consent: {customerId: string, status: {enum: [GRANTED, DENIED]}}
      rules:
        - id: voice-denied
          title: {en: R, zh-CN: 规则}
          when:
            - Req as r: {channel: VOICE}
            - Consent: {customerId: $r.customerId, status: DENIED}
          then:
            - block: {reason: Denied}
        - id: large
          title: {en: R, zh-CN: 规则}
          when:
            - Req as r: {amount: {gt: 100}}
          then:
            - emit: {action: REVIEW, customerId: $r.customerId}
      """;

  private static final String EXAMPLES = """
      - name: voice with a refusal
        now: 2026-11-27T09:00:00Z
        facts:
          Req: [{customerId: C1, channel: VOICE, amount: 5}]
          Consent: [{customerId: C1, status: DENIED}]
        expect: {blocked: true}
      - name: voice with a grant
        now: 2026-11-27T09:00:00Z
        facts:
          Req: [{customerId: C1, channel: VOICE, amount: 5}]
          Consent: [{customerId: C1, status: GRANTED}]
        expect: {blocked: false}
      """;

  @Test
  void shouldReportWhichRulesFiredAndWhichConditionsHeldAndFailed() {
    // given
    RulePack pack = RulePacks.parse("p.yaml", PACK);
    List<PackExample> examples = RulePacks.parseExamples("e.yaml", EXAMPLES);
    // when
    ExampleCoverage coverage = ExampleCoverage.of(pack, ENGINE.runExamples(pack, examples));
    // then: the refusal rule fired in one example and missed on its consent in the other;
    // the large-amount rule never fired and its only condition never held
    assertThat(coverage.examples()).isEqualTo(2);
    assertThat(coverage.rules()).extracting(ExampleCoverage.RuleCoverage::ruleId,
        ExampleCoverage.RuleCoverage::firedIn).containsExactly(
        tuple("voice-denied", List.of("voice with a refusal")), tuple("large", List.of()));
    assertThat(coverage.rule("voice-denied").orElseThrow().conditions()).containsExactly(
        new ExampleCoverage.ConditionCoverage(1, true, false),
        new ExampleCoverage.ConditionCoverage(2, true, true));
    assertThat(coverage.rule("large").orElseThrow().conditions()).containsExactly(
        new ExampleCoverage.ConditionCoverage(1, false, true));
    assertThat(coverage.notFired()).containsExactly("large");
    assertThat(coverage.firedCount()).isEqualTo(1);
    assertThat(coverage.conditionsBothWays()).isEqualTo(1);
    assertThat(coverage.conditionCount()).isEqualTo(3);
  }

  @Test
  void shouldShowWhichRulesOfTheShippedTemplatesTheirExamplesLeaveUntried() {
    // when
    ExampleCoverage ai = coverage("ai-trigger");
    ExampleCoverage cmi = coverage("cmi-threshold");
    ExampleCoverage consent = coverage("consent-check");
    // then: five of consent-check's rules about actions proposed earlier in the pipeline have
    // no example of their own
    assertThat(ai.notFired()).isEmpty();
    assertThat(cmi.notFired()).isEmpty();
    assertThat(consent.notFired()).containsExactly(
        "ai-marketing-action-refused-first-fallback",
        "ai-marketing-action-refused-second-fallback",
        "ai-follow-up-action-no-record",
        "ai-follow-up-action-refused-second-fallback",
        "ai-follow-up-action-refused-third-fallback");
    assertThat(ai.firedCount()).isEqualTo(ai.rules().size());
  }

  private static ExampleCoverage coverage(String id) {
    Path dir = Path.of("../rule-packs", id);
    RulePack pack = RulePacks.read(dir);
    List<PackExample> examples = RulePacks.readExamples(dir.resolve("examples.yaml"));
    return ExampleCoverage.of(pack, ENGINE.runExamples(pack, examples));
  }
}
