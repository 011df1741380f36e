package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.designer.AnalystEditingBrowserTest.choose;
import static dev.baton.designer.AnalystEditingBrowserTest.idle;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision table as an analyst works, in headless Chromium, on a lead-routing pack of its
 * own: change a cell, type a range the wrong way round (refused on the cell, the pack keeps its
 * value), add a row and fill it, move it up, simulate one lead (only the first matching row is
 * marked under the "first" hit policy; every matching row under "collect"), undo the hit policy
 * change, save, and check the saved pack and its evaluation by the engine; a row the static
 * checks call shadowed (below the catch-all row under "first") says so on the row. Then the same
 * table in Chinese with an inline message and a finding in Chinese. Screenshots {@code t01}–.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionTableBrowserTest extends BrowserTestBase {
  private static final String PACK = "lead-routing";
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Autowired Baton baton;
  @Autowired UserAccounts accounts;

  @AfterEach
  void englishAgain() {
    accounts.setLocale("analyst", Locale.ENGLISH);
  }

  private void seedPack() throws IOException {
    if (baton.packs().draft(PACK).isEmpty()) {
      try (InputStream in = getClass().getResourceAsStream("/dtable/lead-routing.yaml")) {
        baton.packs().importDraft(PackSource.bytes("pack.yaml", in.readAllBytes()), "analyst",
            "decision table trial");
      }
    }
  }

  private List<String> fired(RulePack pack, Object amount, String region) {
    return baton.rules().evaluate(Evaluation.of(List.of(pack), List.of(new Fact("Lead",
        Map.of("customerId", "C1", "amount", amount, "region", region))), NOW)).firedRuleIds();
  }

  private static Locator cell(Page page, String id) {
    return page.locator("#" + id + " input");
  }

  private static void type(Page page, String id, String text) {
    Locator input = cell(page, id);
    input.fill(text);
    input.press("Tab");
    idle(page);
  }

  private static void openTable(Page page) {
    page.locator("#open-" + PACK).click();
    assertThat(page.locator("#designer-title")).hasText(PACK);
    page.locator("#tab-table").click();
    idle(page);
  }

  @Test
  @Order(1)
  void shouldEditSimulateAndSaveTheDecisionTableAsAnAnalystWorks() throws IOException {
    // given
    seedPack();
    Page page = signIn("analyst", 1600, 1000);
    openTable(page);
    // then: inputs and outputs are columns, the rule that does not fit is listed apart
    assertThat(page.locator("#dtable-col-in-0")).containsText("amount ≥");
    assertThat(page.locator("#dtable-col-in-0")).containsText("Input: value");
    assertThat(page.locator("#dtable-col-in-2")).containsText("amount between");
    assertThat(page.locator("#dtable-col-out-1")).containsText("Output: CREATE_SALES_TASK");
    assertThat(page.locator("#dtable-col-out-1")).containsText("priority");
    assertThat(cell(page, "dtable-cell-mid-size-amount-between")).hasValue("100..999");
    assertThat(page.locator("#dtable-hit-policy")).containsText("Only the first matching row");
    assertThat(page.locator("#dtable-other-west-without-east")).containsText("edit in Rules");
    assertThat(page.locator("#dtable-others")).not().containsText("{");
    shot(page, "t01-decision-table");

    // when: a cell is changed
    type(page, "dtable-cell-big-east-amount-gte", "5000");
    // then: accepted, the pack is unsaved
    assertThat(page.locator("#dtable-cell-big-east-amount-gte")).not().hasAttribute("invalid",
        "");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");

    // when: a range is typed the wrong way round, and a word in a number cell
    type(page, "dtable-cell-mid-size-amount-between", "900..100");
    type(page, "dtable-cell-any-lead-amount-gte", "lots");
    // then: both refused on the cell, saying why
    assertThat(page.locator("#dtable-cell-mid-size-amount-between")).hasAttribute("invalid",
        "");
    assertThat(page.locator("#dtable-cell-mid-size-amount-between")).containsText(
        "the low end is above the high end");
    assertThat(page.locator("#dtable-cell-any-lead-amount-gte")).containsText(
        "is not a number");
    shot(page, "t02-wrong-range-refused");
    // and fixed
    type(page, "dtable-cell-mid-size-amount-between", "100..4999");
    type(page, "dtable-cell-any-lead-amount-gte", "");
    assertThat(page.locator("#dtable-cell-mid-size-amount-between")).not().hasAttribute(
        "invalid", "");

    // when: a row is added, filled and moved above the catch-all row
    page.locator("#dtable-add-row").click();
    idle(page);
    assertThat(page.locator("#dtable-row-rule-5")).isVisible();
    choose(page, "dtable-cell-rule-5-region-eq", "NORTH");
    type(page, "dtable-cell-rule-5-amount-gte", "1");
    choose(page, "dtable-out-rule-5-priority", "NORMAL");
    // then: below the catch-all row it can never fire under "first", and its row says so
    assertThat(page.locator("#dtable-row-rule-5 .dtable-finding")).hasAttribute("data-kind",
        "SHADOWED");
    assertThat(page.locator("#dtable-row-rule-5")).containsText("Rule 'rule-5' can never fire:"
        + " the hit policy is first, and the earlier rule(s) 'any-lead' match every Lead fact");
    assertThat(page.locator("#dtable-row-any-lead")).containsText("can never fire");
    assertThat(page.locator("#dtable-row-mid-size .dtable-finding")).hasCount(0);
    shot(page, "t02b-shadowed-row");
    page.locator("#dtable-up-rule-5").click();
    idle(page);
    // then: it is the third row, the pack has no problems and the row no finding
    assertThat(page.locator("#dtable-row-rule-5")).containsText("3. rule-5");
    assertThat(page.locator("#dtable-row-rule-5 .dtable-finding")).hasCount(0);
    assertThat(page.locator("#problem-count")).hasText("No problems");
    assertThat(page.locator("#dtable-problems")).hasText("");

    // when: one lead from the north with amount 50 is simulated
    type(page, "dtable-sim-customerId", "C9");
    type(page, "dtable-sim-amount", "50");
    type(page, "dtable-sim-region", "NORTH");
    page.locator("#dtable-simulate").click();
    idle(page);
    // then: under "first" only the new row fires, though the catch-all row matches too
    assertThat(page.locator("#dtable-simulated")).containsText("Fired: rule-5");
    shot(page, "t03-simulated-first");
    assertThat(page.locator("#dtable-row-rule-5")).containsText("Fired");
    assertThat(page.locator("#dtable-row-any-lead")).not().containsText("Fired");
    assertThat(page.locator("#dtable-row-big-east")).not().containsText("Fired");

    // when: the hit policy becomes collect and the same lead is simulated
    choose(page, "dtable-hit-policy", "Collect: every matching row");
    page.locator("#dtable-simulate").click();
    idle(page);
    // then: every matching row fires (the simulator kept the lead over the redraw)
    assertThat(page.locator("#dtable-hit-policy")).containsText("Every row whose inputs match");
    assertThat(page.locator("#dtable-sim-region input")).hasValue("NORTH");
    assertThat(page.locator("#dtable-row-rule-5")).containsText("Fired");
    assertThat(page.locator("#dtable-row-any-lead")).containsText("Fired");
    assertThat(page.locator("#dtable-simulated")).containsText("rule-5, any-lead");
    shot(page, "t04-simulated-collect");

    // when: the hit policy change is undone
    page.locator("#undo").click();
    idle(page);
    // then: the table is back on "first" and says so
    assertThat(page.locator("#dtable-hit-policy")).containsText("Only the first matching row");
    assertThat(page.locator("#redo")).isEnabled();

    // when: a simulator value is wrong
    type(page, "dtable-sim-region", "SOUTH");
    page.locator("#dtable-simulate").click();
    idle(page);
    // then: said on the field
    assertThat(page.locator("#dtable-sim-region")).containsText("\"SOUTH\" is not one of");

    // when: saved
    page.locator("#save-draft").click();
    idle(page);
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    shot(page, "t05-saved");
    page.context().close();

    // then: the saved pack has the edits, in table order, and the engine decides with them
    RulePack saved = baton.packs().draft(PACK).orElseThrow().pack();
    assertThat(saved.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(saved.rules().stream().map(Rule::id).toList()).containsExactly("big-east",
        "mid-size", "rule-5", "any-lead", "west-without-east");
    Condition.Pattern big = (Condition.Pattern) saved.rules().get(0).when().get(0);
    assertThat(big.constraint().toString()).contains("GTE", "5000");
    assertThat(fired(saved, 50, "NORTH")).containsExactly("rule-5");
    assertThat(fired(saved, 6000, "EAST")).containsExactly("big-east");
    assertThat(fired(saved, 4000, "EAST")).containsExactly("mid-size");
    assertThat(fired(saved, 50, "EAST")).containsExactly("any-lead");
    assertThat(baton.rules().evaluate(Evaluation.of(List.of(saved), List.of(new Fact("Lead",
        Map.of("customerId", "C1", "amount", 50, "region", "NORTH"))), NOW)).actions())
        .singleElement().satisfies(a -> assertThat(a.params()).containsEntry("priority",
            "NORMAL"));
  }

  @Test
  @Order(2)
  void shouldShowTheTableAndItsMessagesInChinese() throws IOException {
    // given
    seedPack();
    accounts.setLocale("analyst", Locale.SIMPLIFIED_CHINESE);
    Page page = signIn("analyst", 1600, 1000);
    openTable(page);
    // then
    assertThat(page.locator("#dtable-hit-policy")).containsText("命中策略");
    assertThat(page.locator("#dtable-other-west-without-east")).containsText("请在“规则”中编辑");
    assertThat(page.locator("#dtable-simulator")).containsText("模拟器");

    // when: a word is typed in a number cell
    type(page, "dtable-cell-big-east-amount-gte", "很多");
    // then: refused in Chinese; the pack is unchanged
    assertThat(page.locator("#dtable-cell-big-east-amount-gte")).containsText("不是数字");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    shot(page, "t06-chinese-refused");

    // when: the catch-all row is moved above the north row
    page.locator("#dtable-up-any-lead").click();
    idle(page);
    // then: the north row can never fire, said on its row in Chinese
    assertThat(page.locator("#dtable-row-rule-5 .dtable-finding")).containsText(
        "规则“rule-5”永远不会触发：命中策略为 first，排在它前面的规则“any-lead”");
    shot(page, "t07-chinese-shadowed-row");
    page.context().close();
  }
}
