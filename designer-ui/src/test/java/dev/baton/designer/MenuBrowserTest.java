package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.designer.security.Role;
import dev.baton.designer.security.UserAccounts;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The side menu, read from the route registry: each role sees its entries in the same order as
 * before the menu was built from {@code @Menu} (the views the role may open), in English and
 * Chinese, and an entry leads to its view. Screenshots {@code m01}–{@code m03} in
 * {@code target/screenshots/}.
 */
class MenuBrowserTest extends BrowserTestBase {
  @Autowired UserAccounts users;

  /** A user of its own for this test (so no language another test stored applies). */
  private String account(String name, Role first, Role... more) {
    if (!users.exists(name)) {
      users.create(name, name, name, EnumSet.of(first, more));
    }
    return name;
  }

  private static Locator menu(Page page) {
    return page.locator("vaadin-side-nav vaadin-side-nav-item");
  }

  /** Exactly these entries, in this order (an item's text also holds its hidden toggle). */
  private static void assertMenu(Page page, String[] labels) {
    assertThat(menu(page)).hasCount(labels.length);
    assertThat(menu(page)).containsText(labels);
  }

  @Test
  void shouldShowEachRoleItsEntriesInTheirOrder() {
    account("menu-analyst", Role.ANALYST);
    account("menu-ops", Role.OPS);
    account("menu-reviewer", Role.REVIEWER);
    account("menu-auditor", Role.AUDITOR);
    account("menu-developer", Role.DEVELOPER);
    account("menu-all", Role.ANALYST, Role.OPS, Role.REVIEWER, Role.AUDITOR, Role.DEVELOPER,
        Role.ADMIN);
    String[][] expected = {
        {"menu-analyst", "Rule packs", "Dashboard", "Consent", "Campaign board"},
        {"menu-ops", "Rule packs", "Operations", "Dashboard", "Consent", "New visit request",
            "Campaign board"},
        {"menu-reviewer", "Rule packs", "Review inbox"},
        {"menu-auditor", "Rule packs", "Audit", "Dashboard", "Consent"},
        {"menu-developer", "Rule packs", "Workflows", "Operations", "Dashboard",
            "New visit request"},
        {"menu-all", "Rule packs", "Review inbox", "Audit", "Workflows", "Operations", "Dashboard",
            "Consent", "New visit request", "Campaign board"}};
    for (String[] row : expected) {
      // when
      Page page = signIn(row[0]);
      // then
      assertMenu(page, java.util.Arrays.copyOfRange(row, 1, row.length));
      if (row[0].equals("menu-all")) {
        shot(page, "m01-menu-admin-en");
      }
      page.context().close();
    }
  }

  @Test
  void shouldShowTheEntriesInChineseAndLeadToTheirViews() {
    // given
    Page page = signIn(account("menu-ops", Role.OPS), "zh-CN");
    // then
    assertMenu(page, new String[] {"规则包", "运维", "指标看板", "客户授权",
        "新建拜访申请", "战役编组中心"});
    shot(page, "m02-menu-ops-zh");
    // when: an entry is followed
    menu(page).filter(new Locator.FilterOptions().setHasText("客户授权")).click();
    // then
    page.waitForURL(Pattern.compile(".*/consent$"));
    assertThat(page.locator("body")).not().containsText("Could not navigate");
    page.context().close();
  }

  @Test
  void shouldShowEveryEntryToAnAdministratorWithNoOtherRole() {
    // given: an account with the administrator's role alone (an administrator has every role)
    String admin = account("menu-admin", Role.ADMIN);
    // when
    Page page = signIn(admin);
    // then
    assertMenu(page, new String[] {"Rule packs", "Review inbox", "Audit", "Workflows",
        "Operations", "Dashboard", "Consent", "New visit request", "Campaign board"});
    shot(page, "m03-menu-admin-only-en");
    // and: an entry leads to its view
    menu(page).filter(new Locator.FilterOptions().setHasText("Review inbox")).click();
    page.waitForURL(Pattern.compile(".*/reviews$"));
    assertThat(page.locator("#access-denied")).hasCount(0);
    assertThat(page.locator("body")).not().containsText("Could not navigate");
    page.context().close();
  }

  @Test
  void shouldLeadFromThePackListToTheDesignerAndItsVersionsAndBackByRoute() {
    // given
    Page page = signIn(account("menu-analyst", Role.ANALYST));
    // when: the pack list opens a pack (packs links to the rules feature by route)
    page.locator("#open-consent-check").click();
    // then
    page.waitForURL(Pattern.compile(".*/packs/consent-check/design$"));
    assertThat(page.locator("#save-draft")).isVisible();
    // when: the designer opens the pack's versions, and they open the designer again
    page.locator("#designer-versions").click();
    page.waitForURL(Pattern.compile(".*/packs/consent-check/versions$"));
    page.locator("vaadin-button").filter(new Locator.FilterOptions()
        .setHasText("Open in the designer")).click();
    // then
    page.waitForURL(Pattern.compile(".*/packs/consent-check/design$"));
    assertThat(page.locator("#save-draft")).isVisible();
    assertThat(page.locator("body")).not().containsText("Could not navigate");
    page.context().close();
  }
}
