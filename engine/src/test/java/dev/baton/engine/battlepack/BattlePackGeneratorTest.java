package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.BatonException;
import dev.baton.engine.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BattlePackGeneratorTest {
  static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  static final VisitRequest VISIT = VisitRequest.of("VR-1", "C-1", "REP-1",
      LocalDate.parse("2026-12-02"), "DINGTALK");

  static BattlePackContext context() {
    return new BattlePackContext(VISIT, "D-1", "Customer", "华东", NOW,
        List.of(new Deal("OPP-1", "C-1", "CT-80", "NEGOTIATION", new BigDecimal("900000"),
                new BigDecimal("10"), "LOW", "WECHAT", NOW.minusSeconds(86400), null),
            new Deal("W-1", "C-1", "CT-80", "WON", new BigDecimal("500000"),
                new BigDecimal("8"), "LOW", null, null, NOW.minusSeconds(86400 * 200)),
            new Deal("W-2", "C-1", "CT-80", "WON", new BigDecimal("400000"),
                new BigDecimal("6"), "LOW", null, null, NOW.minusSeconds(86400 * 500))),
        List.of(new CompetitorActivity("CA-1", "华东", "Rival", "CT-70", "PRICE_CUT",
            new BigDecimal("-10"), "cut", NOW.minusSeconds(86400 * 10))),
        List.of(new CatalogueUpdate("CU-1", "医保目录", "CT-80", "PRICE_CAP",
            new BigDecimal("800000"), "cap", NOW.plusSeconds(86400 * 35),
            NOW.minusSeconds(86400 * 12))),
        List.of(new PurchaseCycle("C-1", 1, LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-04-10"), new BigDecimal("300000")),
            new PurchaseCycle("C-1", 2, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-03-01"), new BigDecimal("400000"))),
        List.of(new BehaviourSignal("S-1", "C-1", "COMPETITOR_COMPARISON_DOWNLOAD", "cmp.pdf",
            NOW.minusSeconds(3600))));
  }

  @Test
  void shouldProduceThreeStrategiesAndTwoHintsWithEvidenceFromTheContextWhenGenerating() {
    // given
    BattlePackContext context = context();

    // when
    BattlePackContent content = BattlePackGenerators.deterministic().generate(context);

    // then
    content.check(context, "deterministic");
    assertThat(content.pricingStrategies()).extracting(PricingStrategy::id)
        .containsExactly("PS-1", "PS-2", "PS-3");
    assertThat(content.riskHints()).extracting(RiskHint::id).containsExactly("RH-1", "RH-2");
    // PS-1: the won-deal average discount (8 + 6) / 2 = 7 on the list price 1,000,000
    assertThat(content.pricingStrategies().get(0).discountPct()).isEqualByComparingTo("7");
    assertThat(content.pricingStrategies().get(0).price()).isEqualByComparingTo("930000");
    assertThat(content.pricingStrategies().get(0).evidence()).extracting(Evidence::id)
        .containsExactly("W-1", "W-2");
    // PS-2: half of the competitor's 10% cut on top: 12
    assertThat(content.pricingStrategies().get(1).discountPct()).isEqualByComparingTo("12");
    assertThat(content.pricingStrategies().get(1).evidence()).extracting(Evidence::id)
        .containsExactly("CA-1");
    // PS-3: 10% would quote 900,000, above the catalogue cap of 800,000: capped
    assertThat(content.pricingStrategies().get(2).price()).isEqualByComparingTo("800000");
    assertThat(content.pricingStrategies().get(2).evidence()).extracting(Evidence::id)
        .containsExactly("C-1#1", "C-1#2", "CU-1");
    assertThat(content.riskHints().get(0).evidence()).extracting(Evidence::id)
        .containsExactly("CU-1");
    assertThat(content.riskHints().get(1).evidence()).extracting(Evidence::id)
        .containsExactly("S-1", "CA-1");
  }

  @Test
  void shouldGiveTheSameContentAndHashWhenTheContextIsTheSame() {
    // given
    BattlePackContent a = BattlePackGenerators.deterministic().generate(context());
    BattlePackContent b = BattlePackGenerators.deterministic().generate(context());

    // when
    BattlePack pa = pack(a);
    BattlePack pb = pack(b);

    // then
    assertThat(a).isEqualTo(b);
    assertThat(pa.hash()).isEqualTo(pb.hash()).hasSize(64);
    assertThat(BattlePack.fromJson(pa.canonicalJson()).hash()).isEqualTo(pa.hash());
  }

  @Test
  void shouldWriteSortedKeysAndPlainNumbersWhenCanonical() {
    // given
    PricingStrategy s = new PricingStrategy("PS-1", "n", new BigDecimal("7.50"),
        new BigDecimal("1E+3"), "r", List.of(new Evidence(Evidence.Kind.DEAL, "W-1", "w")));
    PricingStrategy t = new PricingStrategy("PS-1", "n", new BigDecimal("7.5"),
        new BigDecimal("1000.00"), "r", List.of(new Evidence(Evidence.Kind.DEAL, "W-1", "w")));

    // when
    BattlePack ps = new BattlePack("BP", "D", "VR", "C", "R", "g", List.of(s), List.of());
    BattlePack pt = new BattlePack("BP", "D", "VR", "C", "R", "g", List.of(t), List.of());

    // then
    assertThat(ps.canonicalJson()).isEqualTo(pt.canonicalJson())
        .startsWith("{\"customerId\":\"C\",\"decisionId\":\"D\",\"generator\":\"g\"")
        .contains("\"discountPct\":7.5").contains("\"price\":1000");
    assertThat(ps.hash()).isEqualTo(pt.hash());
  }

  @Test
  void shouldChangeTheHashWhenAStrategyChanges() {
    // given
    BattlePackContent a = BattlePackGenerators.deterministic().generate(context());
    PricingStrategy first = a.pricingStrategies().get(0);
    PricingStrategy edited = new PricingStrategy(first.id(), first.name(),
        first.discountPct().add(BigDecimal.ONE), first.price(), first.rationale(),
        first.evidence());

    // when
    BattlePack changed = pack(new BattlePackContent(List.of(edited,
        a.pricingStrategies().get(1), a.pricingStrategies().get(2)), a.riskHints()));

    // then
    assertThat(changed.hash()).isNotEqualTo(pack(a).hash());
  }

  @Test
  void shouldReportEveryProblemWhenAGeneratorReturnsAnIncompletePack() {
    // given: what a model endpoint might return: two strategies, one citing a made-up deal
    BattlePackContent bad = new BattlePackContent(List.of(
        new PricingStrategy("PS-1", "a", new BigDecimal("5"), new BigDecimal("1"), "r",
            List.of(new Evidence(Evidence.Kind.DEAL, "INVENTED-9", "?"))),
        new PricingStrategy("PS-2", "b", new BigDecimal("120"), new BigDecimal("1"), "r",
            List.of())), List.of());

    // when / then
    assertThatThrownBy(() -> bad.check(context(), "model:test"))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).hasSize(5))
        .hasMessageContaining("has 2 strategies")
        .hasMessageContaining("has 0 hints")
        .hasMessageContaining("DEAL 'INVENTED-9' is not in the gathered context")
        .hasMessageContaining("pricingStrategies[1].discountPct")
        .hasMessageContaining("pricingStrategies[1].evidence: is empty");
  }

  @Test
  void shouldFallBackToTheVisitRequestAsEvidenceWhenThereIsNoHistory() {
    // given
    BattlePackContext empty = new BattlePackContext(VISIT.withDeal(new BigDecimal("100000"),
        "LOW"), "D-1", null, null, NOW, List.of(), List.of(), List.of(), List.of(), List.of());

    // when
    BattlePackContent content = BattlePackGenerators.deterministic().generate(empty);

    // then
    content.check(empty, "deterministic");
    assertThat(content.pricingStrategies().get(0).evidence()).extracting(Evidence::kind)
        .containsExactly(Evidence.Kind.VISIT_REQUEST);
  }

  @Test
  void shouldNameTheAvailableGeneratorsWhenTheNameIsUnknown() {
    // when / then
    assertThat(BattlePackGenerators.named("deterministic").name()).isEqualTo("deterministic");
    assertThatThrownBy(() -> BattlePackGenerators.named("model:gpt"))
        .isInstanceOf(BatonException.class)
        .hasMessageContaining("No battle-pack generator is named 'model:gpt'")
        .hasMessageContaining("[deterministic]");
  }

  private static BattlePack pack(BattlePackContent c) {
    return new BattlePack("BP-1", "D-1", "VR-1", "C-1", "REP-1", "deterministic",
        c.pricingStrategies(), c.riskHints());
  }
}
