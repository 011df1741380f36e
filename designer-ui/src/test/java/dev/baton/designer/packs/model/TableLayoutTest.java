package dev.baton.designer.packs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.i18n.Texts;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableLayoutTest {
  /** A lead-routing pack whose first three rules fit a table and the fourth does not. */
  static final String PACK = read();

  static String read() {
    try (var in = TableLayoutTest.class.getResourceAsStream("/dtable/lead-routing.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Texts EN = new Texts(Locale.ENGLISH);
  private static final TableLayout.Input AMOUNT_GTE =
      new TableLayout.Input("amount", Operator.GTE);
  private static final TableLayout.Input REGION = new TableLayout.Input("region", Operator.EQ);
  private static final TableLayout.Input AMOUNT_BETWEEN =
      new TableLayout.Input("amount", Operator.BETWEEN);

  @Test
  void shouldShowFittingRulesAsRowsAndTheOthersApartWhenReadingAPack() {
    // given
    PackModel m = PackModel.parseYaml(PACK);
    // when
    TableLayout t = TableLayout.of(m);
    // then
    assertThat(t.type()).isEqualTo("Lead");
    assertThat(t.rows()).containsExactly(0, 1, 2);
    assertThat(t.others()).containsExactly(3);
    assertThat(t.inputs()).containsExactly(AMOUNT_GTE, REGION, AMOUNT_BETWEEN);
    assertThat(t.outputs()).containsExactly(new TableLayout.Output(false, "customerId"),
        new TableLayout.Output(false, "priority"));
    assertThat(t.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(t.input(0, AMOUNT_GTE)).isEqualTo(1000);
    assertThat(t.input(0, AMOUNT_BETWEEN)).isNull();
    assertThat(TableLayout.text(AMOUNT_BETWEEN, t.input(1, AMOUNT_BETWEEN)))
        .isEqualTo("100..999");
    assertThat(t.output(1, new TableLayout.Output(false, "priority"))).isEqualTo("NORMAL");
  }

  @Test
  void shouldRefuseCellTextThatDoesNotFitTheColumnWithTheReason() {
    // given
    TableLayout t = TableLayout.of(PackModel.parseYaml(PACK));
    // when / then
    assertThat(t.parseInput(AMOUNT_GTE, "abc").error()).isEqualTo("value.notNumber");
    assertThat(t.parseInput(AMOUNT_BETWEEN, "500..100").error())
        .isEqualTo("dtable.error.rangeOrder");
    assertThat(t.parseInput(AMOUNT_BETWEEN, "500").error()).isEqualTo("dtable.error.range");
    assertThat(t.parseInput(REGION, "SOUTH").error()).isEqualTo("dtable.error.enum");
    assertThat(t.parseInput(REGION, "$lead.region").error())
        .isEqualTo("dtable.error.reference");
    assertThat(t.parseInput(AMOUNT_GTE, "-").value()).isNull();
    assertThat(t.parseInput(new TableLayout.Input("region", Operator.IN), "EAST，WEST").value())
        .isEqualTo(List.of("EAST", "WEST"));
    assertThat(EN.t("dtable.error.enum", "SOUTH", "EAST, WEST, NORTH"))
        .isEqualTo("\"SOUTH\" is not one of EAST, WEST, NORTH.");
  }

  @Test
  void shouldWriteCellsIntoTheRuleAndKeepThePackValidWhenEditing() {
    // given
    PackModel m = PackModel.parseYaml(PACK);
    TableLayout t = TableLayout.of(m);
    // when
    t.setInput(0, AMOUNT_GTE, 2000L);
    t.setInput(0, REGION, null);
    t.setInput(2, REGION, "NORTH");
    int added = t.addRow("New row", "新行");
    t.setInput(added, AMOUNT_GTE, 5L);
    // then
    assertThat(m.validate()).isEmpty();
    assertThat(m.when(0).get(0)).isEqualTo(Map.of("Lead as lead",
        Map.of("amount", Map.of("gte", 2000L))));
    assertThat(m.when(2).get(0)).isEqualTo(Map.of("Lead as lead", Map.of("region", "NORTH")));
    assertThat(m.rule(added).get("then")).isEqualTo(m.rule(0).get("then"));
    assertThat(TableLayout.of(m).rows()).containsExactly(0, 1, 2, added);
  }

  @Test
  void shouldMoveRowsInThePackAndColumnsInEveryRow() {
    // given
    PackModel m = PackModel.parseYaml(PACK);
    TableLayout t = TableLayout.of(m);
    // when
    boolean moved = t.moveRow(2, -1);
    TableLayout again = TableLayout.of(m);
    again.moveInput(REGION, -1);
    // then
    assertThat(moved).isTrue();
    assertThat(m.rules().stream().map(r -> r.get("id")).toList())
        .containsExactly("big-east", "any-lead", "mid-size", "west-without-east");
    assertThat(new ArrayList<Object>(((Map<?, ?>) Conditions.body(m.when(0).get(0))).keySet()))
        .containsExactly("region", "amount");
    assertThat(TableLayout.of(m).inputs().get(0)).isEqualTo(REGION);
  }

  @Test
  void shouldRoundTripTheTableThroughCsvAndXlsxAndKeepRulesOutsideTheTable() {
    // given
    PackModel m = PackModel.parseYaml(PACK);
    List<List<String>> sheet = TableSheet.rows(m, TableLayout.of(m));
    // when
    PackModel fromCsv = TableSheet.apply(m, DecisionTable.fromCsv(DecisionTable.toCsv(sheet)),
        EN);
    PackModel fromXlsx = TableSheet.apply(m, DecisionTable.fromXlsx(
        DecisionTable.toXlsx(sheet)), EN);
    // then
    assertThat(sheet.get(0)).containsExactly("table", "Lead as lead", "first",
        "CREATE_SALES_TASK");
    assertThat(sheet.get(1)).contains("when amount gte", "when region eq",
        "when amount between", "then priority");
    assertThat(fromCsv.toPack()).isEqualTo(m.toPack());
    assertThat(fromXlsx.toPack()).isEqualTo(m.toPack());
  }

  @Test
  void shouldRefuseASheetWithABadCellAndChangeNothing() {
    // given
    PackModel m = PackModel.parseYaml(PACK);
    String before = m.toYaml();
    List<List<String>> sheet = new ArrayList<>();
    TableSheet.rows(m, TableLayout.of(m)).forEach(r -> sheet.add(new ArrayList<>(r)));
    int col = sheet.get(1).indexOf("when amount between");
    sheet.get(3).set(col, "900..100");
    sheet.get(0).set(2, "sometimes");
    // when / then
    assertThatThrownBy(() -> TableSheet.apply(m, sheet, EN))
        .isInstanceOf(DecisionTable.TableException.class)
        .hasMessageContaining("Unknown hit policy \"sometimes\"");
    sheet.get(0).set(2, "priority");
    assertThatThrownBy(() -> TableSheet.apply(m, sheet, EN))
        .isInstanceOf(DecisionTable.TableException.class)
        .hasMessageContaining("Row 4, column \"when amount between\": \"900..100\"");
    assertThat(m.toYaml()).isEqualTo(before);
  }
}
