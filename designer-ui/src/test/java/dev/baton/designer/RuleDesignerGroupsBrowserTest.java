package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rule designer's groups, filters, windows and keyboard alternatives in headless Chromium:
 * an analyst builds a nested any-group in a condition, filters an aggregate (by drag and by
 * keyboard) and gives it a time window, reorders a condition and a rule with the keyboard,
 * sees problems on the blocks and fixes them, and saves; the saved draft holds exactly that
 * structure and evaluates as intended. Works on its own pack ({@code outreach-groups}), so the
 * other browser tests' packs are untouched. Screenshots {@code g01}–{@code g08}.
 */
class RuleDesignerGroupsBrowserTest extends BrowserTestBase {
  private static final String PACK = "outreach-groups";
  private static final String AI = "cond-ai-outreach-0";
  private static final String COUNT = "cond-engaged-customer-1";

  @Autowired Baton baton;

  /** Waits until the server has answered every request (a structure change redraws). */
  private static void settle(Page page) {
    page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values("
        + "window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
  }

  private static void choose(Page page, String selectId, String option) {
    settle(page);
    page.locator("#" + selectId).click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option)
        .setExact(true)).click();
    settle(page);
  }

  private static void click(Page page, String id) {
    settle(page);
    page.locator("#" + id).click();
    settle(page);
  }

  private static void type(Page page, String fieldId, String text) {
    settle(page);
    Locator input = page.locator("#" + fieldId + " input");
    input.fill(text);
    input.press("Tab");
    settle(page);
  }

  private void seedPack() throws IOException {
    if (baton.packs().draft(PACK).isEmpty()) {
      try (InputStream in = getClass().getResourceAsStream("/packs/" + PACK + ".yaml")) {
        baton.packs().importDraft(PackSource.bytes("pack.yaml", in.readAllBytes()),
            "analyst", "test pack for groups");
      }
    }
  }

  @Test
  void shouldSaveNestedGroupsFiltersAndWindowsBuiltByMouseAndKeyboardWhenAnAnalystEdits()
      throws IOException {
    // given
    seedPack();
    Page page = signIn("analyst");
    page.locator("#open-" + PACK).click();
    assertThat(page.locator("#designer-title")).hasText(PACK);
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "g01-groups-opened");

    // when: a group is added to the AI-outreach condition: channel VOICE, or (dealSize > 1000
    // and channel EMAIL)
    click(page, AI + "-add-group");
    choose(page, AI + "-group-0-field", "channel");
    assertThat(page.locator("#" + AI).locator(".block-problem")).containsText("Expected enum");
    choose(page, AI + "-group-0-value-literal", "VOICE");
    click(page, AI + "-group-add-group");
    choose(page, AI + "-group-1-0-field", "dealSize");
    choose(page, AI + "-group-1-0-op", ">");
    type(page, AI + "-group-1-0-value-literal", "1000");
    click(page, AI + "-group-1-add-test");
    choose(page, AI + "-group-1-1-field", "channel");
    choose(page, AI + "-group-1-1-value-literal", "EMAIL");
    // and switched to "all of" and back
    choose(page, AI + "-group-mode", "All of");
    assertThat(page.locator("#" + AI + "-group-add-group")).containsText("any of");
    choose(page, AI + "-group-mode", "Any of");
    // then
    assertThat(page.locator("#" + AI + "-group-add-group")).containsText("all of");
    assertThat(page.locator("#" + AI + "-group-1-mode")).containsText("All of");
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "g02-groups-nested-group");

    // when: a field of the bound request is dragged onto the aggregate
    settle(page);
    page.locator("#palette-field-OutreachRequest-customerId").dragTo(page.locator("#" + COUNT));
    // then: its filter binds the same-named field
    assertThat(page.locator("#" + COUNT + "-where-test-0-value-ref"))
        .containsText("$req.customerId");

    // when: a field is added to the aggregate with the keyboard (palette item, Enter, menu)
    settle(page);
    page.locator("#palette-field-BehaviourSignal-kind").focus();
    page.keyboard().press("Enter");
    page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions()
        .setName("Add to a condition of engaged-customer")).press("Enter");
    page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions()
        .setName("Condition 2: Aggregate count BehaviourSignal")).press("Enter");
    // then: a filter test without value, with its problem on the block
    assertThat(page.locator("#" + COUNT + "-where-test-1-field")).containsText("kind");
    assertThat(page.locator("#" + COUNT).locator(".block-problem")).containsText("found nothing");
    shot(page, "g03-groups-where-problem");
    choose(page, COUNT + "-where-test-1-value-literal", "DOWNLOAD");
    assertThat(page.locator("#" + COUNT).locator(".block-problem")).hasCount(0);

    // when: a time window of zero days is given
    click(page, COUNT + "-add-window");
    type(page, COUNT + "-within-last-amount", "0");
    // then: the problem shows on the block
    assertThat(page.locator("#" + COUNT).locator(".block-problem"))
        .containsText("is not a positive duration");
    page.locator("#" + COUNT).locator(".block-problem").first().scrollIntoViewIfNeeded();
    shot(page, "g04-groups-window-problem");
    // when: fixed to 7 days
    type(page, COUNT + "-within-last-amount", "7");
    // then
    assertThat(page.locator("#" + COUNT).locator(".block-problem")).hasCount(0);
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "g05-groups-aggregate");

    // when: the aggregate is moved above the request with the keyboard
    settle(page);
    page.locator("#" + COUNT).focus();
    page.keyboard().press("Alt+ArrowUp");
    // then: its filter's $req is not bound yet: the problem shows on the moved block, which
    // keeps the focus
    Locator moved = page.locator("#cond-engaged-customer-0");
    assertThat(moved.locator(".block-problem")).containsText("not bound earlier");
    assertThat(moved.locator(".block-kind").first()).hasText("Aggregate");
    await(() -> "cond-engaged-customer-0".equals(page.evaluate(
        "document.activeElement && document.activeElement.id")) ? java.util.Optional.of(true)
        : java.util.Optional.empty(), "the focus on the moved block");
    shot(page, "g06-groups-keyboard-move-problem");
    // when: moved back with the keyboard
    settle(page);
    page.keyboard().press("Alt+ArrowDown");
    // then
    assertThat(page.locator("#" + COUNT + " .block-kind").first()).hasText("Aggregate");
    assertThat(page.locator("#problem-count")).hasText("No problems");

    // when: a rule is moved up and back down with the keyboard
    settle(page);
    page.locator("#rule-engaged-customer-handle").focus();
    page.keyboard().press("Alt+ArrowUp");
    // then
    assertThat(page.locator("#rules > vaadin-details").first())
        .hasAttribute("id", "details-engaged-customer");
    await(() -> "rule-engaged-customer-handle".equals(page.evaluate(
        "document.activeElement && document.activeElement.id")) ? java.util.Optional.of(true)
        : java.util.Optional.empty(), "the focus on the moved rule");
    shot(page, "g07-groups-rule-moved");
    settle(page);
    page.keyboard().press("Alt+ArrowDown");
    assertThat(page.locator("#rules > vaadin-details").first())
        .hasAttribute("id", "details-ai-outreach");

    // when: saved
    settle(page);
    page.locator("#save-draft").click();
    // then
    assertThat(page.locator("vaadin-notification-card").last()).containsText("Saved as");
    shot(page, "g08-groups-saved");
    page.context().close();

    // then: the saved draft holds exactly what was built
    RulePack saved = baton.packs().draft(PACK).orElseThrow().pack();
    PackModel tree = PackModel.of(saved);
    assertThat(tree.when(0)).isEqualTo(List.of(Map.of("OutreachRequest as req", Map.of(
        "actor", "AI",
        "any", List.of(Map.of("channel", "VOICE"),
            Map.of("dealSize", Map.of("gt", 1000), "channel", "EMAIL"))))));
    assertThat(tree.when(1)).isEqualTo(List.of(Map.of("OutreachRequest as req", Map.of()),
        Map.of("count", Map.of("of", "BehaviourSignal",
            "where", Map.of("customerId", "$req.customerId", "kind", "DOWNLOAD"),
            "within", Map.of("field", "occurredAt", "last", "P7D"),
            "is", Map.of("gte", 2)))));
    // and evaluates as intended
    assertThat(fired(saved, request("C1", "VOICE", 1))).containsExactly("ai-outreach");
    assertThat(fired(saved, request("C1", "EMAIL", 5000))).containsExactly("ai-outreach");
    assertThat(fired(saved, request("C1", "EMAIL", 500))).isEmpty();
    assertThat(fired(saved, request("C1", "SMS", 500),
        signal("C1", "DOWNLOAD", "2026-11-26T09:00:00Z"),
        signal("C1", "DOWNLOAD", "2026-11-25T09:00:00Z"))).containsExactly("engaged-customer");
    assertThat(fired(saved, request("C1", "SMS", 500),
        signal("C1", "DOWNLOAD", "2026-11-26T09:00:00Z"),
        signal("C1", "DOWNLOAD", "2026-10-25T09:00:00Z"),
        signal("C2", "DOWNLOAD", "2026-11-26T09:00:00Z"))).isEmpty();
  }

  private List<String> fired(RulePack pack, Fact... facts) {
    return baton.rules().evaluate(Evaluation.of(List.of(pack), List.of(facts),
        Instant.parse("2026-11-27T09:00:00Z"))).firedRuleIds();
  }

  private static Fact request(String customer, String channel, int dealSize) {
    return new Fact("OutreachRequest", Map.of("customerId", customer, "channel", channel,
        "actor", "AI", "dealSize", dealSize));
  }

  private static Fact signal(String customer, String kind, String at) {
    return new Fact("BehaviourSignal", Map.of("customerId", customer, "kind", kind,
        "occurredAt", at));
  }
}
