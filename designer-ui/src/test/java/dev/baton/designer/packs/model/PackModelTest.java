package dev.baton.designer.packs.model;

import dev.baton.designer.i18n.ProblemTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The designer's pack tree and its blocks, without a browser. */
class PackModelTest {
  private final TemplateCatalogue catalogue = new TemplateCatalogue();

  private PackModel consent() {
    return PackModel.of(catalogue.packs().get("consent-check"));
  }

  @Test
  void shouldKeepTheContentHashWhenATemplateRoundTripsThroughTheTree() {
    // given
    for (RulePack pack : catalogue.pipeline()) {
      // when
      RulePack back = PackModel.of(pack).toPack();
      // then
      assertThat(RulePacks.contentHash(back)).isEqualTo(RulePacks.contentHash(pack));
    }
  }

  @Test
  void shouldReportAProblemOnTheNewBlockWhenAComparisonIsDroppedWithoutValue() {
    // given
    PackModel m = consent();
    int rule = 0;
    // when
    Blocks.addToRule(m, rule, PaletteItem.of(PaletteItem.Kind.COMPARISON));
    List<Problem> problems = m.validate();
    // then
    int index = m.when(rule).size() - 1;
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).startsWith("rules[0].when[" + index + "]");
    assertThat(problems.get(0).message()).contains("found nothing");
  }

  @Test
  void shouldBecomeValidWhenTheValueOfTheNewTestIsSet() {
    // given
    PackModel m = consent();
    Blocks.addToRule(m, 0, PaletteItem.of(PaletteItem.Kind.COMPARISON));
    Map<String, Object> pattern = Conditions.patternOf(m.when(0).get(m.when(0).size() - 1));
    Map<String, Object> constraint = Conditions.constraintOf(pattern);
    // when
    FieldTest.write(constraint, List.of(new FieldTest("channel", "eq", "VOICE")));
    // then
    assertThat(m.validate()).isEmpty();
    assertThat(m.toYaml()).contains("channel: VOICE");
  }

  @Test
  void shouldBindTheSameNamedFieldWhenAFieldOfAnEarlierBindingIsDroppedOnACondition() {
    // given: rule 0 binds OutreachRequest as req, then a Consent pattern
    PackModel m = consent();
    Map<String, Object> consent = Conditions.pattern("Consent", null,
        new java.util.LinkedHashMap<>());
    m.when(0).add(consent);
    // when
    boolean added = Blocks.addTest(m, m.when(0), m.when(0).size() - 1, consent,
        new PaletteItem(PaletteItem.Kind.FIELD, "OutreachRequest", "customerId"));
    // then
    assertThat(added).isTrue();
    assertThat(FieldTest.read(Conditions.constraintOf(consent)))
        .containsExactly(new FieldTest("customerId", "eq", "$req.customerId"));
  }

  @Test
  void shouldMoveConditionsAndIgnoreMovesOutsideTheList() {
    // given
    PackModel m = consent();
    Object first = m.when(0).get(0);
    // when
    boolean moved = PackModel.move(m.when(0), 0, 1);
    boolean outside = PackModel.move(m.when(0), 0, 99);
    // then
    assertThat(moved).isTrue();
    assertThat(outside).isFalse();
    assertThat(m.when(0).get(1)).isSameAs(first);
  }

  @Test
  void shouldRoundTripTheDecisionTableThroughCsvAndXlsx() {
    // given
    PackModel m = PackModel.of(catalogue.packs().get("cmi-threshold"));
    List<List<String>> table = DecisionTable.rows(m);
    // when
    PackModel fromCsv = DecisionTable.apply(m, DecisionTable.fromCsv(DecisionTable.toCsv(table)));
    PackModel fromXlsx = DecisionTable.apply(m, DecisionTable.fromXlsx(
        DecisionTable.toXlsx(table)));
    // then
    String hash = RulePacks.contentHash(m.toPack());
    assertThat(RulePacks.contentHash(fromCsv.toPack())).isEqualTo(hash);
    assertThat(RulePacks.contentHash(fromXlsx.toPack())).isEqualTo(hash);
  }

  @Test
  void shouldRefuseATableWithABrokenCellAndLeaveThePackAsItWas() {
    // given
    PackModel m = PackModel.of(catalogue.packs().get("cmi-threshold"));
    String before = m.toYaml();
    List<List<String>> table = DecisionTable.rows(m);
    table.get(1).set(4, "{not json");
    // when / then
    assertThatThrownBy(() -> DecisionTable.apply(m, table))
        .isInstanceOf(DecisionTable.TableException.class).hasMessageContaining("row 2");
    assertThat(m.toYaml()).isEqualTo(before);
  }

  @Test
  void shouldShowReaderProblemsInChineseWhenTheUserReadsChinese() {
    // given
    PackModel m = consent();
    Blocks.addToRule(m, 0, PaletteItem.of(PaletteItem.Kind.COMPARISON));
    Problem p = m.validate().get(0);
    // when
    String zh = ProblemTexts.text(p, new Texts(Messages.ZH_CN));
    String en = ProblemTexts.text(p, new Texts(Messages.EN));
    // then
    assertThat(zh).contains("尚未填写").doesNotContain("Expected");
    assertThat(en).contains("Expected");
  }
}
