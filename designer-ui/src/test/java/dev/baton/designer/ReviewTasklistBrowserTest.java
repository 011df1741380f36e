package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review inbox as a task list, in headless Chromium: sales ops files a visit request with
 * the form (bad input first); legal lands on its inbox, claims and gives back the review, then
 * rejects it and finds it in the searchable history; finance (in Chinese) sees legal's
 * rejection on its card, approves, and finds its own verdict in the history; a reviewer who
 * opens the audit page stays in the app's chrome and is told which role it needs. Screenshots
 * in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewTasklistBrowserTest extends BrowserTestBase {
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
  private static long instanceKey;
  private static String packId;

  @Autowired BattlePackRuntime runtime;

  private Optional<ReviewItem> pendingOf(ReviewRole role) {
    return runtime.pendingReviews(role).stream()
        .filter(i -> i.processInstanceKey() == instanceKey).findFirst();
  }

  private Locator card(Page page, String role) {
    return page.locator(".review-card[data-pack='" + packId + "'][data-role='" + role + "']");
  }

  private static void pick(Page page, String selectId, String label) {
    page.locator("#" + selectId).click();
    page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label))
        .first().click();
  }

  @Test
  @Order(1)
  void shouldRefuseByFieldAndThenStartTheWorkflowWhenOpsFilesAVisitRequestWithTheForm() {
    // given
    Page page = signIn("ops");
    page.navigate(url("/visit-requests/new"));
    assertThat(page.locator("#visit-form")).isVisible();

    // when: sending it with the customer id malformed and no rep, date or channel
    page.locator("#visit-customer input").fill("C 2002; drop");
    page.locator("#visit-send").click();

    // then: refused by field, nothing started
    assertThat(page.locator("#visit-result")).containsText("nothing was started");
    assertThat(page.locator("#visit-customer")).hasAttribute("invalid", "");
    assertThat(page.locator("#visit-rep")).hasAttribute("invalid", "");
    assertThat(page.locator("#visit-channel")).hasAttribute("invalid", "");
    assertThat(page.locator("#visit-result")).not().hasAttribute("data-instance",
        Pattern.compile(".+"));
    shot(page, "vt01-visit-form-invalid");

    // when: filled in as a rep would
    page.locator("#visit-customer input").fill("C-3003");
    page.locator("#visit-rep input").fill("REP-21");
    page.locator("#visit-date").evaluate("(e, v) => { e.value = v; }",
        LocalDate.now().plusDays(5).toString());
    pick(page, "visit-channel", "WeCom");
    page.locator("#visit-deal-size input").fill("480000");
    page.locator("#visit-send").click();

    // then: the battle-pack workflow runs for it and queues both reviews
    assertThat(page.locator("#visit-result")).hasAttribute("data-instance",
        Pattern.compile("\\d+"));
    instanceKey = Long.parseLong(page.locator("#visit-result").getAttribute("data-instance"));
    shot(page, "vt02-visit-form-sent");
    ReviewItem legal = await(() -> pendingOf(ReviewRole.LEGAL), "the legal review");
    await(() -> pendingOf(ReviewRole.FINANCE), "the finance review");
    packId = legal.packId();
    page.context().close();
  }

  @Test
  @Order(2)
  void shouldLandOnTheInboxClaimGiveBackRejectAndFindItInTheHistoryWhenLegalReviews() {
    // given / when: legal signs in
    Page page = signIn("legal");

    // then: it lands on its inbox, not on the rule packs
    page.waitForURL(Pattern.compile(".*/reviews$"));
    Locator card = card(page, "legal");
    assertThat(card).isVisible();
    assertThat(card.locator(".review-due")).not().containsText(ISO);
    assertThat(card.locator(".review-hints")).not().containsText(ISO);
    assertThat(card.locator(".review-strategies")).not().containsText(ISO);
    assertThat(card.locator(".review-others .review-other[data-role='finance']"))
        .containsText("still open");

    // when: claiming, then giving it back
    card.locator(".review-claim").click();
    assertThat(card.locator(".review-assignee")).hasAttribute("data-assignee", "legal");
    shot(page, "vt03-legal-claimed");
    card.locator(".review-unclaim").click();
    // then: open to the queue again
    assertThat(card.locator(".review-assignee")).containsText("Not claimed");
    assertThat(card.locator(".review-claim")).isVisible();

    // when: rejecting with a comment
    card.locator(".review-comment textarea").fill("Consent for voice follow-up is missing.");
    card.locator(".review-reject").click();

    // then: gone from the inbox, kept in the history with who, when, verdict and comment
    assertThat(card).hasCount(0);
    Locator history = page.locator("#review-history");
    assertThat(history).containsText(packId);
    assertThat(history).containsText("Consent for voice follow-up is missing.");
    assertThat(history).containsText("Rejected");
    assertThat(history).not().containsText(ISO);
    // and: searchable
    page.locator("#review-history-search input").fill("voice follow-up " + packId);
    assertThat(page.locator("#review-history-count")).hasAttribute("data-count", "1");
    shot(page, "vt04-legal-history-search");
    page.locator("#review-history-search input").fill("no-such-review-anywhere");
    assertThat(page.locator("#review-history-count")).hasAttribute("data-count", "0");
    assertThat(runtime.services().reviews().item(packId, ReviewRole.LEGAL).orElseThrow()
        .status()).isEqualTo(ReviewStatus.REJECTED);
    page.context().close();
  }

  @Test
  @Order(3)
  void shouldShowLegalsRejectionAndKeepTheVerdictInTheHistoryWhenFinanceReviewsInChinese() {
    // given
    Page page = signIn("finance", "zh-CN");
    page.navigate(url("/reviews"));
    Locator card = card(page, "finance");

    // then: legal's verdict (who, when, comment) is on the finance card, with a warning
    Locator legal = card.locator(".review-other[data-role='legal']");
    assertThat(legal).hasAttribute("data-status", "REJECTED");
    assertThat(legal).containsText("驳回");
    assertThat(legal).containsText("legal");
    assertThat(legal).containsText("Consent for voice follow-up is missing.");
    assertThat(legal).containsText("年");
    assertThat(card.locator(".review-other-warning")).isVisible();
    assertThat(page.locator("#review-summary")).containsText("作战包");
    shot(page, "vt05-finance-sees-legal-rejection-zh");

    // when: finance approves (it still gives its own verdict)
    card.locator(".review-comment textarea").fill("价格在授权范围内。");
    card.locator(".review-approve").click();

    // then: its verdict is in the history, with a localized time
    assertThat(card).hasCount(0);
    Locator row = page.locator("#review-history");
    assertThat(row).containsText(packId);
    assertThat(row).containsText("已批准");
    assertThat(row).containsText("价格在授权范围内。");
    assertThat(row).containsText("年");
    shot(page, "vt06-finance-history-zh");
    assertThat(runtime.services().reviews().item(packId, ReviewRole.FINANCE).orElseThrow()
        .reviewer()).isEqualTo("finance");
    page.context().close();
  }

  @Test
  @Order(4)
  void shouldKeepTheChromeAndNameTheRoleWhenAReviewerOpensTheAuditPage() {
    // given
    Page page = signIn("legal");
    // when
    page.navigate(url("/audit"));
    // then
    assertThat(page.locator("#access-denied")).isVisible();
    assertThat(page.locator("#access-denied-why")).containsText("auditor");
    assertThat(page.locator("#current-user")).containsText("legal");
    assertThat(page.locator("vaadin-side-nav")).containsText("Review inbox");
    assertThat(page.locator("body")).not().containsText("Could not navigate");
    shot(page, "vt07-denied-route-en");
    // and: its link leads to the reviewer's own start page
    page.locator("#access-denied-home").click();
    page.waitForURL(Pattern.compile(".*/reviews$"));
    page.context().close();

    // and: in Chinese
    Page zh = signIn("finance", "zh-CN");
    zh.navigate(url("/workflows"));
    assertThat(zh.locator("#access-denied-why")).containsText("开发者");
    assertThat(zh.locator("#current-user")).isVisible();
    shot(zh, "vt08-denied-route-zh");
    zh.context().close();
  }
}
