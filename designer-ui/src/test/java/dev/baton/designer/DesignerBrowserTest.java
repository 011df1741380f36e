package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.audit.DecisionQuery;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The designer as people use it, in headless Chromium: an analyst changes the consent-check
 * pack by drag and drop, sees a validation problem on the block and fixes it, runs the
 * examples and saves; ops sees the diff and publishes; the designer in Chinese; refusals.
 * Screenshots of each step go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesignerBrowserTest extends BrowserTestBase {
  private static final String RULE = "outreach-refused-first-fallback";

  @Autowired Baton baton;

  private static void choose(Page page, String selectId, String option) {
    page.locator("#" + selectId).click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)
        .setExact(true)).click();
  }

  private void openDesigner(Page page, String pack) {
    page.locator("#open-" + pack).click();
    assertThat(page.locator("#designer-title")).hasText(pack);
  }

  @Test
  @Order(1)
  void shouldLetAnAnalystAddAConditionByDragAndDropTestAndSaveWhenSignedInAsAnalyst() {
    // given
    Page page = signIn("analyst");
    assertThat(page.locator("#packs-grid")).containsText("consent-check");
    shot(page, "01-analyst-packs");
    openDesigner(page, "consent-check");
    assertThat(page.locator("#problem-count")).hasText("No problems");
    page.locator("#details-" + RULE + " > vaadin-details-summary").click();
    assertThat(page.locator("#drop-when-" + RULE)).isVisible();
    shot(page, "02-analyst-designer");

    // when: a comparison is dragged from the palette into the rule
    page.locator("#palette-COMPARISON").dragTo(page.locator("#drop-when-" + RULE));
    Locator block = page.locator("#cond-" + RULE + "-5");
    // then: the new block shows the reader's problem on itself
    assertThat(block).isVisible();
    choose(page, "cond-" + RULE + "-5-test-0-field", "channel");
    assertThat(block.locator(".block-problem")).containsText("Expected enum");
    assertThat(page.locator("#problem-count")).hasText("1 problem");
    shot(page, "03-analyst-validation-problem");

    // when: the value is set
    choose(page, "cond-" + RULE + "-5-test-0-value-literal", "VOICE");
    // then: the problem is gone
    assertThat(block.locator(".block-problem")).hasCount(0);
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "04-analyst-fixed");

    // when: the examples run on the edited pack
    page.locator("#tab-test").click();
    page.locator("#run-examples").click();
    // then: every example passes
    assertThat(page.locator("#examples-summary")).hasAttribute("data-failed", "0");
    assertThat(page.locator("#examples-summary")).containsText("examples passed");
    shot(page, "05-analyst-examples");

    // when: the draft is saved
    page.locator("#save-draft").click();
    // then: it is saved with a version above the published one
    assertThat(page.locator("vaadin-notification-card").last()).containsText("1.1.1");
    assertThat(page.locator("#draft-version input")).hasValue("1.1.1");
    shot(page, "06-analyst-saved");
    page.context().close();
  }

  @Test
  @Order(2)
  void shouldShowTheDiffAndPublishWhenSignedInAsOps() {
    // given
    Page page = signIn("ops");
    page.locator("#versions-consent-check").click();
    // then: the diff from the published version to the draft names the added condition
    assertThat(page.locator("#diff-summary")).hasText("1 change");
    assertThat(page.locator("#diff-grid")).containsText("condition added");
    assertThat(page.locator("#diff-grid")).containsText("VOICE");
    shot(page, "07-ops-diff");

    // when: publish is pressed without a note
    page.locator("#publish").click();
    // then: refused on the note field, nothing asked or published
    assertThat(page.locator("#publish-note")).hasAttribute("invalid", "");
    assertThat(page.locator("#publish-note")).containsText("A note is needed");
    assertThat(page.locator("#versions-grid")).not().containsText("1.1.1");

    // when: with a note, and the confirmation is answered
    page.locator("#publish-note textarea").fill("Voice fallback only for voice requests");
    page.locator("#publish").click();
    assertThat(page.getByText("Publish consent-check 1.1.1?")).isVisible();
    shot(page, "07b-ops-publish-confirm");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")
        .setExact(true)).click();
    // then: published, and it is the one active version
    assertThat(page.locator("#versions-grid")).containsText("1.1.1");
    assertThat(page.locator("#versions-grid")).containsText("● active");
    assertThat(page.locator("#versions-grid")).containsText("Voice fallback only");
    shot(page, "08-ops-published");

    // when: the draft of cmi-threshold is backtested against the recorded decisions that used it
    // (the 48 demo decisions, and those of visit requests that earlier tests of this context
    // filed)
    long recorded = baton.decisions().count(DecisionQuery.all().pack("cmi-threshold"));
    org.assertj.core.api.Assertions.assertThat(recorded).isGreaterThanOrEqualTo(48);
    page.navigate(url("/packs/cmi-threshold/versions"));
    page.locator("#run-backtest").click();
    // then
    assertThat(page.locator("#backtest-result"))
        .containsText(recorded + " decisions re-evaluated");
    assertThat(page.locator("#flip-chart")).hasAttribute("data-bars", "0");
    shot(page, "09-ops-backtest");
    page.context().close();
  }

  @Test
  @Order(3)
  void shouldShowTheDesignerInChineseWhenTheUserSwitchesToChinese() {
    // given
    Page page = signIn("analyst");
    // when
    choose(page, "language", "中文");
    // then
    assertThat(page.locator("#current-user")).containsText("业务分析师");
    openDesigner(page, "cmi-threshold");
    assertThat(page.locator("#save-draft")).hasText("保存草稿");
    assertThat(page.locator("#palette")).containsText("比较");
    assertThat(page.locator("#problem-count")).hasText("没有问题");
    shot(page, "10-analyst-chinese");
    choose(page, "language", "English");
    assertThat(page.locator("#save-draft")).hasText("Save draft");
    page.context().close();
  }

  @Test
  @Order(4)
  void shouldShowTheDesignerReadOnlyWhenSignedInAsAuditor() {
    // given
    Page page = signIn("auditor");
    // (an auditor lands on the audit log; the rule packs are one click away)
    page.waitForURL(java.util.regex.Pattern.compile(".*/audit$"));
    page.navigate(url("/packs"));
    assertThat(page.locator("#open-cmi-threshold")).isVisible();
    // then
    assertThat(page.locator("#import-template")).isHidden();
    openDesigner(page, "cmi-threshold");
    assertThat(page.locator("#save-draft")).isDisabled();
    assertThat(page.locator("#read-only-note")).containsText("analyst role");
    page.locator("#details-high-cmi-push-content-pack > vaadin-details-summary").click();
    assertThat(page.locator("#cond-high-cmi-push-content-pack-1-type"))
        .hasAttribute("readonly", "");
    assertThat(page.locator("#drop-when-high-cmi-push-content-pack")).isHidden();
    shot(page, "11-auditor-read-only");
    page.context().close();
  }

  @Test
  @Order(5)
  void shouldRefuseTheSecondSaveWhenTwoAnalystsEditTheSameDraft() {
    // given: two analysts open the same draft
    Page first = signIn("analyst");
    openDesigner(first, "ai-trigger");
    Page second = signIn("analyst");
    openDesigner(second, "ai-trigger");
    first.locator("#save-draft").click();
    assertThat(first.locator("vaadin-notification-card").last()).containsText("Saved as");

    // when: the second saves on the old revision
    second.locator("#save-draft").click();
    // then: refused with a clear message, the editor keeps its content
    assertThat(second.locator("vaadin-notification-card").last()).containsText("Not saved");
    assertThat(second.locator("#designer-title")).hasText("ai-trigger");
    shot(second, "12-concurrent-edit-refused");
    first.context().close();
    second.context().close();
  }
}
