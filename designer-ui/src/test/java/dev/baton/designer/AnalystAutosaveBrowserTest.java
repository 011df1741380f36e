package dev.baton.designer;

import dev.baton.designer.packs.TemplateCatalogue;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.designer.AnalystEditingBrowserTest.idle;
import static dev.baton.designer.AnalystEditingBrowserTest.openRule;
import static dev.baton.designer.AnalystEditingBrowserTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.designer.rules.WorkingCopies;
import dev.baton.designer.rules.WorkingCopy;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.engine.repository.PackSource;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.runtime.Baton;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing never loses work, in headless Chromium, on a copy of the cmi-threshold template
 * ({@code cmi-autosave}, so the other tests' packs stay as imported): an edited rule title is
 * kept as a working copy a moment after the edit; the browser asks before the tab closes; after
 * the tab is gone and the analyst signs in again, the designer offers the edits, restores them
 * and saves them; a stored copy that cannot be read is discarded with a notice; signing out
 * with unsaved edits asks (keep editing keeps them, discard signs out and drops the copy).
 * Screenshots {@code w01}–.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystAutosaveBrowserTest extends BrowserTestBase {
  private static final String PACK = "cmi-autosave";
  private static final String RULE = "high-cmi-push-content-pack";
  private static final String TITLE_FIELD = "#rule-" + RULE + "-title-en input";

  @Autowired Baton baton;
  @Autowired WorkingCopies copies;
  @Autowired UserAccounts accounts;

  @AfterEach
  void englishAgain() {
    // the language is stored per user: leave the analyst in English for the other tests
    accounts.setLocale("analyst", Locale.ENGLISH);
  }

  @BeforeEach
  void seedPack() {
    if (baton.packs().draft(PACK).isEmpty()) {
      PackModel m = PackModel.of(new TemplateCatalogue().packs().get("cmi-threshold"));
      m.root().put("id", PACK);
      baton.packs().importDraft(PackSource.bytes("pack.yaml",
          m.toYaml().getBytes(StandardCharsets.UTF_8)), "analyst", "autosave copy");
    }
    copies.discard("analyst", PACK);
  }

  private String savedTitle() {
    return baton.packs().draft(PACK).orElseThrow().pack().rules().stream()
        .filter(r -> r.id().equals(RULE)).findFirst().orElseThrow().title().en();
  }

  private static void editTitle(Page page, String title) {
    Locator field = page.locator(TITLE_FIELD);
    field.fill(title);
    field.press("Tab");
    idle(page);
  }

  @Test
  @Order(1)
  void shouldOfferRestoreAndSaveTheEditsWhenTheTabWasClosedWithoutSaving() {
    // given: the analyst changes a rule title and does not save
    String before = savedTitle();
    String edited = "Push the content pack (kept over a closed tab)";
    Page page = signIn("analyst");
    openRule(page, PACK, RULE);
    editTitle(page, edited);
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    shot(page, "w01-unsaved-title");

    assertThat(page.evaluate("() => window.batonUnsaved")).isEqualTo(true);
    // when: the tab is about to close
    List<String> asked = new CopyOnWriteArrayList<>();
    Consumer<Dialog> stay = d -> {
      asked.add(d.type());
      d.dismiss();
    };
    page.onDialog(stay);
    page.close(new Page.CloseOptions().setRunBeforeUnload(true));
    // then: the browser asks first (the analyst stays)
    page.waitForCondition(() -> !asked.isEmpty()); // Playwright delivers events while it waits
    assertThat(asked).containsExactly("beforeunload");
    assertThat(page.isClosed()).isFalse();
    page.offDialog(stay);

    // then: a moment after the edit, the working copy is kept (not the draft)
    WorkingCopy kept = await(() -> copies.find("analyst", PACK).filter(c ->
        c.content().contains(edited)), "the working copy");
    assertThat(kept.content()).contains(edited);
    assertThat(savedTitle()).isEqualTo(before);

    // when: the tab is gone (the whole browser), and the analyst signs in again
    page.context().close();
    Page again = signIn("analyst");
    again.locator("#open-" + PACK).click();
    assertThat(again.locator("#designer-title")).hasText(PACK);
    // then: the designer offers the edits, with their time
    assertThat(again.locator("#restore-offer")).isVisible();
    assertThat(again.locator("#restore-offer-text")).containsText(
        "Restore unsaved changes from");
    assertThat(again.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    shot(again, "w02-restore-offered");

    // when: restored
    again.locator("#restore-working-copy").click();
    idle(again);
    // then: the edit is there, unsaved, and the offer is gone
    assertThat(again.locator("#restore-offer")).isHidden();
    assertThat(again.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    assertThat(yaml(again)).contains("en: " + edited);
    if (!again.locator(TITLE_FIELD).isVisible()) {
      again.locator("#details-" + RULE + " > vaadin-details-summary").click();
      idle(again);
    }
    assertThat(again.locator(TITLE_FIELD)).hasValue(edited);
    shot(again, "w03-restored");

    // when: saved
    again.locator("#save-draft").click();
    idle(again);
    // then: the saved draft has it, and no working copy is left
    assertThat(again.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(savedTitle()).isEqualTo(edited);
    assertThat(copies.find("analyst", PACK)).isEmpty();
    again.context().close();
  }

  @Test
  @Order(2)
  void shouldDiscardAnUnreadableCopyWithANoticeAndAReadableOneWhenAsked() {
    // given: a stored copy that is not YAML
    copies.save("analyst", PACK, 1, "rules: [ {unclosed");
    Page page = signIn("analyst");
    // when: the pack is opened
    page.locator("#open-" + PACK).click();
    assertThat(page.locator("#designer-title")).hasText(PACK);
    // then: a notice says so, nothing is offered, the copy is gone, the designer works
    assertThat(page.locator("vaadin-notification-card").last()).containsText(
        "could not be read and were discarded");
    assertThat(page.locator("#restore-offer")).isHidden();
    assertThat(page.locator("#problem-count")).hasText("No problems");
    shot(page, "w04-unreadable-copy-discarded");
    assertThat(copies.find("analyst", PACK)).isEmpty();
    page.context().close();

    // given: a copy that is YAML of the pack, but not in the shape of a pack
    copies.save("analyst", PACK, 1, "id: " + PACK + "\nrules: not a list\n");
    Page shapeless = signIn("analyst");
    shapeless.locator("#open-" + PACK).click();
    // when: the analyst restores it
    shapeless.locator("#restore-working-copy").click();
    idle(shapeless);
    // then: refused with the notice; the saved draft stays open and usable, the copy is gone
    assertThat(shapeless.locator("vaadin-notification-card").last()).containsText(
        "could not be read and were discarded");
    assertThat(shapeless.locator("#problem-count")).hasText("No problems");
    assertThat(shapeless.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(shapeless.locator("#details-" + RULE)).isVisible();
    assertThat(shapeless.locator("#undo")).isDisabled(); // nothing to undo into
    shot(shapeless, "w04b-shapeless-copy-refused");
    assertThat(copies.find("analyst", PACK)).isEmpty();
    shapeless.context().close();

    // given: a readable copy with another title
    PackModel other = PackModel.of(baton.packs().draft(PACK).orElseThrow().pack());
    other.rules().get(0).put("title", java.util.Map.of("en", "Other title", "zh-CN", "另一个"));
    copies.save("analyst", PACK, baton.packs().draft(PACK).orElseThrow().revision(),
        other.toYaml());
    Page second = signIn("analyst");
    second.locator("#open-" + PACK).click();
    assertThat(second.locator("#restore-offer")).isVisible();
    // when: discarded
    second.locator("#discard-working-copy").click();
    idle(second);
    // then: the draft stays as saved, nothing unsaved, no copy left
    assertThat(second.locator("#restore-offer")).isHidden();
    assertThat(second.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(yaml(second)).doesNotContain("Other title");
    assertThat(copies.find("analyst", PACK)).isEmpty();
    second.context().close();
  }

  @Test
  @Order(3)
  void shouldAskBeforeSigningOutWithUnsavedEditsAndKeepOrDiscardThem() {
    // given: an unsaved title edit
    String saved = savedTitle();
    String edited = "Push the content pack (signed out)";
    Page page = signIn("analyst");
    openRule(page, PACK, RULE);
    editTitle(page, edited);

    // when: sign out
    page.locator("#logout").click();
    // then: asked, with both choices
    assertThat(page.getByText("Discard unsaved changes?")).isVisible();
    assertThat(page.getByText("Signing out discards them")).isVisible();
    shot(page, "w05-sign-out-asks");

    // when: keep editing
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep editing")).click();
    idle(page);
    // then: still signed in, the edit still there and unsaved
    assertThat(page.locator("#current-user")).containsText("analyst");
    assertThat(page.locator(TITLE_FIELD)).hasValue(edited);
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    await(() -> copies.find("analyst", PACK), "the working copy");

    // when: sign out again, discarding
    page.locator("#logout").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Discard and sign out")).click();
    // then: signed out, the working copy is gone, the draft is as saved
    assertThat(page.locator("input[name='username']")).isVisible();
    shot(page, "w06-signed-out");
    assertThat(copies.find("analyst", PACK)).isEmpty();
    assertThat(savedTitle()).isEqualTo(saved);
    page.context().close();

    // then: signing in again offers nothing
    Page again = signIn("analyst");
    again.locator("#open-" + PACK).click();
    assertThat(again.locator("#designer-title")).hasText(PACK);
    idle(again);
    assertThat(again.locator("#restore-offer")).isHidden();
    again.context().close();
  }

  @Test
  @Order(4)
  void shouldCarryTheEditsOverALanguageSwitchAndDropTheCopyWhenTheyAreDiscarded() {
    // given: an unsaved title edit, kept as a working copy
    String saved = savedTitle();
    String edited = "Push the content pack (language switch)";
    Page page = signIn("analyst");
    openRule(page, PACK, RULE);
    editTitle(page, edited);
    await(() -> copies.find("analyst", PACK).filter(c -> c.content().contains(edited)),
        "the working copy");

    // when: the language is switched, keeping the edits
    page.locator("#language").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("中文")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName("Keep my edits and switch")).click();
    // then: the edits are back in Chinese at once; no restore is offered for them
    assertThat(page.locator("#save-draft")).hasText("保存草稿");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "true");
    assertThat(page.locator(TITLE_FIELD)).hasValue(edited);
    assertThat(page.locator("#restore-offer")).isHidden();
    shot(page, "w07-switched-edits-kept");

    // when: switched back, discarding the edits
    page.locator("#language").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("English")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("放弃编辑并切换"))
        .click();
    // then: English, nothing unsaved, nothing offered, no working copy, the draft as saved
    assertThat(page.locator("#save-draft")).hasText("Save draft");
    assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
    assertThat(page.locator("#restore-offer")).isHidden();
    assertThat(copies.find("analyst", PACK)).isEmpty();
    assertThat(savedTitle()).isEqualTo(saved);
    page.context().close();
  }
}
