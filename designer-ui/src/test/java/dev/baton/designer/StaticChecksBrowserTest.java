package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.runtime.Baton;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The static checks and the example coverage in the designer, in headless Chromium: findings on
 * the rule cards and in the test panel, the coverage after running the examples, and a pack
 * with a rule that can never fire. Screenshots go to {@code target/screenshots/}.
 */
class StaticChecksBrowserTest extends BrowserTestBase {

  private static final String FLAWED = """
      id: flawed
      version: 0.1.0
      kind: custom
      title: {en: Flawed pack, zh-CN: 有缺陷的规则包}
      facts:
        Order: {customerId: string, amount: number}
      rules:
        - id: impossible
          title: {en: Impossible, zh-CN: 不可能}
          when:
            - Order as o: {amount: {gt: 500, lt: 200}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId}
        - id: large
          title: {en: Large order, zh-CN: 大额订单}
          when:
            - Order as o: {amount: {gte: 100}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId}
      """;

  @Autowired Baton baton;

  private static void openDesigner(Page page, String pack) {
    page.locator("#open-" + pack).click();
    assertThat(page.locator("#designer-title")).hasText(pack);
  }

  @Test
  void shouldShowFindingsOnTheCardsAndCoverageInTheTestPanelWhenAnAnalystOpensAPack() {
    // given
    Page page = signIn("analyst");
    openDesigner(page, "ai-trigger");
    assertThat(page.locator("#problem-count")).hasText("No problems");

    // then: closed cards say how many findings concern their rule
    assertThat(page.locator("#details-high-risk-human-review-checks")).hasText("2 findings");
    assertThat(page.locator("#details-generate-battle-pack-checks")).isEmpty();

    // when: a rule card is opened
    page.locator("#details-high-risk-human-review > vaadin-details-summary").click();
    // then: it shows the rules that propose the same action for the same visits
    assertThat(page.locator("#rule-high-risk-human-review-findings .block-warning")).hasCount(2);
    assertThat(page.locator("#rule-high-risk-human-review-findings")).containsText(
        "Rules 'high-risk-human-review' and 'large-deal-human-review' both propose"
            + " REQUIRE_HUMAN_REVIEW for the same VisitRequest facts");
    shot(page, "checks-01-rule-card-findings");

    // when: the test panel is opened
    page.locator("#tab-test").click();
    // then: every finding is listed, the gaps too
    assertThat(page.locator("#check-findings .block-warning")).hasCount(5);
    assertThat(page.locator("#check-findings")).containsText(
        "Warning: No rule fires for Opportunity facts with stage ∈ {WON, LOST}.");

    // when: the examples run
    page.locator("#run-examples").click();
    // then: the coverage says which rules and conditions they exercised
    assertThat(page.locator("#coverage-summary")).hasText("Coverage: 9 of 9 rules fired in some"
        + " example; 9 of 9 conditions were seen both holding and failing.");
    assertThat(page.locator("#coverage-grade-opportunity-c")).hasText(
        "grade-opportunity-c: fired in 1 of 18 examples; conditions: 1 held and failed");
    shot(page, "checks-02-test-panel-coverage");
    page.context().close();
  }

  @Test
  void shouldShowAnErrorOnTheCardWhenARuleCanNeverFire() {
    // given: a valid pack whose first rule's tests contradict each other
    baton.packs().importDraft(PackSource.bytes("flawed.yaml",
        FLAWED.getBytes(StandardCharsets.UTF_8)), "analyst", "static checks test");
    Page page = signIn("analyst");

    // when
    openDesigner(page, "flawed");

    // then: the pack is valid, but the card says the rule can never fire
    assertThat(page.locator("#problem-count")).hasText("No problems");
    assertThat(page.locator("#rule-impossible-findings .block-problem")).hasText(
        "Rule 'impossible' can never fire: the tests on Order.amount contradict each other, no"
            + " value passes them all. Correct or remove a test.");
    assertThat(page.locator("#rule-large-findings")).isEmpty();
    assertThat(page.locator("#details-impossible-checks.block-problem")).hasText("1 finding");
    shot(page, "checks-03-never-fires");
    page.locator("#tab-test").click();
    assertThat(page.locator("#check-findings .block-problem")).containsText(
        "Error: Rule 'impossible' can never fire");
    assertThat(page.locator("#check-findings .block-warning")).containsText(
        "No rule fires for Order facts with amount < 100.");
    // and without examples the coverage stays empty
    page.locator("#run-examples").click();
    assertThat(page.locator("#examples-summary")).hasText("This pack has no examples yet.");
    assertThat(page.locator("#coverage-summary")).hasCount(0);
    shot(page, "checks-04-never-fires-test-panel");
    page.context().close();
  }
}
