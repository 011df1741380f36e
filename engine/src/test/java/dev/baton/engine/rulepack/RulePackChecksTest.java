package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.engine.rulepack.Finding.Kind;
import dev.baton.engine.rulepack.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RulePackChecksTest {

  private static final String HEADER = """
      id: t
      version: 1.0.0
      kind: custom
      title: {en: T, zh-CN: 测试}
      parameters:
        limit: {type: number, value: 1000, title: {en: Limit, zh-CN: 限额}}
      facts:
        Req: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE]}, amount: number, seats: integer, vip: boolean, at: datetime}
        Consent: {customerId: string, status: {enum: [GRANTED, DENIED]}}
      rules:
      """;

  /** The findings but gaps, for tests about something else than gaps. */
  private static List<Finding> withoutGaps(CheckReport report) {
    return report.findings().stream().filter(f -> f.kind() != Kind.GAP).toList();
  }

  private static CheckReport check(String rules) {
    return RulePackChecks.check(RulePacks.parse("p.yaml", HEADER + rules));
  }

  private static String rule(String id, String when, String then) {
    return "  - id: " + id + "\n    title: {en: R, zh-CN: 规则}\n    when:\n" + when
        + "    then:\n" + then;
  }

  private static final String EMIT_A = "      - emit: {action: A, customerId: $r.customerId}\n";
  private static final String EMIT_B = "      - emit: {action: B, customerId: $r.customerId}\n";

  private static String req(String constraints) {
    return "      - Req as r: " + constraints + "\n";
  }

  private static List<org.assertj.core.groups.Tuple> summary(CheckReport report) {
    return summary(report.findings());
  }

  private static List<org.assertj.core.groups.Tuple> summary(List<Finding> findings) {
    return findings.stream()
        .map(f -> tuple(f.kind(), f.severity(), f.ruleIds(), f.field(), f.args())).toList();
  }

  @Test
  void shouldFindNeverFiringRuleWhenNumericTestsContradict() {
    // when
    CheckReport report = check(rule("r1", req("{amount: {gt: 10, lt: 5}}"), EMIT_A));
    // then
    assertThat(summary(report)).containsExactly(tuple(Kind.NEVER_FIRES, Severity.ERROR,
        List.of("r1"), "amount", List.of("r1", "Req", "amount")));
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.findings().get(0).message()).isEqualTo("Rule 'r1' can never fire: the"
        + " tests on Req.amount contradict each other, no value passes them all. Correct or"
        + " remove a test.");
  }

  @Test
  void shouldFindNeverFiringRuleWhenIntegerRangeHasNoWholeNumber() {
    // when
    CheckReport report = check(rule("r1", req("{seats: {gt: 3, lt: 4}}"), EMIT_A)
        + rule("r2", req("{seats: {gt: 3, lt: 5}}"), EMIT_B));
    // then: 3 < seats < 4 holds for no integer, 3 < seats < 5 holds for 4
    assertThat(withoutGaps(report)).extracting(Finding::kind, Finding::ruleIds, Finding::field)
        .containsExactly(tuple(Kind.NEVER_FIRES, List.of("r1"), "seats"));
  }

  @Test
  void shouldResolveParametersWhenFindingContradictions() {
    // when: limit is 1000
    CheckReport report = check(
        rule("r1", req("{amount: {gt: $params.limit, lte: 500}}"), EMIT_A)
        + rule("r2", req("{amount: {gt: $params.limit, lte: 5000}}"), EMIT_B));
    // then
    assertThat(withoutGaps(report)).extracting(Finding::kind, Finding::ruleIds)
        .containsExactly(tuple(Kind.NEVER_FIRES, List.of("r1")));
  }

  @Test
  void shouldFindNeverFiringRuleWhenEnumTestsContradictInEveryAlternative() {
    // when
    CheckReport report = check(rule("r1",
        req("{all: [{channel: EMAIL}, {channel: {in: [SMS, VOICE]}}]}"), EMIT_A)
        + rule("r2", "      - exists: {Req: {vip: true, any: [{vip: false}]}}\n",
            "      - block: {reason: Never}\n")
        + rule("r3", req("{any: [{channel: EMAIL, amount: {lt: 0, gt: 0}}, {channel: SMS}]}"),
        EMIT_A));
    // then: r3 still fires through its second alternative
    assertThat(withoutGaps(report)).extracting(Finding::kind, Finding::ruleIds, Finding::field)
        .containsExactly(tuple(Kind.NEVER_FIRES, List.of("r1"), "channel"),
            tuple(Kind.NEVER_FIRES, List.of("r2"), "vip"));
  }

  @Test
  void shouldFindNeverFiringRuleWhenAggregateResultTestsContradict() {
    // when
    CheckReport report = check(rule("r1",
        "      - count: {of: Req, where: {channel: EMAIL}, is: {gt: 5, lt: 3}}\n",
        "      - block: {reason: Too many}\n"));
    // then
    assertThat(report.findings()).extracting(Finding::kind, Finding::factType, Finding::field)
        .containsExactly(tuple(Kind.NEVER_FIRES, "Req", "result"));
  }

  @Test
  void shouldFindSubsumedRuleWhenItsConditionsAndActionsLieInsideAnotherRule() {
    // when
    CheckReport report = check(rule("wide", req("{channel: {in: [EMAIL, SMS]}}"), EMIT_A)
        + rule("narrow", req("{channel: EMAIL, amount: {gt: 5}}"), EMIT_A));
    // then: reported once, as subsumed, not also as an overlap
    assertThat(summary(withoutGaps(report))).containsExactly(tuple(Kind.SUBSUMED, Severity.WARNING,
        List.of("narrow", "wide"), null, List.of("narrow", "wide")));
  }

  @Test
  void shouldNotReportSubsumedRuleWhenItTakesAnotherAction() {
    // when
    CheckReport report = check(rule("wide", req("{channel: {in: [EMAIL, SMS]}}"), EMIT_A)
        + rule("narrow", req("{channel: EMAIL, amount: {gt: 5}}"), EMIT_A + EMIT_B));
    // then: narrow still proposes B; A is proposed twice for those facts
    assertThat(withoutGaps(report)).extracting(Finding::kind, Finding::ruleIds, Finding::args)
        .containsExactly(tuple(Kind.OVERLAP, List.of("narrow", "wide"),
            List.of("narrow", "wide", "A", "Req")));
  }

  @Test
  void shouldFindOverlapWhenTwoRulesProposeTheSameActionForTheSameFacts() {
    // when
    CheckReport report = check(
        rule("r1", req("{channel: {in: [EMAIL, SMS]}}"), EMIT_A)
        + rule("r2", req("{channel: {in: [SMS, VOICE]}}"),
            "      - emit: {action: A, customerId: $r.customerId, note: other}\n")
        + rule("small", req("{amount: {lt: $params.limit}}"), EMIT_B)
        + rule("large", req("{amount: {gte: $params.limit}}"), EMIT_B));
    // then: small and large are exclusive
    assertThat(summary(report)).containsExactly(tuple(Kind.OVERLAP, Severity.WARNING,
        List.of("r2", "r1"), null, List.of("r2", "r1", "A", "Req")));
  }

  @Test
  void shouldFindConflictWhenOneRuleAllowsFactsThatAnotherBlocks() {
    // when
    CheckReport report = check(
        rule("allow-text", req("{channel: {in: [EMAIL, SMS]}}"),
            "      - allow: {reason: Text is fine}\n")
        + rule("block-phone", req("{channel: {in: [SMS, VOICE]}}"),
            "      - block: {reason: No phone}\n"));
    // then
    assertThat(summary(report)).containsExactly(tuple(Kind.CONFLICT, Severity.WARNING,
        List.of("allow-text", "block-phone"), null,
        List.of("allow-text", "block-phone", "Req")));
  }

  @Test
  void shouldReportErrorWhenEveryFactARuleAllowsIsBlocked() {
    // when
    CheckReport report = check(
        rule("block-all", req("{}"), "      - block: {reason: Closed}\n")
        + rule("allow-vip", req("{vip: true}"), "      - allow: {reason: VIP}\n"));
    // then
    assertThat(summary(report)).containsExactly(tuple(Kind.CONFLICT, Severity.ERROR,
        List.of("allow-vip", "block-all"), null, List.of("allow-vip", "block-all", "Req")));
    assertThat(report.errors()).hasSize(1);
    assertThat(report.forRule("block-all")).hasSize(1);
  }

  @Test
  void shouldNotCompareRulesWhoseOtherConditionsDiffer() {
    // when: both test Req, but their Consent conditions make them exclusive
    CheckReport report = check(
        rule("granted", req("{}")
            + "      - Consent: {customerId: $r.customerId, status: GRANTED}\n",
            "      - allow: {reason: Granted}\n")
        + rule("denied", req("{}")
            + "      - Consent: {customerId: $r.customerId, status: DENIED}\n",
            "      - block: {reason: Denied}\n"));
    // then
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void shouldFindGapWhenNoRuleCoversAnEnumValue() {
    // when
    CheckReport report = check(rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("sms", req("{channel: SMS}"), EMIT_B));
    // then
    assertThat(summary(report)).containsExactly(tuple(Kind.GAP, Severity.WARNING, List.of(),
        "channel", List.of("Req", "channel = VOICE")));
    assertThat(report.findings().get(0).message()).isEqualTo(
        "No rule fires for Req facts with channel = VOICE. Add a rule for these values if they"
            + " need a decision.");
  }

  @Test
  void shouldFindGapWhenNoRuleCoversANumericRange() {
    // when
    CheckReport report = check(rule("small", req("{amount: {lt: 100}}"), EMIT_A)
        + rule("large", req("{amount: {gt: $params.limit}}"), EMIT_B));
    // then
    assertThat(report.findings()).extracting(Finding::kind, Finding::field, Finding::args)
        .containsExactly(tuple(Kind.GAP, "amount", List.of("Req", "100 ≤ amount ≤ 1000")));
  }

  @Test
  void shouldFindNoGapWhenIntegerRangesMeetAtConsecutiveNumbers() {
    // when
    CheckReport report = check(rule("few", req("{seats: {lte: 3}}"), EMIT_A)
        + rule("many", req("{seats: {gte: 4}}"), EMIT_B));
    // then: seats is a whole number, so "≤ 3" and "≥ 4" leave nothing out
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void shouldFindGapInCombinationsOfFields() {
    // when
    CheckReport report = check(rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("large-other", req("{channel: {in: [SMS, VOICE]}, amount: {gte: 100}}"),
            EMIT_B));
    // then
    assertThat(report.findings()).extracting(Finding::kind, Finding::field, Finding::args)
        .containsExactly(tuple(Kind.GAP, "channel",
            List.of("Req", "channel ∈ {SMS, VOICE}, amount < 100")));
  }

  private static CheckReport check(String policy, String rules) {
    return RulePackChecks.check(RulePacks.parse("p.yaml",
        HEADER.replace("rules:\n", "hitPolicy: " + policy + "\nrules:\n") + rules));
  }

  private static String rule(String id, int priority, String when, String then) {
    return rule(id, when, then).replace("\n    when:", "\n    priority: " + priority
        + "\n    when:");
  }

  @Test
  void shouldReportARuleAnEarlierRuleCoversAsShadowedUnderFirst() {
    // when: the same rules as a collect pack would report as subsumed and overlapping
    CheckReport report = check("first",
        rule("all", req("{}"), EMIT_A)
        + rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("large", req("{amount: {gt: 100}}"), EMIT_B));
    // then: under first the earlier, wider rule wins everywhere
    assertThat(summary(report)).containsExactly(
        tuple(Kind.SHADOWED, Severity.ERROR, List.of("email", "all"), null,
            List.of("email", "all", "Req")),
        tuple(Kind.SHADOWED, Severity.ERROR, List.of("large", "all"), null,
            List.of("large", "all", "Req")));
    assertThat(report.findings().get(0).message()).isEqualTo("Rule 'email' can never fire:"
        + " the hit policy is first, and the earlier rule(s) 'all' match every Req fact it"
        + " matches. Move rule 'email' above them, narrow them, or remove rule 'email'.");
    assertThat(report.findings().get(0).message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
        "规则“email”永远不会触发：命中策略为 first，排在它前面的规则“all”会匹配它所匹配的每个 Req 事实。"
            + "请把规则“email”移到它们之前、收窄它们，或删除规则“email”。");
  }

  @Test
  void shouldReportNoOverlapSubsumptionOrConflictUnderFirstWhenTheNarrowRuleComesFirst() {
    // when: exceptions before the general rule, as in a first decision table
    CheckReport report = check("first",
        rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("vip-allowed", req("{vip: true}"), "      - allow: {reason: VIP}\n")
        + rule("block-all", req("{}"), "      - block: {reason: Closed}\n")
        + rule("all", req("{}"), EMIT_A));
    // then: the policy decides between them; only the last, fully covered rule is reported
    assertThat(summary(report)).containsExactly(tuple(Kind.SHADOWED, Severity.ERROR,
        List.of("all", "block-all"), null, List.of("all", "block-all", "Req")));
    // and the same rules under collect are reported as today
    CheckReport collect = check("collect",
        rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("vip-allowed", req("{vip: true}"), "      - allow: {reason: VIP}\n")
        + rule("block-all", req("{}"), "      - block: {reason: Closed}\n")
        + rule("all", req("{}"), EMIT_A));
    assertThat(collect.findings()).extracting(Finding::kind).containsExactly(
        Kind.SUBSUMED, Kind.CONFLICT);
    assertThat(collect.findings()).isEqualTo(check(
        rule("email", req("{channel: EMAIL}"), EMIT_A)
        + rule("vip-allowed", req("{vip: true}"), "      - allow: {reason: VIP}\n")
        + rule("block-all", req("{}"), "      - block: {reason: Closed}\n")
        + rule("all", req("{}"), EMIT_A)).findings());
  }

  @Test
  void shouldReportARuleEarlierRulesCoverTogetherAsShadowed() {
    // when: neither earlier rule covers 'mid' alone, together they cover every amount
    CheckReport report = check("first",
        rule("low", req("{amount: {lt: 50}}"), EMIT_A)
        + rule("high", req("{amount: {gte: 50}}"), EMIT_B)
        + rule("mid", req("{amount: {between: [10, 90]}}"), EMIT_A));
    // then
    assertThat(summary(report)).containsExactly(tuple(Kind.SHADOWED, Severity.ERROR,
        List.of("mid", "low", "high"), null, List.of("mid", "low, high", "Req")));
  }

  @Test
  void shouldNotReportARuleAsShadowedWhenAMissingValueIsLeftToIt() {
    // when: a Req without amount passes neither 'low' nor 'high'
    CheckReport report = check("first",
        rule("low", req("{amount: {lt: 50}}"), EMIT_A)
        + rule("high", req("{amount: {gte: 50}}"), EMIT_B)
        + rule("rest", req("{}"), EMIT_A));
    // then
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void shouldReportTheRuleThatLosesOnPriorityAsShadowed() {
    // when: the wide rule comes last but has the highest priority; ties go to the earlier rule
    CheckReport report = check("priority",
        rule("email", 1, req("{channel: EMAIL}"), EMIT_A)
        + rule("sms", 5, req("{channel: SMS}"), EMIT_A)
        + rule("sms-again", 5, req("{channel: SMS, vip: true}"), EMIT_B)
        + rule("texts", 3, req("{channel: {in: [EMAIL, SMS]}}"), EMIT_B));
    // then: 'email' loses to 'texts' (3 > 1), 'sms-again' to the earlier 'sms' (equal 5)
    assertThat(summary(report)).containsExactly(
        tuple(Kind.SHADOWED, Severity.ERROR, List.of("email", "texts"), null,
            List.of("email", "texts", "Req")),
        tuple(Kind.SHADOWED, Severity.ERROR, List.of("sms-again", "sms"), null,
            List.of("sms-again", "sms", "Req")),
        tuple(Kind.GAP, Severity.WARNING, List.of(), "channel",
            List.of("Req", "channel = VOICE")));
    assertThat(report.findings().get(0).message()).contains("hit policy is priority");
  }

  @Test
  void shouldNotLetARuleWithOtherConditionsShadowOne() {
    // when: 'granted' needs a Consent that 'any' does not
    CheckReport report = check("first",
        rule("granted", req("{}")
            + "      - Consent: {customerId: $r.customerId, status: GRANTED}\n", EMIT_A)
        + rule("any", req("{}"), EMIT_B));
    // then
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void shouldGiveEveryFindingInChineseWhenAsked() {
    // when
    CheckReport report = check(rule("r1", req("{amount: {gt: 10, lt: 5}}"), EMIT_A)
        + rule("email", req("{channel: EMAIL}"), EMIT_A));
    // then
    assertThat(report.findings()).extracting(f -> f.message(Locale.SIMPLIFIED_CHINESE))
        .containsExactly("规则“r1”永远不会触发：对 Req.amount 的各项测试相互矛盾，没有任何值能同时满足。"
            + "请修正或删除其中的测试。",
            "对 channel ∈ {SMS, VOICE} 的 Req 事实，没有任何规则触发。如这些取值也需要决策，请补充规则。");
  }

  @Test
  void shouldHaveEveryCheckTextInBothLanguages() throws Exception {
    // given
    java.util.Properties en = new java.util.Properties();
    java.util.Properties zh = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/dev/baton/engine/rulepack/checks.properties");
        var b = getClass().getResourceAsStream(
            "/dev/baton/engine/rulepack/checks_zh_CN.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    // then
    assertThat(zh.keySet()).isEqualTo(en.keySet());
    assertThat(en.keySet()).containsExactlyInAnyOrder("check.neverFires", "check.subsumed",
        "check.overlap", "check.conflict", "check.conflictAlways", "check.gap",
        "check.shadowedFirst", "check.shadowedPriority");
  }

  @Test
  void shouldFindNoErrorsAndTheseWarningsInTheShippedTemplates() {
    // when
    CheckReport ai = templates("ai-trigger");
    CheckReport cmi = templates("cmi-threshold");
    CheckReport consent = templates("consent-check");
    // then: the review reasons add up on purpose (the examples expect both actions), and the
    // gaps are values the templates leave alone on purpose (closed opportunities, events other
    // than a viewed financing plan, a customer who left the site)
    assertThat(summary(ai)).containsExactly(
        tuple(Kind.OVERLAP, Severity.WARNING,
            List.of("high-risk-human-review", "large-deal-human-review"), null,
            List.of("high-risk-human-review", "large-deal-human-review",
                "REQUIRE_HUMAN_REVIEW", "VisitRequest")),
        tuple(Kind.OVERLAP, Severity.WARNING,
            List.of("incomplete-visit-human-review", "large-deal-human-review"), null,
            List.of("incomplete-visit-human-review", "large-deal-human-review",
                "REQUIRE_HUMAN_REVIEW", "VisitRequest")),
        tuple(Kind.OVERLAP, Severity.WARNING,
            List.of("incomplete-visit-human-review", "high-risk-human-review"), null,
            List.of("incomplete-visit-human-review", "high-risk-human-review",
                "REQUIRE_HUMAN_REVIEW", "VisitRequest")),
        tuple(Kind.GAP, Severity.WARNING, List.of(), "stage",
            List.of("Opportunity", "stage ∈ {WON, LOST}")),
        tuple(Kind.GAP, Severity.WARNING, List.of(), "event",
            List.of("CustomerEvent", "event ∈ {BOOK_DEMO, REQUEST_QUOTE}")));
    assertThat(summary(cmi)).containsExactly(tuple(Kind.GAP, Severity.WARNING, List.of(),
        "onSite", List.of("WebSession", "onSite = false")));
    assertThat(consent.findings()).isEmpty();
  }

  private static CheckReport templates(String id) {
    return RulePackChecks.check(RulePacks.read(Path.of("../rule-packs", id)));
  }
}
