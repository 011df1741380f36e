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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The static checks against the engine on random packs: rules of random tests on a number, an
 * integer and an enumeration field, evaluated on a grid of facts that has a value in every piece
 * the checks cut the fields into. A rule the checks say can never fire fires for no fact, every
 * other rule fires for some fact, and some fact fires no rule exactly when the checks report a
 * gap (unless no rule can fire at all); two rules proposing the same action are reported as
 * overlapping (or one subsumed) exactly when some fact fires both. Packs come with each hit
 * policy: under first and priority (random priorities) each fact is evaluated on its own, since
 * at most one rule fires per evaluation, facts without a field are added, a rule fires for some
 * fact exactly when the checks call it neither never-firing nor shadowed, and no overlap,
 * subsumption or conflict is reported.
 */
class RulePackChecksProperties {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "VOICE");
  /** The facts with every field: each channel, 15 amounts, 9 seats. */
  private static final int GRID = CHANNELS.size() * 15 * 9;

  @Property(tries = 40)
  void shouldAgreeWithTheEngineOnWhichRulesCanFireAndWhetherThereIsAGap(
      @ForAll("rules") List<String> rules, @ForAll("policies") String policy,
      @ForAll("priorities") List<Integer> priorities) {
    // given
    StringBuilder yaml = new StringBuilder("""
        id: t
        version: 1.0.0
        kind: custom
        title: {en: T, zh-CN: 测试}
        hitPolicy: %s
        facts:
          Req: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE]}, amount: number, seats: integer}
        rules:
        """.formatted(policy));
    for (int i = 0; i < rules.size(); i++) {
      yaml.append("  - id: r").append(i).append("\n    title: {en: R, zh-CN: 规则}\n")
          .append("    priority: ").append(priorities.get(i)).append('\n')
          .append("    when:\n      - Req as r: ").append(rules.get(i)).append('\n')
          .append("    then:\n      - emit: {action: A").append(i % 2)
          .append(", customerId: $r.customerId}\n");
    }
    RulePack pack = RulePacks.parse("p.yaml", yaml.toString());
    List<Fact> facts = new ArrayList<>();
    for (String channel : CHANNELS) {
      for (int twice = -2; twice <= 12; twice++) {
        for (int seats = -1; seats <= 7; seats++) {
          facts.add(new Fact("Req", Map.of("customerId", "C" + facts.size(), "channel", channel,
              "amount", BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2)),
              "seats", seats)));
        }
      }
    }
    boolean singleHit = !policy.equals("collect");
    if (singleHit) {
      // and every combination with some fields missing
      List<String> channels = new ArrayList<>(CHANNELS);
      channels.add(null);
      for (String channel : channels) {
        for (int twice = -2; twice <= 13; twice++) {
          for (int seats = -1; seats <= 8; seats++) {
            if (channel != null && twice <= 12 && seats <= 7) {
              continue;
            }
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("customerId", "C" + facts.size());
            if (channel != null) {
              values.put("channel", channel);
            }
            if (twice <= 12) {
              values.put("amount", BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2)));
            }
            if (seats <= 7) {
              values.put("seats", seats);
            }
            facts.add(new Fact("Req", values));
          }
        }
      }
    }
    // when
    CheckReport report = RulePackChecks.check(pack);
    if (singleHit) {
      singleHit(rules, facts, pack, report);
      return;
    }
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), facts, NOW));
    // then
    Set<String> neverFires = new HashSet<>();
    report.findings().stream().filter(f -> f.kind() == Finding.Kind.NEVER_FIRES)
        .forEach(f -> neverFires.add(f.ruleId()));
    Set<String> fired = new HashSet<>(d.firedRuleIds());
    for (int i = 0; i < rules.size(); i++) {
      String id = "r" + i;
      assertThat(fired.contains(id)).as(id + ": " + rules.get(i) + " " + report.findings())
          .isEqualTo(!neverFires.contains(id));
    }
    Set<Integer> matched = new HashSet<>();
    d.fired().forEach(f -> f.matched().forEach(m -> matched.add(m.index())));
    boolean someFactFiresNothing = matched.size() < facts.size();
    boolean gapReported = report.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.GAP);
    // rules r0 and r2 propose the same action: their overlap or subsumption is reported exactly
    // when some fact fires both, and a subsumed rule fires only where the other one does
    Map<String, Set<Integer>> factsOf = new java.util.HashMap<>();
    d.fired().forEach(f -> f.matched().forEach(m ->
        factsOf.computeIfAbsent(f.rule(), k -> new HashSet<>()).add(m.index())));
    if (rules.size() == 3) {
      Set<Integer> both = new HashSet<>(factsOf.getOrDefault("r0", Set.of()));
      both.retainAll(factsOf.getOrDefault("r2", Set.of()));
      boolean reported = report.findings().stream().anyMatch(f ->
          (f.kind() == Finding.Kind.OVERLAP || f.kind() == Finding.Kind.SUBSUMED)
              && f.ruleIds().containsAll(List.of("r0", "r2")));
      assertThat(reported).as(rules + " " + report.findings()).isEqualTo(!both.isEmpty());
    }
    report.findings().stream().filter(f -> f.kind() == Finding.Kind.SUBSUMED).forEach(f ->
        assertThat(factsOf.getOrDefault(f.ruleIds().get(1), Set.of()))
            .as(rules + " " + f).containsAll(factsOf.getOrDefault(f.ruleId(), Set.of())));
    if (neverFires.size() == rules.size()) {
      // no rule can fire: the errors say so, and a gap of "every value" would add nothing
      assertThat(someFactFiresNothing).isTrue();
      assertThat(gapReported).isFalse();
    } else {
      assertThat(gapReported).as(rules + " " + report.findings())
          .isEqualTo(someFactFiresNothing);
    }
  }

  /** First or priority: one evaluation per fact, each firing at most one rule. */
  private static void singleHit(List<String> rules, List<Fact> facts, RulePack pack,
      CheckReport report) {
    Set<String> fired = new HashSet<>();
    boolean someFactFiresNothing = false;
    boolean gridFactFiresNothing = false;
    for (int i = 0; i < facts.size(); i++) {
      Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(facts.get(i)), NOW));
      assertThat(d.firedRuleIds()).as(facts.get(i) + " " + rules).hasSizeLessThanOrEqualTo(1);
      fired.addAll(d.firedRuleIds());
      someFactFiresNothing |= d.firedRuleIds().isEmpty();
      // the facts with every field present: missing fields are left to empty rules, no gap
      gridFactFiresNothing |= i < GRID && d.firedRuleIds().isEmpty();
    }
    Set<String> cannotFire = new HashSet<>();
    report.findings().stream().filter(f -> f.kind() == Finding.Kind.NEVER_FIRES
        || f.kind() == Finding.Kind.SHADOWED).forEach(f -> cannotFire.add(f.ruleId()));
    for (int i = 0; i < rules.size(); i++) {
      String id = "r" + i;
      assertThat(fired.contains(id)).as(pack.hitPolicy() + " " + id + ": " + rules + " "
          + pack.rules().stream().map(r -> r.priority()).toList() + " " + report.findings())
          .isEqualTo(!cannotFire.contains(id));
    }
    assertThat(report.findings()).extracting(Finding::kind).doesNotContain(
        Finding.Kind.OVERLAP, Finding.Kind.SUBSUMED, Finding.Kind.CONFLICT);
    boolean gapReported = report.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.GAP);
    if (report.findings().stream().filter(f -> f.kind() == Finding.Kind.NEVER_FIRES).count()
        < rules.size()) {
      assertThat(gapReported).as(rules + " " + report.findings())
          .isEqualTo(gridFactFiresNothing);
    } else {
      assertThat(someFactFiresNothing).isTrue();
      assertThat(gapReported).isFalse();
    }
  }

  @Provide
  Arbitrary<String> policies() {
    return Arbitraries.of("collect", "first", "priority");
  }

  @Provide
  Arbitrary<List<Integer>> priorities() {
    return Arbitraries.integers().between(0, 2).list().ofSize(3);
  }

  @Provide
  Arbitrary<List<String>> rules() {
    Arbitrary<String> amount = test("amount", List.of("lt", "lte", "gt", "gte", "eq", "ne"),
        Arbitraries.integers().between(0, 5));
    Arbitrary<String> seats = test("seats", List.of("lt", "lte", "gt", "gte", "eq", "ne"),
        Arbitraries.integers().between(0, 5));
    Arbitrary<String> channel = Arbitraries.of(CHANNELS).set().ofMinSize(1).ofMaxSize(3)
        .map(s -> "channel: {in: [" + String.join(", ", s) + "]}");
    Arbitrary<String> between = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 5)).as((a, b) -> "amount: {between: ["
        + Math.min(a, b) + ", " + Math.max(a, b) + "]}");
    Arbitrary<String> part = Arbitraries.oneOf(amount, seats, channel, between);
    // tests of one field in one map would be a duplicate key: each test is its own map in an all
    Arbitrary<String> rule = part.list().ofMinSize(0).ofMaxSize(3).map(parts -> parts.isEmpty()
        ? "{}" : "{all: [" + String.join(", ", parts.stream().map(p -> "{" + p + "}").toList())
        + "]}");
    Arbitrary<String> anyRule = Combinators.combine(rule, rule).as((a, b) ->
        "{any: [" + a + ", " + b + "]}");
    return Arbitraries.oneOf(rule, rule, anyRule).list().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<String> test(String field, List<String> ops,
      Arbitrary<Integer> values) {
    return Combinators.combine(Arbitraries.of(ops), values)
        .as((op, v) -> field + ": {" + op + ": " + v + "}");
  }
}
