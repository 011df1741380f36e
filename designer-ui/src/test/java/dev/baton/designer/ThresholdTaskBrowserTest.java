package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.designer.AnalystEditingBrowserTest.idle;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.PackZips;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The measure "clicks and seconds for 'change the CMI threshold to 60, test, publish'
 * as ops and analyst", performed in headless Chromium in English and in Chinese on copies of
 * the published cmi-threshold template: the analyst opens the pack, sets the parameter to 60
 * in the Parameters panel, runs the examples and saves the draft; ops opens Versions, writes
 * the note, publishes and confirms. Every click and key press the steps need is counted and
 * the seconds measured (written to {@code target/threshold-task.txt}; no timing assertion).
 * Then the result is checked for consistency: every rule that uses the threshold moved (no
 * literal threshold is left), the published version is the active one, and a customer with
 * CMI 60 gets only the content pack from it (with the template's 70 only the sales task).
 * Screenshots {@code h01}–.
 */
class ThresholdTaskBrowserTest extends BrowserTestBase {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final Path REPORT = Path.of("target", "threshold-task.txt");

  @Autowired Baton baton;
  @Autowired UserAccounts accounts;

  @AfterEach
  void englishAgain() {
    accounts.setLocale("analyst", Locale.ENGLISH);
    accounts.setLocale("ops", Locale.ENGLISH);
  }

  /** Counts what the user does: each click, each key press. */
  private static final class Counter {
    int clicks;
    int keys;

    void click(Locator l) {
      l.click();
      clicks++;
    }

    void type(Page page, String text) {
      page.keyboard().type(text);
      keys += text.codePointCount(0, text.length());
    }

    void press(Page page, String key) {
      page.keyboard().press(key);
      keys++;
    }
  }

  /** A published copy of the template at version 1.0.0 (threshold 70). */
  private RulePack seedPublished(String id) {
    if (baton.packs().activeVersion(id).isEmpty()) {
      TemplateCatalogue.Template template = new TemplateCatalogue().template("cmi-threshold")
          .orElseThrow();
      PackModel m = PackModel.of(template.pack());
      m.root().put("id", id);
      // the copy keeps the template's examples, which the analyst runs
      baton.packs().importDraft(PackSource.bytes(id + ".zip", PackZips.of(m.toPack(),
          template.examples())), "ops", "threshold task copy");
      baton.packs().publish(id, "ops", "template as imported");
    }
    return baton.packs().active(id).orElseThrow();
  }

  /** A pack that gives every customer 60 CMI points before the CMI pack runs. */
  private static RulePack sixtyPoints() {
    return PackModel.parseYaml("""
        id: cmi-sixty-points
        version: 1.0.0
        kind: custom
        title: {en: Sixty CMI points, zh-CN: 六十 CMI 分}
        scores: [CMI]
        facts:
          Customer: {customerId: string, name: string, region: string}
        rules:
          - id: sixty
            title: {en: Sixty points, zh-CN: 六十分}
            when:
              - Customer as c: {}
            then:
              - score: {name: CMI, points: 60}
        """).toPack();
  }

  /** The decision for a customer with CMI 60 (no signal of its own) under the pack given. */
  private Decision cmi60(RulePack pack) {
    return baton.rules().evaluate(Evaluation.of(List.of(sixtyPoints(), pack), List.of(
        new Fact("Customer", Map.of("customerId", "C60", "name", "Sixty", "region", "east"))),
        NOW));
  }

  private static List<String> actions(Decision d) {
    return d.actions().stream().map(Decision.DecidedAction::action).toList();
  }

  @Test
  void shouldChangeTheThresholdTestAndPublishConsistentlyInEnglish() throws IOException {
    task("cmi-task-en", "en-US", Locale.ENGLISH, "Publish", "1 change");
  }

  @Test
  void shouldChangeTheThresholdTestAndPublishConsistentlyInChinese() throws IOException {
    task("cmi-task-zh", "zh-CN", Locale.SIMPLIFIED_CHINESE, "发布", "1 处变更");
  }

  private void task(String pack, String browserLocale, Locale locale, String confirm,
      String oneChange) throws IOException {
    boolean zh = locale.getLanguage().equals("zh");
    // given: the template published with threshold 70; CMI 60 gets the sales task only
    RulePack before = seedPublished(pack);
    assertThat(actions(cmi60(before))).containsExactly("CREATE_SALES_TASK");
    accounts.setLocale("analyst", locale);
    accounts.setLocale("ops", locale);

    // when: the analyst changes the threshold, runs the examples and saves
    Page page = signIn("analyst", browserLocale);
    Counter analyst = new Counter();
    long start = System.nanoTime();
    analyst.click(page.locator("#open-" + pack));
    assertThat(page.locator("#designer-title")).hasText(pack);
    analyst.click(page.locator("#tab-params"));
    Locator value = page.locator("#parameter-cmiThreshold-value-literal input");
    assertThat(value).hasValue("70");
    analyst.click(value);
    analyst.press(page, "Control+a");
    analyst.type(page, "60");
    analyst.press(page, "Tab");
    idle(page);
    assertThat(page.locator("#parameter-cmiThreshold-used")).containsText(
        "high-cmi-push-content-pack");
    assertThat(page.locator("#parameter-cmiThreshold-used")).containsText(
        "low-cmi-create-sales-task");
    shot(page, "h01-" + pack + "-threshold-60");
    analyst.click(page.locator("#tab-test"));
    analyst.click(page.locator("#run-examples"));
    assertThat(page.locator("#examples-summary")).hasAttribute("data-failed", "0");
    shot(page, "h02-" + pack + "-examples");
    analyst.click(page.locator("#save-draft"));
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    double analystSeconds = (System.nanoTime() - start) / 1e9;
    shot(page, "h03-" + pack + "-saved");
    // and (not counted) the first example's decision reads as cards in the UI's language: the
    // fired rule with its title, the nearest miss with its reason, marked on the rule list
    page.locator("#evaluate-facts").click();
    idle(page);
    Locator fired = page.locator("#decision .decision-fired-rule");
    assertThat(fired).containsText("low-cmi-create-sales-task");
    assertThat(fired).containsText(zh ? "CMI 低于阈值" : "CMI below the threshold");
    Locator missed = page.locator("#decision .decision-missed-rule", new Page.LocatorOptions()
        .setHasText("high-cmi-push-content-pack"));
    assertThat(missed).containsText(zh ? "在此未触发" : "Did not fire here");
    assertThat(missed).containsText("60");
    shot(page, "h03b-" + pack + "-decision-cards");
    page.locator("#tab-rules").click();
    idle(page);
    assertThat(page.locator("#details-high-cmi-push-content-pack")).hasClass(
        java.util.regex.Pattern.compile(".*missed.*"));
    assertThat(page.locator("#details-low-cmi-create-sales-task")).hasClass(
        java.util.regex.Pattern.compile(".*fired.*"));
    page.context().close();

    // when: ops reviews the diff, writes the note, publishes and confirms
    page = signIn("ops", browserLocale);
    Counter ops = new Counter();
    start = System.nanoTime();
    ops.click(page.locator("#versions-" + pack));
    assertThat(page.locator("#diff-summary")).hasText(oneChange);
    assertThat(page.locator("#diff-grid")).containsText("cmiThreshold");
    ops.click(page.locator("#publish-note textarea"));
    ops.type(page, "CMI threshold 60");
    ops.click(page.locator("#publish"));
    assertThat(page.locator("#publish-confirm").first()).isAttached();
    shot(page, "h04-" + pack + "-confirm");
    ops.click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(confirm)
        .setExact(true)));
    assertThat(page.locator("#versions-grid")).containsText("1.0.1");
    double opsSeconds = (System.nanoTime() - start) / 1e9;
    assertThat(page.locator("#versions-grid")).containsText("●");
    shot(page, "h05-" + pack + "-published");
    page.context().close();

    // then: the published version is the active one and holds 60 in the parameter only
    assertThat(baton.packs().activeVersion(pack).orElseThrow().version()).isEqualTo("1.0.1");
    RulePack active = baton.packs().active(pack).orElseThrow();
    assertThat(active.parameters().stream().filter(p -> p.name().equals("cmiThreshold"))
        .findFirst().orElseThrow().value().toString()).isEqualTo("60");
    String yaml = PackModel.of(active).toYaml();
    // every rule that tests the CMI uses the parameter: no literal threshold anywhere
    assertThat(yaml).doesNotContain("gte: 70").doesNotContain("gte: 60");
    assertThat(yaml.split("\\$params\\.cmiThreshold", -1)).hasSize(3);
    // and its evaluation uses 60: CMI 60 gets only the content pack, CMI 55 only the task
    Decision sixty = cmi60(active);
    assertThat(sixty.scores().get("CMI")).isEqualByComparingTo("60");
    assertThat(actions(sixty)).containsExactly("PUSH_CONTENT_PACK");
    assertThat(sixty.firedRuleIds()).contains("high-cmi-push-content-pack")
        .doesNotContain("low-cmi-create-sales-task");

    String line = String.format(Locale.ROOT,
        "%s (%s): analyst %d clicks + %d keys in %.1f s; ops %d clicks + %d keys in %.1f s%n",
        pack, browserLocale, analyst.clicks, analyst.keys, analystSeconds, ops.clicks, ops.keys,
        opsSeconds);
    System.out.print("THRESHOLD TASK " + line);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
