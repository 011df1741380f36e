package dev.baton.designer.packs.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.engine.rulepack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A drop adds and never destroys: every palette item (each field of each type, comparison,
 * reference, time window) dropped on every condition of every template pack either adds one
 * field test and keeps every test the condition had, or changes nothing.
 */
class DropKeepsTestsTest {
  private final TemplateCatalogue catalogue = new TemplateCatalogue();

  private static List<PaletteItem> items(PackModel m) {
    List<PaletteItem> out = new ArrayList<>();
    for (String type : m.typeNames()) {
      m.fields(type).keySet().forEach(f -> out.add(new PaletteItem(PaletteItem.Kind.FIELD,
          type, f)));
    }
    out.add(PaletteItem.of(PaletteItem.Kind.COMPARISON));
    out.add(PaletteItem.of(PaletteItem.Kind.REFERENCE));
    out.add(PaletteItem.of(PaletteItem.Kind.TIME_WINDOW));
    return out;
  }

  /** The field tests of a condition (its pattern's, or its aggregate's filter's). */
  private static List<FieldTest> tests(Object condition) {
    Map<String, Object> pattern = Conditions.patternOf(condition);
    if (pattern != null) {
      return pattern.get(Conditions.key(pattern)) instanceof Map<?, ?>
          ? FieldTest.read(Conditions.constraintOf(pattern)) : List.of();
    }
    if (Conditions.kind(condition) == Conditions.Kind.AGGREGATE) {
      Map<String, Object> body = Conditions.aggregateOf(condition);
      return Aggregates.hasWhere(body) ? FieldTest.read(Aggregates.where(body)) : List.of();
    }
    return List.of();
  }

  @Test
  void shouldKeepEveryExistingTestWhenAnyItemIsDroppedOnAnyConditionOfAnyTemplate() {
    int drops = 0;
    int added = 0;
    for (RulePack pack : catalogue.pipeline()) {
      PackModel base = PackModel.of(pack);
      for (int r = 0; r < base.rules().size(); r++) {
        for (int c = 0; c < base.when(r).size(); c++) {
          for (PaletteItem item : items(base)) {
            // given
            PackModel m = base.copy();
            Object condition = m.when(r).get(c);
            List<FieldTest> before = tests(condition);
            Object untouched = PackModel.deepCopy(condition);
            // when
            boolean fits = Blocks.addToCondition(m, m.when(r), c, condition, item);
            drops++;
            // then
            List<FieldTest> after = tests(m.when(r).get(c));
            String where = pack.id() + " rule " + r + " condition " + c + " " + item;
            if (fits) {
              added++;
              assertThat(after).as(where).containsAll(before).hasSize(before.size() + 1);
            } else {
              assertThat(m.when(r).get(c)).as(where).isEqualTo(untouched);
            }
          }
        }
      }
    }
    assertThat(drops).isGreaterThan(100);
    assertThat(added).isGreaterThan(drops / 4);
  }

  @Test
  void shouldAddASecondTestWhenAComparisonIsDroppedOnTheFullScoreCondition() {
    // given: Score {name: CMI, value: {gte: $params.cmiThreshold}}, every field tested
    PackModel m = PackModel.of(catalogue.packs().get("cmi-threshold"));
    int rule = m.rules().indexOf(m.rules().stream()
        .filter(x -> x.get("id").equals("high-cmi-push-content-pack")).findFirst().orElseThrow());
    Object score = m.when(rule).get(1);
    // when
    boolean fits = Blocks.addToCondition(m, m.when(rule), 1, score,
        PaletteItem.of(PaletteItem.Kind.COMPARISON));
    // then: name = CMI and value ≥ threshold are kept, value ≤ (unset) is added
    assertThat(fits).isTrue();
    assertThat(tests(m.when(rule).get(1))).containsExactly(
        new FieldTest("name", "eq", "CMI"),
        new FieldTest("value", "gte", "$params.cmiThreshold"),
        new FieldTest("value", "lte", null));
  }

  @Test
  void shouldUndoAndRedoEditsAndTellWhetherTheTreeIsSaved() {
    // given
    PackModel m = PackModel.of(catalogue.packs().get("cmi-threshold"));
    EditHistory h = new EditHistory();
    h.reset(m.root());
    String before = m.toYaml();
    // when
    Blocks.addToRule(m, 0, PaletteItem.of(PaletteItem.Kind.COMPARISON));
    h.record(m.root());
    // then
    assertThat(h.unsaved(m.root())).isTrue();
    m.replaceRoot(h.undo().orElseThrow());
    assertThat(m.toYaml()).isEqualTo(before);
    assertThat(h.unsaved(m.root())).isFalse();
    assertThat(h.canUndo()).isFalse();
    m.replaceRoot(h.redo().orElseThrow());
    assertThat(m.toYaml()).isNotEqualTo(before);
    assertThat(h.record(m.root())).isFalse();
  }
}
