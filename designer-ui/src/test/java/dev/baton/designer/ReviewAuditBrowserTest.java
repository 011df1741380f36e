package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.DemoData;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.ReviewTasks;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.runtime.Baton;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review and audit story in headless Chromium: a demo visit request produces a battle pack;
 * legal and finance approve it in their inboxes; a second verdict is refused; the pack is
 * released; the auditor finds the decision from the customer, sees the workflow steps it
 * caused, replays it ("identical") and verifies the chain. Screenshots in {@code
 * target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewAuditBrowserTest extends BrowserTestBase {
  private static final String CUSTOMER = DemoData.VISIT_AI_ALLOWED.customerId();
  private static String packId;

  @Autowired BattlePackRuntime runtime;
  @Autowired Baton baton;
  @Autowired UserAccounts accounts;

  private Optional<ReviewItem> pendingFor(ReviewRole role) {
    return runtime.pendingReviews(role).stream().filter(i -> runtime.services().packs()
        .pack(i.packId()).map(p -> p.pack().customerId().equals(CUSTOMER)).orElse(false))
        .findFirst();
  }

  /**
   * Filters the audit grid by the decision's request id as well (unique per process instance)
   * and waits until the grid holds that one decision. (The grid keeps the cells of the rows
   * it hides after a new search, with their old texts: rows are clicked among visible cells.)
   */
  private void showOnly(Page page, String decisionId) {
    String requestId = baton.decisions().get(decisionId).orElseThrow().requestId();
    page.locator("#audit-request input").fill(requestId);
    page.locator("#audit-search").click();
    assertThat(page.locator("#audit-count")).hasAttribute("data-count", "1");
  }

  private Locator card(Page page, String role) {
    return page.locator(".review-card[data-pack='" + packId + "'][data-role='" + role + "']");
  }

  @Test
  @Order(1)
  void shouldShowThePackWithStrategiesAndHintsAndApproveWhenLegalReviews() {
    // given: a demo visit request has produced a battle pack waiting for both reviews
    runtime.startVisit(DemoData.VISIT_AI_ALLOWED);
    ReviewItem item = await(() -> pendingFor(ReviewRole.LEGAL), "the legal review");
    await(() -> pendingFor(ReviewRole.FINANCE), "the finance review");
    packId = item.packId();
    Page page = signIn("legal");

    // when
    page.navigate(url("/reviews"));
    Locator card = card(page, "legal");
    // then: the legal queue only, with 3 strategies and 2 hints with evidence
    assertThat(page.locator("#review-queues")).containsText("Legal");
    assertThat(page.locator("#review-queues")).not().containsText("Finance");
    assertThat(card).isVisible();
    assertThat(card(page, "finance")).hasCount(0);
    assertThat(card.locator(".review-strategy")).hasCount(3);
    assertThat(card.locator(".review-hint")).hasCount(2);
    assertThat(card.locator(".review-hint .review-evidence li").first()).isVisible();
    // and: the card is the workflow's open legal review task, found by the task search
    UserTask task = ReviewTasks.of(runtime.client(), item.processInstanceKey(),
        ReviewRole.LEGAL).orElseThrow();
    assertThat(task.getCandidateGroups()).containsExactly("legal");
    assertThat(card.locator(".review-task")).hasAttribute("data-task",
        String.valueOf(task.getUserTaskKey()));
    assertThat(card.locator(".review-assignee")).containsText("Not claimed");
    shot(page, "r01-legal-inbox");

    // when: claiming it
    card.locator(".review-claim").click();
    // then: the task is assigned to the reviewer, and the card says so
    assertThat(page.locator("vaadin-notification-card").last()).containsText("Claimed");
    assertThat(card.locator(".review-assignee")).hasAttribute("data-assignee", "legal");
    assertThat(card.locator(".review-claim")).hasCount(0);
    assertThat(ReviewTasks.of(runtime.client(), item.processInstanceKey(), ReviewRole.LEGAL)
        .orElseThrow().getAssignee()).isEqualTo("legal");

    // when: rejecting without a comment
    card.locator(".review-reject").click();
    // then: refused on the card, the item still open
    assertThat(card.locator(".review-comment")).hasAttribute("invalid", "");
    assertThat(runtime.services().reviews().item(packId, ReviewRole.LEGAL).orElseThrow()
        .status().open()).isTrue();
    shot(page, "r02-legal-reject-needs-comment");

    // when: approving with a comment
    card.locator(".review-comment textarea").fill("Consent and contract terms checked.");
    card.locator(".review-approve").click();
    // then
    assertThat(page.locator("vaadin-notification-card").last()).containsText("Approved");
    assertThat(card).hasCount(0);
    assertThat(runtime.services().reviews().item(packId, ReviewRole.LEGAL).orElseThrow()
        .status()).isEqualTo(ReviewStatus.APPROVED);
    UserTask done = ReviewTasks.of(runtime.client(), item.processInstanceKey(),
        ReviewRole.LEGAL).orElseThrow();
    assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(done.getAssignee()).isEqualTo("legal");
    shot(page, "r03-legal-approved");
    page.context().close();
  }

  @Test
  @Order(2)
  void shouldRefuseASecondDecisionAndChangeNothingWhenTheReviewIsAlreadyDecided() {
    // given: the finance inbox open in two tabs of the same reviewer
    Page first = signIn("finance");
    first.navigate(url("/reviews"));
    Page second = first.context().newPage();
    second.navigate(url("/reviews"));
    assertThat(card(first, "finance").locator(".review-strategy")).hasCount(3);
    assertThat(card(first, "legal")).hasCount(0);
    shot(first, "r04-finance-inbox");

    // when: the first tab approves, then the stale second tab rejects
    card(first, "finance").locator(".review-comment textarea").fill("Margins fine.");
    card(first, "finance").locator(".review-approve").click();
    assertThat(first.locator("vaadin-notification-card").last()).containsText("Approved");
    card(second, "finance").locator(".review-comment textarea").fill("Too cheap.");
    card(second, "finance").locator(".review-reject").click();

    // then: refused with a clear message; the approval stands
    assertThat(second.locator(".notice-error")).containsText("already decided");
    assertThat(second.locator(".notice-error")).containsText("nothing was changed");
    ReviewItem finance = runtime.services().reviews().item(packId, ReviewRole.FINANCE)
        .orElseThrow();
    assertThat(finance.status()).isEqualTo(ReviewStatus.APPROVED);
    assertThat(finance.comment()).isEqualTo("Margins fine.");
    assertThat(ReviewTasks.of(runtime.client(), finance.processInstanceKey(), ReviewRole.FINANCE)
        .orElseThrow()).satisfies(t -> {
          assertThat(t.getState()).isEqualTo(UserTaskState.COMPLETED);
          assertThat(t.getAssignee()).isEqualTo("finance");
        });
    shot(second, "r05-finance-second-decision-refused");

    // and: both approvals release the pack
    StoredPack released = await(() -> runtime.services().packs().pack(packId)
        .filter(p -> p.status().equals("RELEASED")), "the release of " + packId);
    assertThat(released.status()).isEqualTo("RELEASED");
    first.context().close();
  }

  @Test
  @Order(3)
  void shouldFindTheDecisionFromTheCustomerReplayItAndVerifyWhenSignedInAsAuditor() {
    // given: the released pack's decision
    String decisionId = runtime.services().packs().pack(packId).orElseThrow().pack()
        .decisionId();
    Page page = signIn("auditor");
    page.navigate(url("/audit"));
    assertThat(page.locator("#audit-grid")).isVisible();
    shot(page, "r07-auditor-timeline");

    // when: filter by the customer (click 1), open the decision (click 2)
    page.locator("#audit-customer input").fill(CUSTOMER);
    page.locator("#audit-search").click();
    // the grid shows the customer's decisions only (not the unfiltered list it opened with)
    long ofCustomer = baton.decisions().count(DecisionQuery.all().customer(CUSTOMER));
    assertThat(page.locator("#audit-count")).hasAttribute("data-count",
        String.valueOf(ofCustomer));
    // and the decision's own request (the log holds many decisions of the customer when other
    // tests ran before: the row would not be among the rows the grid has rendered)
    showOnly(page, decisionId);
    page.locator("#audit-grid vaadin-grid-cell-content").filter(
        new Locator.FilterOptions().setHasText(decisionId).setVisible(true)).first().click();
    // then: inputs, why and the workflow steps it caused, with process instance keys
    assertThat(page.locator("#audit-detail")).hasAttribute("data-decision", decisionId);
    assertThat(page.locator("#audit-workflow")).containsText("Workflow steps");
    assertThat(page.locator("#audit-steps")).containsText("release");
    assertThat(page.locator("#audit-workflow")).containsText("RELEASED");
    assertThat(page.locator("#audit-fired")).containsText("Rules that fired");
    assertThat(page.locator("#audit-input")).containsText(CUSTOMER);
    shot(page, "r08-auditor-decision");

    // when: replay (click 3)
    page.locator("#audit-replay").click();
    // then
    assertThat(page.locator("#replay-result")).containsText("identical");
    assertThat(page.locator("#replay-result")).hasAttribute("data-identical", "true");
    shot(page, "r09-auditor-replay-identical");

    // when: the chain is verified
    page.locator("#audit-verify").click();
    // then
    assertThat(page.locator("#verify-result")).hasAttribute("data-ok", "true");
    assertThat(page.locator("#verify-result")).containsText("Chain verified");
    shot(page, "r10-auditor-verified");

    // when: every recorded decision is replayed (no From / To day: the whole log)
    page.locator("#audit-replay-range").click();
    // then: all of them identical, none different or failed
    assertThat(page.locator("#replay-range-result")).hasAttribute("data-different", "0");
    assertThat(page.locator("#replay-range-result")).containsText(Pattern.compile(
        "([1-9]\\d*) replayed: \\1 identical, 0 different, 0 failed"));
    assertThat(page.locator(".replay-range-difference")).hasCount(0);
    shot(page, "r11-auditor-range-replayed");
    page.context().close();
  }

  @Test
  @Order(4)
  void shouldKeepTheInboxClosedWhenTheUserIsNoReviewer() {
    // given
    Page page = signIn("analyst");
    // when
    page.navigate(url("/reviews"));
    // then: the view is not available to the analyst
    assertThat(page.locator("#review-cards")).hasCount(0);
    shot(page, "r06-analyst-no-inbox");
    page.context().close();
  }

  @Test
  @Order(5)
  void shouldShowTheWorkflowStepsInChineseWhenTheAuditorReadsChinese() {
    // given: the released pack's decision, an auditor who reads Chinese
    String decisionId = runtime.services().packs().pack(packId).orElseThrow().pack()
        .decisionId();
    accounts.setLocale("auditor", Locale.SIMPLIFIED_CHINESE);
    try {
      Page page = signIn("auditor", 1600, 1100, "zh-CN");
      page.navigate(url("/audit"));
      page.locator("#audit-customer input").fill(CUSTOMER);
      showOnly(page, decisionId);
      // when: the decision is opened
      page.locator("#audit-grid vaadin-grid-cell-content").filter(
          new Locator.FilterOptions().setHasText(decisionId).setVisible(true)).first().click();
      // then: every step reads in Chinese, ids as they are, the stored English as the title
      Locator steps = page.locator("#audit-steps");
      assertThat(steps).containsText("已为 " + CUSTOMER + " 收集");
      assertThat(steps).containsText("AI 可以生成作战包");
      assertThat(steps).containsText("放入法务预审队列");
      assertThat(steps).containsText("已发布给");
      for (String english : new String[] {"Gathered", "Generated battle pack", "Queued",
          "Released battle pack", "Decision "}) {
        assertThat(steps).not().containsText(english);
      }
      assertThat(page.locator("#audit-steps span[data-key='step.release'],"
          + " #audit-steps span[data-key='step.releaseManager']").first())
          .hasAttribute("title", Pattern.compile("^Released battle pack " + packId + " to "));
      steps.scrollIntoViewIfNeeded();
      shot(page, "r12-auditor-steps-chinese");
      page.context().close();
    } finally {
      accounts.setLocale("auditor", Locale.ENGLISH);
    }
  }
}
