package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.DemoData;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewVerdict;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.runtime.Baton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consent view and the KPI dashboard in headless Chromium: ops sees coverage and the demo
 * customers' ratings, imports a consents file with a bad row (every problem listed, nothing
 * imported), then a good one (a customer turns green, coverage rises); demo visits run through
 * the workflow with one pack approved and one rejected, and the dashboard shows the KPIs moving
 * by exactly those counts. Screenshots {@code k01}–{@code k08} in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentDashboardBrowserTest extends BrowserTestBase {
  private static final String HEADER =
      "customerId,channel,purpose,status,source,evidenceId,recordedAt,expiresAt\n";

  @Autowired BattlePackRuntime runtime;
  @Autowired Baton baton;

  private static int intAttr(Locator l, String name) {
    return Integer.parseInt(l.getAttribute(name));
  }

  private static Locator row(Page page, String customerId) {
    return page.locator("#consent-grid vaadin-grid-cell-content").filter(
        new Locator.FilterOptions().setHasText(customerId)).first();
  }

  /** The rating badge in the grid row of a customer (the badge cell precedes the id cell). */
  private static Locator badgeOf(Page page, String customerId) {
    page.locator("#consent-search input").fill(customerId);
    page.locator("#consent-search input").press("Enter");
    assertThat(page.locator("#consent-count")).hasAttribute("data-query",
        customerId.toLowerCase(java.util.Locale.ROOT) + "|");
    assertThat(page.locator("#consent-count")).hasAttribute("data-count", "1");
    return page.locator("#consent-grid vaadin-grid-cell-content .rating-badge").first();
  }

  private static String percentDown(long part, long whole) {
    return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
        RoundingMode.DOWN).toPlainString() + "%";
  }

  @Test
  @Order(1)
  void shouldShowCoverageRatingsAndImportProblemsAndChangeNothingWhenARowIsBad() {
    // given
    Page page = signIn("ops");
    // when
    page.navigate(url("/consent"));
    // then: coverage against 92%, derived from the ledger's customers
    Locator coverage = page.locator("#consent-coverage");
    assertThat(coverage).containsText("Consent coverage");
    assertThat(coverage).containsText("target ≥ 92%");
    int customers = baton.consent().customers().size();
    assertThat(coverage).hasAttribute("data-customers", String.valueOf(customers));
    int covered = intAttr(coverage, "data-covered");
    assertThat(coverage.locator(".kpi-figure")).hasText(percentDown(covered, customers));
    assertThat(coverage).hasClass(java.util.regex.Pattern.compile(".*kpi-not-met.*"));
    // the chart by channel: every demo customer counts once per purpose on every channel
    Locator chart = page.locator("#consent-channels");
    assertThat(chart.locator("canvas")).hasCount(1);
    assertThat(chart).hasAttribute("data-refused",
        java.util.regex.Pattern.compile(".*VOICE=[1-9].*")); // C-1001 withdrew voice
    // the demo customers are yellow: required consents missing
    for (String id : List.of("C-1001", "C-2002", "C-3003")) {
      assertThat(badgeOf(page, id)).hasAttribute("data-rating", "YELLOW");
    }
    shot(page, "k01-consent-overview");

    // when: a customer's detail
    badgeOf(page, "C-1001").click();
    // then: consents in force and the ledger history with evidence ids
    Locator detail = page.locator("#consent-detail");
    assertThat(detail).hasAttribute("data-customer", "C-1001");
    // the reason names channel and purpose in the reader's language, the codes in data-pair
    assertThat(page.locator("#consent-reasons li[data-pair='SMS+SALES_FOLLOW_UP']"))
        .containsText("SMS · Sales follow-up");
    assertThat(page.locator("#consent-history")).containsText("EV-2026-1008-VOICE");
    assertThat(page.locator("#consent-history")).containsText("Withdrawn");
    assertThat(page.locator("#consent-current")).containsText("EV-2026-0915-EMAIL");
    shot(page, "k02-consent-customer-detail");

    // when: a consents file with one good and one bad row
    String bad = HEADER
        + "C-1001,SMS,SALES_FOLLOW_UP,GRANTED,EVENT_QR_CODE,EV-UI-1001-SMS,2026-11-20T08:00:00Z,\n"
        + "C-1001,FAX,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-UI-1001-FAX,2026-11-20T08:00:00Z,\n";
    page.locator("#consent-import-consents input[type=file]").setInputFiles(new FilePayload(
        "consents-bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
    // then: the problem with line, column, what and how to fix; nothing imported
    Locator result = page.locator("#consent-import-result");
    assertThat(result).hasAttribute("data-ok", "false");
    assertThat(result).hasAttribute("data-imported", "0");
    assertThat(page.locator("#consent-import-summary")).containsText(
        "Nothing was imported from the consents file consents-bad.csv: 1 problem on 1 of its 2 rows");
    Locator problems = page.locator("#consent-import-problems");
    assertThat(problems).containsText("line 3");
    assertThat(problems).containsText("channel");
    assertThat(problems).containsText("FAX");
    assertThat(problems).containsText("EMAIL, SMS, VOICE, WECHAT");
    assertThat(baton.consent().byEvidenceId("EV-UI-1001-SMS")).isEmpty();
    assertThat(page.locator("#consent-coverage")).hasAttribute("data-covered",
        String.valueOf(covered));
    assertThat(badgeOf(page, "C-1001")).hasAttribute("data-rating", "YELLOW");
    shot(page, "k03-consent-import-refused");
    page.locator(".notice-error").first().click(); // close the message
    page.context().close();
  }

  @Test
  @Order(2)
  void shouldTurnACustomerGreenAndRaiseCoverageWhenAGoodFileIsImported() {
    // given: C-2002 has WeChat marketing; the file adds e-mail marketing and SMS follow-up
    Page page = signIn("ops");
    page.navigate(url("/consent"));
    Locator coverage = page.locator("#consent-coverage");
    assertThat(coverage).hasAttribute("data-customers", java.util.regex.Pattern.compile("\\d+"));
    int customers = intAttr(coverage, "data-customers");
    int covered = intAttr(coverage, "data-covered");
    String good = HEADER
        + "C-2002,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-UI-2002-EMAIL,2026-11-20T08:00:00Z,\n"
        + "C-2002,SMS,SALES_FOLLOW_UP,GRANTED,EVENT_QR_CODE,EV-UI-2002-SMS,2026-11-20T08:00:00+08:00,\n";

    // when
    page.locator("#consent-import-consents input[type=file]").setInputFiles(new FilePayload(
        "consents-good.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)));

    // then: imported, C-2002 yellow → green, one more customer covered
    Locator result = page.locator("#consent-import-result");
    assertThat(result).hasAttribute("data-ok", "true");
    assertThat(result).hasAttribute("data-imported", "2");
    assertThat(page.locator("#consent-import-changes li[data-customer='C-2002']"))
        .hasAttribute("data-after", "GREEN");
    assertThat(page.locator("#consent-import-changes")).containsText("C-2002");
    assertThat(page.locator("#consent-import-changes")).containsText("Yellow → Green");
    assertThat(coverage).hasAttribute("data-covered", String.valueOf(covered + 1));
    assertThat(coverage.locator(".kpi-figure")).hasText(percentDown(covered + 1, customers));
    assertThat(baton.consent().byEvidenceId("EV-UI-2002-SMS")).isPresent();
    shot(page, "k04-consent-import-done");
    assertThat(badgeOf(page, "C-2002")).hasAttribute("data-rating", "GREEN");
    // the rating filter
    page.locator("#consent-search input").fill("");
    page.locator("#consent-search input").press("Enter");
    page.locator("#consent-rating-filter").click();
    page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Green"))
        .click();
    assertThat(page.locator("#consent-count")).hasAttribute("data-count",
        String.valueOf(baton.consent().statuses(Instant.now()).stream()
            .filter(s -> s.rating().name().equals("GREEN")).count()));
    assertThat(row(page, "C-2002")).isVisible();
    shot(page, "k05-consent-filter-green");
    page.context().close();
  }

  @Test
  @Order(3)
  void shouldKeepTheImportFromAnAnalystAndTheViewsFromAReviewer() {
    // given
    Page analyst = signIn("analyst");
    // when
    analyst.navigate(url("/consent"));
    // then: the analyst reads, but cannot import
    assertThat(analyst.locator("#consent-grid")).isVisible();
    assertThat(analyst.locator("#consent-import")).hasCount(0);
    analyst.context().close();
    // and a reviewer sees neither view
    Page legal = signIn("legal");
    legal.navigate(url("/consent"));
    assertThat(legal.locator("#consent-grid")).hasCount(0);
    legal.navigate(url("/dashboard"));
    assertThat(legal.locator("#dashboard-kpis")).hasCount(0);
    legal.context().close();
  }

  private Optional<ReviewItem> pending(ReviewRole role, long instance) {
    return runtime.pendingReviews(role).stream()
        .filter(i -> i.processInstanceKey() == instance).findFirst();
  }

  private static Kpi read(Page page, String id) {
    Locator card = page.locator("#kpi-" + id);
    assertThat(card).hasAttribute("data-part", java.util.regex.Pattern.compile("\\d+"));
    return new Kpi(intAttr(card, "data-part"), intAttr(card, "data-whole"));
  }

  private record Kpi(int part, int whole) {}

  private static int today(Page page) {
    String days = page.locator("#dashboard-per-day").getAttribute("data-days");
    String key = LocalDate.now(ZoneOffset.UTC) + "=";
    for (String d : days.split(",")) {
      if (d.startsWith(key)) {
        return Integer.parseInt(d.substring(key.length()));
      }
    }
    throw new AssertionError("No count for today in " + days);
  }

  @Test
  @Order(4)
  void shouldMoveTheKpisByTheVisitsAndVerdictsWhenPacksAreReviewed() {
    // given: the dashboard before
    Page page = signIn("ops");
    page.navigate(url("/dashboard"));
    Kpi autonomy = read(page, "autonomy");
    Kpi veto = read(page, "veto");
    int packsToday = today(page);
    shot(page, "k06-dashboard-before");

    // when: two visits the AI may prepare and one whose pack a manager must also approve
    long first = runtime.startVisit(DemoData.VISIT_AI_ALLOWED);
    long second = runtime.startVisit(DemoData.VISIT_AI_ALLOWED);
    long human = runtime.startVisit(DemoData.VISIT_HUMAN_REVIEW);
    ReviewItem a = await(() -> pending(ReviewRole.LEGAL, first), "legal review of visit 1");
    ReviewItem b = await(() -> pending(ReviewRole.LEGAL, second), "legal review of visit 2");
    await(() -> pending(ReviewRole.FINANCE, first), "finance review of visit 1");
    await(() -> pending(ReviewRole.FINANCE, second), "finance review of visit 2");
    await(() -> pending(ReviewRole.LEGAL, human), "legal review of the large-deal visit");
    // the first pack approved by both, the second rejected by legal (finance approves)
    runtime.decide(a.packId(), ReviewRole.LEGAL, ReviewVerdict.approve(ReviewRole.LEGAL,
        "legal", "ok"));
    runtime.decide(a.packId(), ReviewRole.FINANCE, ReviewVerdict.approve(ReviewRole.FINANCE,
        "finance", "ok"));
    runtime.decide(b.packId(), ReviewRole.LEGAL, ReviewVerdict.reject(ReviewRole.LEGAL,
        "legal", "Risk hint 2 understates the tender rules."));
    runtime.decide(b.packId(), ReviewRole.FINANCE, ReviewVerdict.approve(ReviewRole.FINANCE,
        "finance", "ok"));
    await(() -> runtime.services().packs().pack(a.packId())
        .filter(p -> p.status().equals("RELEASED")), "the release of the first pack");
    await(() -> runtime.services().packs().pack(b.packId())
        .filter(p -> p.status().equals("RETURNED")), "the return of the second pack");
    page.locator("#dashboard-refresh").click();

    // then: autonomy +2 of +3 decisions (the large deal needs a person), veto +1 of +2 packs
    // whose review is complete, +3 packs today (the large deal's pack awaits its reviews)
    Locator autonomyCard = page.locator("#kpi-autonomy");
    assertThat(autonomyCard).hasAttribute("data-part", String.valueOf(autonomy.part() + 2));
    assertThat(autonomyCard).hasAttribute("data-whole", String.valueOf(autonomy.whole() + 3));
    assertThat(autonomyCard.locator(".kpi-figure")).hasText(
        percentDown(autonomy.part() + 2, autonomy.whole() + 3));
    boolean autonomyMet = (autonomy.part() + 2) * 100L >= 65L * (autonomy.whole() + 3);
    assertThat(autonomyCard).hasAttribute("data-state", autonomyMet ? "MET" : "NOT_MET");
    assertThat(autonomyCard).containsText("Target ≥ 65%");

    Locator vetoCard = page.locator("#kpi-veto");
    int vetoed = veto.part() + 1;
    int reviewed = veto.whole() + 2;
    assertThat(vetoCard).hasAttribute("data-part", String.valueOf(vetoed));
    assertThat(vetoCard).hasAttribute("data-whole", String.valueOf(reviewed));
    assertThat(vetoCard.locator(".kpi-figure")).hasText(BigDecimal.valueOf(vetoed * 100L)
        .divide(BigDecimal.valueOf(reviewed), 1, RoundingMode.UP).toPlainString() + "%");
    assertThat(vetoCard).hasAttribute("data-state", vetoed * 100L <= 8L * reviewed ? "MET"
        : "NOT_MET");
    assertThat(vetoCard).containsText("Target ≤ 8%");

    assertThat(page.locator("#dashboard-per-day")).hasAttribute("data-days",
        java.util.regex.Pattern.compile(".*" + LocalDate.now(ZoneOffset.UTC) + "="
            + (packsToday + 3) + ".*"));

    // the consent card agrees with the consent ledger
    Locator consentCard = page.locator("#kpi-consent");
    var coverage = baton.consent().coverage(runtime.services().clock().instant());
    assertThat(consentCard).hasAttribute("data-part", String.valueOf(coverage.covered()));
    assertThat(consentCard).hasAttribute("data-whole", String.valueOf(coverage.customers()));

    // the median time to release, worked out here from the stored packs and their timelines
    Instant from = LocalDate.now(ZoneOffset.UTC).minusDays(13).atStartOfDay()
        .toInstant(ZoneOffset.UTC);
    List<Duration> times = new ArrayList<>();
    for (StoredPack p : runtime.services().packs().packsCreated(from, null)) {
      if (p.status().equals("RELEASED")) {
        List<WorkflowStep> steps = runtime.services().packs().timeline(p.pack().decisionId());
        times.add(Duration.between(steps.get(0).occurredAt(), p.updatedAt()));
      }
    }
    times.sort(null);
    int n = times.size();
    long median = (n % 2 == 1 ? times.get(n / 2)
        : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2)).toMillis();
    Locator medianCard = page.locator("#kpi-release-median");
    assertThat(medianCard).hasAttribute("data-whole", String.valueOf(n));
    assertThat(medianCard).hasAttribute("data-millis", String.valueOf(median));
    assertThat(medianCard).hasAttribute("data-state", "MET"); // seconds, against 4 hours
    assertThat(medianCard).containsText("Target ≤ 4 h 0 min");
    assertThat(page.locator("#kpi-packs-per-day")).hasAttribute("data-state", "NO_TARGET");
    assertThat(page.locator("#dashboard-per-day canvas")).hasCount(1);
    shot(page, "k07-dashboard-after");
    page.context().close();
  }
}
