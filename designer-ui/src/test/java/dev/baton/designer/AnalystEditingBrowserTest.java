package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The analyst's editing safety nets in headless Chromium, on the demo data: drops onto a
 * condition that already tests every field add a test and never blank or overwrite one (on the
 * block and on its header, a comparison and a field), undo (button and Ctrl+Z) takes each edit
 * back until the pack is as it was, redo brings one back, and the unsaved-changes mark follows.
 * Nothing is saved, so the other tests see the template as imported. Screenshots {@code e01}–.
 */
class AnalystEditingBrowserTest extends BrowserTestBase {
  static final String RULE = "high-cmi-push-content-pack";
  static final String SCORE = "cond-" + RULE + "-1";

  /** Waits until the server has answered every request (a structure change redraws). */
  static void idle(Page page) {
    page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values("
        + "window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
  }

  static void choose(Page page, String selectId, String option) {
    idle(page);
    page.locator("#" + selectId).click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)
        .setExact(true)).click();
    idle(page);
  }

  static String yaml(Page page) {
    idle(page);
    page.locator("#tab-yaml").click();
    idle(page);
    String text = page.locator("#yaml textarea").inputValue();
    page.locator("#tab-rules").click();
    idle(page);
    return text;
  }

  static void openRule(Page page, String pack, String rule) {
    page.locator("#open-" + pack).click();
    assertThat(page.locator("#designer-title")).hasText(pack);
    page.locator("#details-" + rule + " > vaadin-details-summary").click();
    idle(page);
  }

  @Test
  void shouldAddATestAndKeepEveryOtherWhenItemsAreDroppedOnAFullConditionAndUndoThem() {
    // given: the Score condition tests both of its fields (name = CMI, value ≥ threshold)
    Page page = signIn("analyst");
    openRule(page, "cmi-threshold", RULE);
    String before = yaml(page);
    page.locator("#details-" + RULE + " > vaadin-details-summary").isVisible();
    Locator name = page.locator("#" + SCORE + "-test-0-value-literal input");
    assertThat(name).hasValue("CMI");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(page.locator("#undo")).isDisabled();
    shot(page, "e01-score-condition");

    // when: Comparison is dropped on the block
    page.locator("#palette-COMPARISON").dragTo(page.locator("#" + SCORE));
    idle(page);
    // then: a third test is added (value ≤ …, to fill in); the other two are unchanged
    assertThat(page.locator("#" + SCORE + "-test-2")).isVisible();
    assertThat(name).hasValue("CMI");
    assertThat(page.locator("#" + SCORE + "-test-1-value-ref")).containsText(
        "$params.cmiThreshold");
    assertThat(page.locator("#problem-count")).hasText("1 problem");
    assertThat(page.locator("#unsaved-mark")).hasText("● Unsaved changes");
    shot(page, "e02-comparison-dropped-on-block");

    // when: Comparison is dropped on the block's header, then the field Score.name on it
    page.locator("#palette-COMPARISON").dragTo(page.locator("#" + SCORE + " .block-kind")
        .first());
    idle(page);
    page.locator("#palette-field-Score-name").dragTo(page.locator("#" + SCORE));
    idle(page);
    // then: each adds a test of its own; name = CMI is still there
    assertThat(page.locator("#" + SCORE + "-test-4")).isVisible();
    assertThat(name).hasValue("CMI");
    assertThat(page.locator("#problem-count")).hasText("3 problems");
    String edited = yaml(page);
    assertThat(edited).contains("name:").contains("eq: CMI").contains("ne: null")
        .contains("gte: $params.cmiThreshold").contains("lte: null").contains("lt: null");
    shot(page, "e03-three-drops");

    // when: undo with the button, then twice with Ctrl+Z
    page.locator("#undo").click();
    idle(page);
    assertThat(page.locator("#" + SCORE + "-test-4")).hasCount(0);
    page.locator("#designer-title").click();
    page.keyboard().press("Control+z");
    idle(page);
    assertThat(page.locator("#" + SCORE + "-test-3")).hasCount(0);
    page.keyboard().press("Control+z");
    idle(page);
    // then: the pack is exactly as it was, and nothing is unsaved
    assertThat(page.locator("#" + SCORE + "-test-2")).hasCount(0);
    assertThat(page.locator("#problem-count")).hasText("No problems");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(yaml(page)).isEqualTo(before);
    shot(page, "e04-undone");

    // when: redo brings the first drop back, and undo takes it away again
    page.locator("#redo").click();
    idle(page);
    assertThat(page.locator("#" + SCORE + "-test-2")).isVisible();
    page.locator("#designer-title").click();
    page.keyboard().press("Control+z");
    idle(page);
    assertThat(yaml(page)).isEqualTo(before);
    page.context().close();
  }

  @Test
  void shouldPrintTheDecisionReadablyAndMarkEveryRuleThatFiredWhenTheAnalystEvaluates() {
    // given: the designer of cmi-threshold with every rule card closed
    Page page = signIn("analyst");
    page.locator("#open-cmi-threshold").click();
    assertThat(page.locator("#designer-title")).hasText("cmi-threshold");
    // when: the examples run (the first example's facts fill the form) and are evaluated
    page.locator("#tab-test").click();
    page.locator("#run-examples").click();
    assertThat(page.locator("#examples-summary")).hasAttribute("data-failed", "0");
    page.locator("#evaluate-facts").click();
    idle(page);
    // then: actions as cards with "name: value" lines, no Java map text
    Locator decision = page.locator("#decision");
    assertThat(decision.locator(".decision-action").first()).containsText("CREATE_SALES_TASK");
    assertThat(decision.locator(".decision-action").first()).containsText("customerId: C-1001");
    assertThat(decision).not().containsText("{customerId=");
    assertThat(decision).not().containsText("{CMI=");
    assertThat(decision.locator(".decision-scores")).containsText("CMI = 0");
    shot(page, "e05-readable-decision");
    // then: the closed rule that fired is marked on the Rules tab too
    page.locator("#tab-rules").click();
    idle(page);
    assertThat(page.locator("#details-low-cmi-create-sales-task")).hasClass(
        java.util.regex.Pattern.compile(".*fired.*"));
    assertThat(page.locator("#details-" + RULE)).not().hasClass(
        java.util.regex.Pattern.compile(".*fired.*"));
    shot(page, "e06-fired-marks");
    page.context().close();
  }
}
