package dev.baton.designer;

import dev.baton.designer.packs.TemplateCatalogue;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.designer.AnalystEditingBrowserTest.idle;
import static dev.baton.designer.AnalystEditingBrowserTest.openRule;
import static dev.baton.designer.AnalystEditingBrowserTest.yaml;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.baton.designer.security.UserAccounts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Parameters and bilingual rules as an analyst works, in headless Chromium, on a copy of the
 * cmi-threshold template ({@code cmi-trial}, so the other tests' packs stay as imported): the
 * documented "change the CMI threshold" task in the Parameters panel moves both rules that use
 * it (a CMI-50 customer then gets the content pack and no sales task); an English-only analyst
 * adds a rule that is valid as created and saves it; switching the language with unsaved edits
 * asks, stays, keeps the edits over the reload. Screenshots {@code p01}–.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystParametersBrowserTest extends BrowserTestBase {
  private static final String PACK = "cmi-trial";
  private static final String HIGH = "high-cmi-push-content-pack";
  private static final String LOW = "low-cmi-create-sales-task";
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Autowired Baton baton;
  @Autowired UserAccounts accounts;

  @AfterEach
  void englishAgain() {
    // the language is stored per user: leave the analyst in English for the other tests
    accounts.setLocale("analyst", Locale.ENGLISH);
  }

  private void seedPack() {
    if (baton.packs().draft(PACK).isEmpty()) {
      PackModel m = PackModel.of(new TemplateCatalogue().packs().get("cmi-threshold"));
      m.root().put("id", PACK);
      baton.packs().importDraft(PackSource.bytes("pack.yaml",
          m.toYaml().getBytes(StandardCharsets.UTF_8)), "analyst", "trial copy");
    }
  }

  /** A customer whose CMI is 50: heat map (20) and competitor comparison (30). */
  private List<String> firedForCmi50(RulePack pack) {
    List<Fact> facts = List.of(
        new Fact("Customer", Map.of("customerId", "C50", "name", "Fifty", "region", "east")),
        new Fact("BehaviourSignal", Map.of("customerId", "C50", "kind", "WEBSITE_HEATMAP",
            "detail", "pricing", "occurredAt", "2026-11-20T09:00:00Z")),
        new Fact("BehaviourSignal", Map.of("customerId", "C50",
            "kind", "COMPETITOR_COMPARISON_DOWNLOAD", "detail", "vs-x",
            "occurredAt", "2026-11-21T09:00:00Z")));
    return baton.rules().evaluate(Evaluation.of(List.of(pack), facts, NOW)).firedRuleIds();
  }

  @Test
  @Order(1)
  void shouldMoveEveryRuleThatUsesTheThresholdWhenTheAnalystChangesTheParameter() {
    // given: with the template's 70 a CMI-50 customer gets the sales task
    seedPack();
    assertThat(firedForCmi50(baton.packs().draft(PACK).orElseThrow().pack()))
        .contains(LOW).doesNotContain(HIGH);
    Page page = signIn("analyst");
    openRule(page, PACK, HIGH);
    // then: the rule shows what $params.cmiThreshold stands for
    Locator chip = page.locator("#cond-" + HIGH + "-1-test-1-value-chip");
    assertThat(chip).hasText("⚙ CMI threshold for content instead of sales = 70");
    shot(page, "p01-parameter-chip");

    // when: the Parameters panel is opened
    page.locator("#tab-params").click();
    idle(page);
    // then: typed editors, both titles, and where the threshold is used
    assertThat(page.locator("#parameter-cmiThreshold-used")).containsText(HIGH);
    assertThat(page.locator("#parameter-cmiThreshold-used")).containsText(LOW);
    assertThat(page.locator("#parameter-cmiThreshold-title-zh input")).hasValue(
        "CMI 阈值（达到即推送内容、不派销售任务）");
    Locator value = page.locator("#parameter-cmiThreshold-value-literal input");
    assertThat(value).hasValue("70");

    // when: the value is emptied
    value.fill("");
    value.press("Tab");
    idle(page);
    // then: refused on the field; the pack keeps 70
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).hasAttribute("invalid",
        "");
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).containsText("keeps 70");
    assertThat(yaml(page)).contains("value: 70");
    page.locator("#tab-params").click();
    idle(page);
    shot(page, "p02-parameter-empty-refused");

    // when: a number too large for the engine, then full-width digits are typed
    value.fill("1e400");
    value.press("Tab");
    idle(page);
    // then: the first is refused on the field with the reason, the second read as 70
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).hasAttribute("invalid",
        "");
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).containsText(
        "too large");
    shot(page, "p02b-parameter-overflow-refused");
    assertThat(yaml(page)).contains("value: 70");
    page.locator("#tab-params").click();
    idle(page);
    value.fill("７０");
    value.press("Tab");
    idle(page);
    assertThat(value).hasValue("70");
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).not().hasAttribute(
        "invalid", "");

    // when: 50 is typed
    value.fill("50");
    value.press("Tab");
    idle(page);
    // then: the rule's chip follows, and the pack is valid and unsaved
    assertThat(page.locator("#parameter-cmiThreshold-value-literal")).not().hasAttribute(
        "invalid", "");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "p03-parameter-50");
    page.locator("#tab-rules").click();
    idle(page);
    assertThat(chip).hasText("⚙ CMI threshold for content instead of sales = 50");
    String text = yaml(page);
    assertThat(text).contains("value: 50").doesNotContain("gte: 50");

    // when: saved
    page.locator("#save-draft").click();
    idle(page);
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    shot(page, "p04-parameter-saved");
    page.context().close();

    // then: both rules moved with the parameter: CMI 50 pushes the content pack, no sales task
    RulePack saved = baton.packs().draft(PACK).orElseThrow().pack();
    assertThat(saved.parameters().stream().filter(p -> p.name().equals("cmiThreshold"))
        .findFirst().orElseThrow().value().toString()).isEqualTo("50");
    assertThat(firedForCmi50(saved)).contains(HIGH).doesNotContain(LOW);
  }

  @Test
  @Order(2)
  void shouldSaveARuleWrittenOnlyInEnglishAndKeepUnsavedEditsWhenTheLanguageIsSwitched() {
    // given
    seedPack();
    Page page = signIn("analyst");
    page.locator("#open-" + PACK).click();
    assertThat(page.locator("#designer-title")).hasText(PACK);
    int rules = baton.packs().draft(PACK).orElseThrow().pack().rules().size();
    String id = "rule-" + (rules + 1);

    // when: a rule is added
    page.locator("#add-rule").click();
    idle(page);
    // then: it is valid as created and has title fields for both languages
    assertThat(page.locator("#problem-count")).hasText("No problems");
    assertThat(page.locator("#rule-" + id + "-title-en")).isVisible();
    assertThat(page.locator("#rule-" + id + "-title-zh")).isVisible();

    // when: the analyst writes only the English title and empties the Chinese one
    Locator en = page.locator("#rule-" + id + "-title-en input");
    en.fill("Push the content pack to VIP customers");
    en.press("Tab");
    idle(page);
    Locator zh = page.locator("#rule-" + id + "-title-zh input");
    zh.fill("");
    zh.press("Tab");
    idle(page);
    // then: a warning says the English one stands in; no problem blocks the save
    assertThat(page.locator("#translation-warnings")).containsText("rule " + id
        + ": no Chinese text yet");
    assertThat(page.locator("#problem-count")).hasText("No problems");
    assertThat(page.locator("#unsaved-mark")).hasText("● Unsaved changes");
    shot(page, "p05-english-only-rule");

    // when: the language is switched with unsaved edits, and the analyst chooses to stay
    page.locator("#language").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("中文")).click();
    assertThat(page.getByText("Keep my edits and switch")).isVisible();
    shot(page, "p06-switch-asks");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay")).click();
    idle(page);
    // then: nothing changed
    assertThat(page.locator("#save-draft")).hasText("Save draft");
    assertThat(en).hasValue("Push the content pack to VIP customers");

    // when: switched again, keeping the edits
    page.locator("#language").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("中文")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Keep my edits and switch")).click();
    // then: the designer is in Chinese with the edits still there and still unsaved
    assertThat(page.locator("#save-draft")).hasText("保存草稿");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    assertThat(page.locator("#rule-" + id + "-title-en input")).hasValue(
        "Push the content pack to VIP customers");
    shot(page, "p07-chinese-edits-kept");

    // when: saved
    page.locator("#save-draft").click();
    idle(page);
    // then: saved, with the Chinese title filled from the English one and said so
    assertThat(page.locator("vaadin-notification-card").last()).containsText("填充");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    shot(page, "p08-saved-in-chinese");
    RulePack saved = baton.packs().draft(PACK).orElseThrow().pack();
    var rule = saved.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    assertThat(rule.title().en()).isEqualTo(
        "Push the content pack to VIP customers");
    assertThat(rule.title().zhCN()).isEqualTo(
        "Push the content pack to VIP customers");

    // finally: back to English (the language is stored for the user), nothing to ask
    page.locator("#language").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(page.locator("#save-draft")).hasText("Save draft");
    page.context().close();
  }
}
