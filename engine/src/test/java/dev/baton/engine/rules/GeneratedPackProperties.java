package dev.baton.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.PackKind;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rulepack.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated packs: every valid pack compiles to DRL that Drools accepts, survives a round trip
 * through its canonical form, and Drools and the explainer agree on which rules match.
 */
class GeneratedPackProperties {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final FactType A = new FactType("Alpha", List.of(
      new FieldDef("s", FieldType.enumOf(List.of("X", "Y", "Z"))),
      new FieldDef("n", FieldType.of(ValueType.NUMBER)),
      new FieldDef("i", FieldType.of(ValueType.INTEGER)),
      new FieldDef("t", FieldType.of(ValueType.DATETIME)),
      new FieldDef("d", FieldType.of(ValueType.DATE)),
      new FieldDef("tags", FieldType.listOf(ValueType.STRING)),
      new FieldDef("name", FieldType.of(ValueType.STRING))));
  private static final FactType B = new FactType("Beta", List.of(
      new FieldDef("s", FieldType.enumOf(List.of("X", "Y", "Z"))),
      new FieldDef("n", FieldType.of(ValueType.NUMBER)),
      new FieldDef("flag", FieldType.of(ValueType.BOOLEAN))));

  @Property(tries = 40)
  void shouldCompileAndAgreeWithExplainerWhenPackIsGenerated(
      @ForAll("packs") RulePack pack, @ForAll("factSets") List<Fact> facts) {
    // given
    RulePack read = RulePacks.parse("gen.json", RulePacks.toJson(pack));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(read), facts, NOW));
    // then
    assertThat(RulePacks.canonicalJson(read)).isEqualTo(RulePacks.canonicalJson(pack));
    assertThat(d.nearestMisses()).allSatisfy(m -> {
      assertThat(m.condition()).as(m.explanation() + "\n" + ENGINE.drl(read)).isPositive();
    });
    assertThat(d.firedRuleIds().size() + d.nearestMisses().size())
        .isEqualTo(read.rules().size());
  }

  @Provide
  Arbitrary<List<Fact>> factSets() {
    Arbitrary<Fact> alpha = Combinators.combine(
        Arbitraries.of("X", "Y", "Z").injectNull(0.2),
        Arbitraries.integers().between(-3, 5).injectNull(0.2),
        Arbitraries.integers().between(-3, 5).injectNull(0.2),
        Arbitraries.integers().between(-10, 10).injectNull(0.2),
        Arbitraries.of("a", "b", "ab").list().ofMaxSize(2).injectNull(0.2),
        Arbitraries.of("ab", "ba", "").injectNull(0.2))
        .as((s, n, i, minutes, tags, name) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          put(m, "s", s);
          put(m, "n", n == null ? null : new BigDecimal(n));
          put(m, "i", i == null ? null : new BigDecimal(i));
          put(m, "t", minutes == null ? null : NOW.plus(Duration.ofMinutes(minutes)).toString());
          put(m, "d", minutes == null ? null : "2026-11-" + (20 + minutes / 2));
          put(m, "tags", tags);
          put(m, "name", name);
          return new Fact("Alpha", m);
        });
    Arbitrary<Fact> beta = Combinators.combine(
        Arbitraries.of("X", "Y", "Z").injectNull(0.2),
        Arbitraries.integers().between(-3, 5).injectNull(0.2),
        Arbitraries.of(true, false).injectNull(0.2))
        .as((s, n, flag) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          put(m, "s", s);
          put(m, "n", n == null ? null : new BigDecimal(n));
          put(m, "flag", flag);
          return new Fact("Beta", m);
        });
    return Combinators.combine(alpha.list().ofMaxSize(3), beta.list().ofMaxSize(3))
        .as((as, bs) -> {
          List<Fact> all = new ArrayList<>(as);
          all.addAll(bs);
          return all;
        });
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  @Provide
  Arbitrary<RulePack> packs() {
    return rule().list().ofMinSize(1).ofMaxSize(4).map(rules -> {
      List<Rule> numbered = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        Rule r = rules.get(i);
        numbered.add(new Rule("r" + i, r.title(), r.priority(), r.when(), r.then()));
      }
      return new RulePack("gen", "1.0.0", PackKind.CUSTOM, new LocalizedText("G", "生成"), null,
          List.of(), List.of(), List.of(A, B), numbered);
    });
  }

  private Arbitrary<Rule> rule() {
    return Combinators.combine(alphaTests().list().ofMaxSize(3), betaCondition(),
        Arbitraries.integers().between(-5, 5))
        .as((tests, second, priority) -> new Rule("r", new LocalizedText("R", "规则"), priority,
            List.of(new Condition.Pattern("Alpha", "a", new Constraint.All(tests)), second),
            List.of(new Action.Emit("HIT", Map.of("value", new Operand.FieldRef("a", "n"))))));
  }

  private Arbitrary<Constraint> alphaTests() {
    return Arbitraries.oneOf(
        Arbitraries.of("X", "Y", "Z").map(v -> test("s", Operator.EQ, lit(v))),
        Arbitraries.of("X", "Y").map(v -> test("s", Operator.NE, lit(v))),
        Arbitraries.integers().between(-2, 4).flatMap(v -> Arbitraries.of(Operator.LT,
            Operator.LTE, Operator.GT, Operator.GTE).map(op -> test("n", op,
            lit(new BigDecimal(v))))),
        Arbitraries.integers().between(-2, 4).map(v -> new Constraint.Test("i",
            Operator.BETWEEN, List.of(lit(Long.valueOf(v)), lit(Long.valueOf(v + 2)))) ),
        Arbitraries.of("a", "b").map(v -> test("tags", Operator.CONTAINS, lit(v))),
        Arbitraries.of("a", "b").map(v -> test("name", Operator.STARTS_WITH, lit(v))),
        Arbitraries.of(Operator.EMPTY, Operator.NOT_EMPTY).flatMap(op -> Arbitraries.of("tags",
            "name", "n", "t").map(f -> (Constraint) new Constraint.Test(f, op, List.of()))),
        Arbitraries.integers().between(1, 8).map(m -> test("t", Operator.OLDER_THAN,
            lit(Duration.ofMinutes(m)))),
        Arbitraries.integers().between(1, 8).map(m -> test("t", Operator.WITHIN_LAST,
            lit(Duration.ofMinutes(m)))),
        Arbitraries.integers().between(1, 4).map(days -> test("d", Operator.WITHIN_LAST,
            lit(Duration.ofDays(days)))),
        Arbitraries.just(test("t", Operator.LT, new Operand.Now())),
        Arbitraries.of("X", "Y").map(v -> new Constraint.Test("s", Operator.IN,
            List.of(lit(v), lit("Z")))),
        Arbitraries.of("X", "Y").map(v -> (Constraint) new Constraint.Any(List.of(
            test("s", Operator.EQ, lit(v)), test("n", Operator.GT, lit(new BigDecimal(1)))))));
  }

  private Arbitrary<Condition> betaCondition() {
    Constraint sameS = test("s", Operator.EQ, new Operand.FieldRef("a", "s"));
    Constraint bigger = test("n", Operator.GTE, new Operand.FieldRef("a", "n"));
    Constraint flag = test("flag", Operator.EQ, lit(Boolean.TRUE));
    return Arbitraries.oneOf(
        Arbitraries.of(sameS, bigger, flag).map(c -> new Condition.Pattern("Beta", "b", c)),
        Arbitraries.of(sameS, bigger, flag).map(c ->
            new Condition.Not(new Condition.Pattern("Beta", null, c))),
        Arbitraries.of(sameS, bigger, flag).map(c ->
            new Condition.Exists(new Condition.Pattern("Beta", null, c))),
        Arbitraries.of(sameS, bigger).map(c -> new Condition.AnyOf(List.of(
            new Condition.Pattern("Beta", null, c),
            new Condition.Pattern("Beta", null, flag)))),
        Arbitraries.of(AggregateFunction.values()).flatMap(fn ->
            Arbitraries.integers().between(0, 3).map(k -> new Condition.Aggregate(fn, "Beta",
                fn == AggregateFunction.COUNT ? null : "n", new Constraint.All(List.of()), null,
                List.of(new Constraint.Test("result", Operator.GTE,
                    List.of(lit(new BigDecimal(k))))), "agg"))));
  }

  private static Constraint test(String field, Operator op, Operand arg) {
    return new Constraint.Test(field, op, List.of(arg));
  }

  private static Operand lit(Object v) {
    return new Operand.Literal(v);
  }
}
