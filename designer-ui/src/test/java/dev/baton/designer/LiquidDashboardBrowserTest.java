package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.LiquidServices;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The liquid organisation's KPIs on the dashboard in headless Chromium: the demo story's units
 * formed within 23 minutes and every contribution attributable; an event outside any campaign
 * then makes attribution miss its target.
 */
class LiquidDashboardBrowserTest extends BrowserTestBase {
  @Autowired LiquidServices liquid;

  @Test
  void shouldShowLiquidKpisAndMissAttributionWhenAnEventHasNoCampaign() {
    // given: the demo story
    Page page = signIn("analyst");
    page.navigate(url("/dashboard"));
    assertThat(page.locator("#kpi-liquid-formation")).hasAttribute("data-state", "MET");
    assertThat(page.locator("#kpi-liquid-formation")).containsText("Target ≤ 23 min");
    shot(page, "l01-dashboard-liquid");
    // when: an event without a campaign is recorded
    liquid.record(new CollaborationEvent("EV-DASH-1", Instant.now(), "P-0008", null, "C-2002",
        "CASE_LIBRARY_USE", List.of("案例库"), List.of("案例 2 个"), null), "test");
    page.locator("#dashboard-refresh").click();
    // then
    assertThat(page.locator("#kpi-liquid-attribution")).hasAttribute("data-state", "NOT_MET");
    assertThat(page.locator("#kpi-liquid-attribution")).containsText("collaboration events");
    shot(page, "l02-dashboard-liquid-attribution-missed");
  }
}
