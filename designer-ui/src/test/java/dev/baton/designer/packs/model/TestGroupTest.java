package dev.baton.designer.packs.model;

import dev.baton.designer.i18n.ProblemTexts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any / all groups of field tests, aggregate filters and windows in the designer's tree: read,
 * written, validated by the engine's reader, saved through the pack YAML and evaluated.
 */
class TestGroupTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  static String packYaml() {
    try (InputStream in = TestGroupTest.class.getResourceAsStream("/packs/outreach-groups.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PackModel model() {
    return PackModel.of(RulePacks.parse("outreach-groups.yaml", packYaml()));
  }

  private static Map<String, Object> constraintOfFirstCondition(PackModel m, int rule) {
    return Conditions.constraintOf(Conditions.patternOf(m.when(rule).get(0)));
  }

  /** channel = VOICE or (dealSize > 1000 and channel = EMAIL). */
  private static TestGroup voiceOrBigEmail() {
    TestGroup any = new TestGroup(true, List.of());
    any.addTest(new FieldTest("channel", "eq", "VOICE"));
    TestGroup all = any.addGroup(new FieldTest("dealSize", "gt", 1000));
    all.addTest(new FieldTest("channel", "eq", "EMAIL"));
    return any;
  }

  private static Fact request(String customer, String channel, String actor, int dealSize) {
    return new Fact("OutreachRequest", Map.of("customerId", customer, "channel", channel,
        "actor", actor, "dealSize", dealSize));
  }

  private static Fact signal(String customer, String kind, String at) {
    return new Fact("BehaviourSignal", Map.of("customerId", customer, "kind", kind,
        "occurredAt", at));
  }

  private static List<String> fired(RulePack pack, Fact... facts) {
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(pack), List.of(facts), NOW));
    return d.firedRuleIds();
  }

  @Test
  void shouldReadTheSameGroupWhenANestedGroupIsWrittenIntoAConstraint() {
    // given
    Map<String, Object> constraint = new LinkedHashMap<>();
    constraint.put("actor", "AI");
    TestGroup group = voiceOrBigEmail();
    // when
    TestGroup.write(constraint, group);
    // then
    assertThat(constraint).containsOnlyKeys("actor", "any");
    assertThat(constraint.get("any")).isEqualTo(List.of(Map.of("channel", "VOICE"),
        Map.of("all", List.of(Map.of("dealSize", Map.of("gt", 1000)),
            Map.of("channel", "EMAIL")))));
    assertThat(TestGroup.read(constraint)).contains(group);
    assertThat(FieldTest.read(constraint)).containsExactly(new FieldTest("actor", "eq", "AI"));
    assertThat(group.depth()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheGroupWhenFieldTestsOfTheSameConstraintAreRewritten() {
    // given
    Map<String, Object> constraint = new LinkedHashMap<>();
    TestGroup.write(constraint, voiceOrBigEmail());
    // when
    FieldTest.write(constraint, List.of(new FieldTest("actor", "eq", "HUMAN")));
    // then
    assertThat(TestGroup.read(constraint)).contains(voiceOrBigEmail());
    assertThat(constraint.get("actor")).isEqualTo("HUMAN");
  }

  @Test
  void shouldReadTheEnginesCanonicalFormWhenABranchHoldsSeveralTests() {
    // given: how the engine writes "an all inside an any", and both keys in one map
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("any", List.of(Map.of("channel", "VOICE"),
        new LinkedHashMap<>(Map.of("dealSize", Map.of("gt", 1000)))));
    ((Map<String, Object>) ((List<?>) canonical.get("any")).get(1)).put("channel", "EMAIL");
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("any", List.of(Map.of("channel", "VOICE"), Map.of("channel", "SMS")));
    both.put("all", List.of(Map.of("actor", "AI")));
    // when
    TestGroup read = TestGroup.read(canonical).orElseThrow();
    TestGroup readBoth = TestGroup.read(both).orElseThrow();
    // then
    assertThat(read).isEqualTo(voiceOrBigEmail());
    assertThat(readBoth.any()).isFalse();
    assertThat(readBoth.members()).hasSize(2);
    assertThat(readBoth.members().get(0)).isInstanceOf(TestGroup.class);
    assertThat(readBoth.members().get(1))
        .isEqualTo(new GroupMember.Test(new FieldTest("actor", "eq", "AI")));
  }

  @Test
  void shouldRemoveTheGroupKeysWhenNoGroupIsWritten() {
    // given
    Map<String, Object> constraint = new LinkedHashMap<>();
    constraint.put("actor", "AI");
    TestGroup.write(constraint, voiceOrBigEmail());
    // when
    TestGroup.write(constraint, null);
    // then
    assertThat(constraint).containsOnlyKeys("actor");
    assertThat(TestGroup.read(constraint)).isEmpty();
  }

  @Test
  void shouldSaveAndEvaluateANestedAnyGroupWhenTheEngineReadsThePack() {
    // given: rule ai-outreach fires only for VOICE, or EMAIL above 1000
    PackModel m = model();
    TestGroup.write(constraintOfFirstCondition(m, 0), voiceOrBigEmail());
    // when
    List<Problem> problems = m.validate();
    RulePack pack = m.toPack();
    // then: the engine holds exactly actor = AI and any(channel = VOICE, all(dealSize > 1000,
    // channel = EMAIL))
    assertThat(problems).isEmpty();
    Condition.Pattern p = (Condition.Pattern) pack.rules().get(0).when().get(0);
    Constraint.All top = (Constraint.All) p.constraint();
    assertThat(top.parts()).hasSize(2);
    Constraint.Any any = (Constraint.Any) top.parts().get(1);
    assertThat(any.parts()).hasSize(2);
    assertThat(((Constraint.Test) any.parts().get(0)).field()).isEqualTo("channel");
    Constraint.All inner = (Constraint.All) any.parts().get(1);
    assertThat(inner.parts()).extracting(c -> ((Constraint.Test) c).operator())
        .containsExactly(Operator.GT, Operator.EQ);
    // and it evaluates as built
    assertThat(fired(pack, request("C1", "VOICE", "AI", 10))).containsExactly("ai-outreach");
    assertThat(fired(pack, request("C2", "EMAIL", "AI", 5000))).containsExactly("ai-outreach");
    assertThat(fired(pack, request("C3", "EMAIL", "AI", 500))).isEmpty();
    assertThat(fired(pack, request("C4", "SMS", "AI", 5000))).isEmpty();
    assertThat(fired(pack, request("C5", "VOICE", "HUMAN", 10))).isEmpty();
  }

  @Test
  void shouldKeepTheMeaningWhenASavedPackIsOpenedAgain() {
    // given
    PackModel m = model();
    TestGroup.write(constraintOfFirstCondition(m, 0), voiceOrBigEmail());
    RulePack saved = m.toPack();
    // when: the designer opens the saved pack (the engine's canonical layout)
    PackModel reopened = PackModel.of(saved);
    // then: the same group, the same pack
    assertThat(TestGroup.read(constraintOfFirstCondition(reopened, 0)))
        .contains(voiceOrBigEmail());
    assertThat(RulePacks.contentHash(reopened.toPack())).isEqualTo(RulePacks.contentHash(saved));
  }

  @Test
  void shouldShowTheEmptyGroupProblemWhenAGroupHasNoMember() {
    // given
    PackModel m = model();
    constraintOfFirstCondition(m, 0).put("any", new ArrayList<>());
    // when
    List<Problem> problems = m.validate();
    // then
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).startsWith("rules[0].when[0]");
      assertThat(ProblemTexts.text(p, new Texts(Messages.ZH_CN))).contains("至少需要一个判断");
    });
  }

  @Test
  void shouldCountOnlyFilteredFactsInTheWindowWhenTheAggregateHasWhereAndWithin() {
    // given: two downloads of the same customer in the last 7 days
    PackModel m = model();
    Map<String, Object> body = Conditions.aggregateOf(m.when(1).get(1));
    Map<String, Object> where = Aggregates.where(body);
    FieldTest.write(where, List.of(new FieldTest("customerId", "eq", "$req.customerId"),
        new FieldTest("kind", "eq", "DOWNLOAD")));
    Aggregates.setWindow(body, new Aggregates.Window("occurredAt", "P7D"));
    // when
    RulePack pack = m.toPack();
    // then
    assertThat(m.validate()).isEmpty();
    assertThat(new ArrayList<>(body.keySet())).containsExactly("of", "where", "within", "is");
    Condition.Aggregate agg = (Condition.Aggregate) pack.rules().get(1).when().get(1);
    assertThat(agg.window().field()).isEqualTo("occurredAt");
    Fact req = request("C1", "EMAIL", "HUMAN", 1);
    assertThat(fired(pack, req, signal("C1", "DOWNLOAD", "2026-11-26T09:00:00Z"),
        signal("C1", "DOWNLOAD", "2026-11-22T09:00:00Z"))).containsExactly("engaged-customer");
    // one is too old, one is another kind, one is another customer
    assertThat(fired(pack, req, signal("C1", "DOWNLOAD", "2026-11-26T09:00:00Z"),
        signal("C1", "DOWNLOAD", "2026-11-01T09:00:00Z"), signal("C1", "VISIT",
            "2026-11-26T09:00:00Z"), signal("C2", "DOWNLOAD", "2026-11-26T09:00:00Z")))
        .isEmpty();
  }

  @Test
  void shouldPutTheProblemOnTheAggregateWhenTheWindowIsNotPositive() {
    // given
    PackModel m = model();
    Map<String, Object> body = Conditions.aggregateOf(m.when(1).get(1));
    // when
    Aggregates.setWindow(body, new Aggregates.Window("occurredAt", Durations.iso(0, "D")));
    List<Problem> problems = m.validate();
    // then
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("rules[1].when[1].count.within.last");
      assertThat(ProblemTexts.text(p, new Texts(Messages.ZH_CN))).contains("不是正的时长")
          .contains("30 天");
    });
    // when the window is removed
    Aggregates.setWindow(body, null);
    // then
    assertThat(m.validate()).isEmpty();
    assertThat(body).doesNotContainKey("within");
  }

  @Test
  void shouldAddAWindowAndAFilterTestWhenPaletteItemsAreAddedToAnAggregate() {
    // given
    PackModel m = model();
    List<Object> when = m.when(1);
    Object aggregate = when.get(1);
    PaletteItem window = PaletteItem.of(PaletteItem.Kind.TIME_WINDOW);
    PaletteItem kind = new PaletteItem(PaletteItem.Kind.FIELD, "BehaviourSignal", "kind");
    String before = m.toYaml();
    // when: asked whether they fit, nothing changes
    boolean fitsWindow = Blocks.fits(m, when, 1, aggregate, window);
    boolean fitsField = Blocks.fits(m, when, 1, aggregate, kind);
    // then
    assertThat(fitsWindow).isTrue();
    assertThat(fitsField).isTrue();
    assertThat(m.toYaml()).isEqualTo(before);
    // when
    Blocks.addToCondition(m, when, 1, aggregate, window);
    Blocks.addToCondition(m, when, 1, aggregate, kind);
    // then
    Map<String, Object> body = Conditions.aggregateOf(aggregate);
    assertThat(Aggregates.window(body)).contains(new Aggregates.Window("occurredAt", "P30D"));
    assertThat(FieldTest.read(Aggregates.where(body)))
        .containsExactly(new FieldTest("kind", "eq", null));
    assertThat(Blocks.fits(m, when, 1, aggregate, window)).isFalse();
    // a field of an earlier bound fact binds the filter's same-named field to it
    assertThat(Blocks.addToCondition(m, when, 1, aggregate,
        new PaletteItem(PaletteItem.Kind.FIELD, "OutreachRequest", "customerId"))).isTrue();
    assertThat(FieldTest.read(Aggregates.where(body))).endsWith(
        new FieldTest("customerId", "eq", "$req.customerId"));
    // but not a field of a type bound nowhere before
    assertThat(Blocks.fits(m, when, 0, when.get(0),
        new PaletteItem(PaletteItem.Kind.FIELD, "BehaviourSignal", "kind"))).isFalse();
  }

  @Test
  void shouldShowADurationInItsLargestExactUnitWhenItIsSplit() {
    // given / when / then
    assertThat(Durations.split("P30D")).contains(new Durations.Amount(30, "D"));
    assertThat(Durations.split("PT3M")).contains(new Durations.Amount(3, "M"));
    assertThat(Durations.split("P1DT2H")).contains(new Durations.Amount(26, "H"));
    assertThat(Durations.split("PT90S")).contains(new Durations.Amount(90, "S"));
    assertThat(Durations.split("P2W")).contains(new Durations.Amount(14, "D"));
    assertThat(Durations.split("soon")).isEmpty();
    assertThat(Durations.iso(26, "H")).isEqualTo("PT26H");
    assertThat(Durations.split(Durations.iso(45, "S"))).contains(new Durations.Amount(45, "S"));
  }
}
