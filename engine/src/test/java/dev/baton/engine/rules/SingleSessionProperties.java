package dev.baton.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.Action;
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
import dev.baton.engine.rulepack.ValueType;
import dev.baton.engine.rules.internal.DroolsRulesEngine;
import java.math.BigDecimal;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * One Drools session per pipeline decides exactly what one session per pack decides: generated
 * pipelines of generated packs (actions proposed by one pack and vetoed, allowed or matched by
 * the next, scores carried from pack to pack, the same pack twice, input proposals and scores)
 * give equal decisions field by field — actions with their ids, vetoes, blocks, allows, scores,
 * fired rules with their matched facts in firing order, proofs and nearest misses.
 */
class SingleSessionProperties {
  private static final RulesEngine SINGLE = RulesEngine.create();
  private static final RulesEngine PER_PACK = DroolsRulesEngine.perPackSessions();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "VOICE");
  private static final FactType ALPHA = new FactType("Alpha", List.of(
      new FieldDef("s", FieldType.enumOf(List.of("X", "Y", "Z"))),
      new FieldDef("n", FieldType.of(ValueType.NUMBER)),
      new FieldDef("ch", FieldType.enumOf(CHANNELS)),
      new FieldDef("name", FieldType.of(ValueType.STRING))));
  private static final FactType BETA = new FactType("Beta", List.of(
      new FieldDef("s", FieldType.enumOf(List.of("X", "Y", "Z"))),
      new FieldDef("n", FieldType.of(ValueType.NUMBER)),
      new FieldDef("flag", FieldType.of(ValueType.BOOLEAN))));

  @Property(tries = 50)
  void shouldDecideLikeOneSessionPerPackWhenPipelineIsGenerated(
      @ForAll("pipelines") List<RulePack> pipeline, @ForAll("factSets") List<Fact> facts) {
    // given
    Evaluation evaluation = Evaluation.of(pipeline, facts, NOW).by("req-1", "tester");
    // when
    Decision single = SINGLE.evaluate(evaluation);
    Decision perPack = PER_PACK.evaluate(evaluation);
    // then
    assertThat(single.toJson()).isEqualTo(perPack.toJson());
    assertThat(single.nearestMisses()).isEqualTo(perPack.nearestMisses());
    assertThat(single).isEqualTo(perPack);
    Statistics.label("packs").collect(pipeline.size());
    Statistics.label("vetoes").collect(!single.vetoed().isEmpty());
  }

  @Provide
  Arbitrary<List<RulePack>> pipelines() {
    Arbitrary<List<RulePack>> distinct = Arbitraries.integers().between(1, 3)
        .flatMap(n -> {
          List<Arbitrary<RulePack>> packs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            packs.add(pack("gen-" + i));
          }
          return Combinators.combine(packs).as(List::copyOf);
        });
    // Now and then the same pack twice, or the first pack again at the end.
    return Combinators.combine(distinct, Arbitraries.integers().between(0, 4))
        .as((packs, repeat) -> {
          List<RulePack> out = new ArrayList<>(packs);
          if (repeat == 0) {
            out.add(packs.get(0));
          }
          return out;
        });
  }

  private Arbitrary<RulePack> pack(String id) {
    return Arbitraries.of(true, false).flatMap(scored -> rule(scored).list().ofMinSize(1)
        .ofMaxSize(4).map(rules -> {
          List<Rule> numbered = new ArrayList<>();
          for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            numbered.add(new Rule("r" + i, r.title(), r.priority(), r.when(), r.then()));
          }
          return new RulePack(id, "1.0.0", PackKind.CUSTOM, new LocalizedText("G", "生成"),
              null, List.of(), scored ? List.of("S") : List.of(), List.of(ALPHA, BETA),
              numbered);
        }));
  }

  /** A rule on an input fact, on an earlier pack's proposal, or on the score. */
  private Arbitrary<Rule> rule(boolean scored) {
    Arbitrary<List<Condition>> onAlpha = Combinators.combine(alphaTests().list().ofMaxSize(2),
        betaCondition()).as((tests, beta) -> List.of(
            new Condition.Pattern("Alpha", "a", new Constraint.All(tests)), beta));
    Arbitrary<List<Condition>> onProposal = Combinators.combine(proposalTests(),
        Arbitraries.of(true, false)).as((tests, join) -> join
            ? List.of(new Condition.Pattern("ProposedAction", "p", tests),
                new Condition.Pattern("Alpha", "a", test("ch", Operator.EQ,
                    new Operand.FieldRef("p", "channel"))))
            : List.of(new Condition.Pattern("ProposedAction", "p", tests),
                new Condition.Not(new Condition.Pattern("Alpha", null, test("ch",
                    Operator.EQ, new Operand.FieldRef("p", "channel"))))));
    Arbitrary<List<Condition>> onScore = Arbitraries.integers().between(0, 4).flatMap(k ->
        Arbitraries.of(true, false).map(not -> {
          Condition.Pattern score = new Condition.Pattern("Score", null, new Constraint.All(
              List.of(test("name", Operator.EQ, lit("S")),
                  test("value", Operator.GTE, lit(new BigDecimal(k))))));
          Condition.Pattern alpha = new Condition.Pattern("Alpha", "a", new Constraint.All(
              List.of()));
          return List.of(alpha, not ? new Condition.Not(score) : score);
        }));
    List<Tuple.Tuple2<Integer, Arbitrary<List<Condition>>>> whens = new ArrayList<>(List.of(
        Tuple.of(2, onAlpha), Tuple.of(3, onProposal)));
    if (scored) {
      whens.add(Tuple.of(1, onScore));
    }
    Arbitrary<List<Condition>> when = Arbitraries.frequencyOf(whens);
    return Combinators.combine(when, Arbitraries.integers().between(-2, 2))
        .flatAs((conditions, priority) -> {
          boolean proposal = conditions.get(0) instanceof Condition.Pattern p
              && p.type().equals("ProposedAction");
          boolean alpha = conditions.stream().anyMatch(c -> c instanceof Condition.Pattern p
              && "a".equals(p.binding()));
          // A rule that tests the score may not add to it (the pack would be refused).
          boolean testsScore = conditions.stream().anyMatch(c ->
              c instanceof Condition.Pattern p && p.type().equals("Score")
              || c instanceof Condition.Not n && n.pattern().type().equals("Score"));
          return action(scored && !testsScore, proposal, alpha).list().ofMinSize(1).ofMaxSize(2)
              .map(then -> new Rule("r", new LocalizedText("R", "规则"), priority, conditions,
                  then));
        });
  }

  private Arbitrary<Action> action(boolean scored, boolean proposal, boolean alpha) {
    Operand channel = alpha ? new Operand.FieldRef("a", "ch") : lit("SMS");
    Operand proof = proposal ? new Operand.FieldRef("p", "id")
        : alpha ? new Operand.FieldRef("a", "name") : lit("EV-1");
    List<Tuple.Tuple2<Integer, Arbitrary<Action>>> choices = new ArrayList<>(List.of(
        Tuple.of(3, Arbitraries.of("HIT", "PING").map(name ->
            new Action.Emit(name, Map.of("customerId", lit("C1"), "channel", channel,
                "actor", lit("AI"))))),
        Tuple.of(2, Arbitraries.just(new Action.Block("No", proof))),
        Tuple.of(1, Arbitraries.just(new Action.Allow("Yes", proof)))));
    if (scored) {
      choices.add(Tuple.of(1, Arbitraries.integers().between(1, 3).map(k ->
          new Action.Score("S", lit(new BigDecimal(k)), null))));
    }
    return Arbitraries.frequencyOf(choices);
  }

  private Arbitrary<Constraint> proposalTests() {
    return Arbitraries.oneOf(
        Arbitraries.of("HIT", "PING", "INPUT").map(a -> test("action", Operator.EQ, lit(a))),
        Arbitraries.just(test("actor", Operator.EQ, lit("AI"))),
        Arbitraries.of(CHANNELS).map(c -> test("channel", Operator.NE, lit(c))),
        Arbitraries.just(new Constraint.All(List.of())));
  }

  private Arbitrary<Constraint> alphaTests() {
    return Arbitraries.oneOf(
        Arbitraries.of("X", "Y", "Z").map(v -> test("s", Operator.EQ, lit(v))),
        Arbitraries.of(CHANNELS).map(v -> test("ch", Operator.EQ, lit(v))),
        Arbitraries.integers().between(-1, 3).flatMap(v -> Arbitraries.of(Operator.LT,
            Operator.GTE).map(op -> test("n", op, lit(new BigDecimal(v))))),
        Arbitraries.of("X", "Y").map(v -> (Constraint) new Constraint.Any(List.of(
            test("s", Operator.EQ, lit(v)), test("n", Operator.GT, lit(BigDecimal.ONE))))));
  }

  private Arbitrary<Condition> betaCondition() {
    Constraint sameS = test("s", Operator.EQ, new Operand.FieldRef("a", "s"));
    Constraint bigger = test("n", Operator.GTE, new Operand.FieldRef("a", "n"));
    Constraint flag = test("flag", Operator.EQ, lit(Boolean.TRUE));
    return Arbitraries.oneOf(
        Arbitraries.of(sameS, bigger, flag).map(c -> new Condition.Pattern("Beta", "b", c)),
        Arbitraries.of(sameS, bigger, flag).map(c ->
            new Condition.Not(new Condition.Pattern("Beta", null, c))),
        Arbitraries.of(sameS, bigger).map(c -> new Condition.AnyOf(List.of(
            new Condition.Pattern("Beta", null, c),
            new Condition.Pattern("Beta", null, flag)))));
  }

  @Provide
  Arbitrary<List<Fact>> factSets() {
    Arbitrary<Fact> alpha = Combinators.combine(
        Arbitraries.of("X", "Y", "Z").injectNull(0.2),
        Arbitraries.integers().between(-1, 3).injectNull(0.2),
        Arbitraries.of(CHANNELS).injectNull(0.2),
        Arbitraries.of("EV-a", "EV-b").injectNull(0.2))
        .as((s, n, ch, name) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          put(m, "s", s);
          put(m, "n", n == null ? null : new BigDecimal(n));
          put(m, "ch", ch);
          put(m, "name", name);
          return new Fact("Alpha", m);
        });
    Arbitrary<Fact> beta = Combinators.combine(
        Arbitraries.of("X", "Y", "Z").injectNull(0.2),
        Arbitraries.integers().between(-1, 3).injectNull(0.2),
        Arbitraries.of(true, false).injectNull(0.2))
        .as((s, n, flag) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          put(m, "s", s);
          put(m, "n", n == null ? null : new BigDecimal(n));
          put(m, "flag", flag);
          return new Fact("Beta", m);
        });
    Arbitrary<Fact> proposal = Arbitraries.of(CHANNELS).map(ch -> new Fact("ProposedAction",
        Map.of("action", "INPUT", "customerId", "C1", "channel", ch, "actor", "AI")));
    Arbitrary<Fact> score = Arbitraries.integers().between(0, 3).map(v -> new Fact("Score",
        Map.of("name", "S", "value", new BigDecimal(v))));
    return Combinators.combine(alpha.list().ofMaxSize(3), beta.list().ofMaxSize(2),
        proposal.list().ofMaxSize(2), score.list().ofMaxSize(1))
        .as((as, bs, ps, ss) -> {
          List<Fact> all = new ArrayList<>(as);
          all.addAll(bs);
          all.addAll(ps);
          all.addAll(ss);
          return all;
        });
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static Constraint test(String field, Operator op, Operand arg) {
    return new Constraint.Test(field, op, List.of(arg));
  }

  private static Operand lit(Object v) {
    return new Operand.Literal(v);
  }
}
