package dev.baton.engine.battlepack;

import static dev.baton.engine.battlepack.BattlePackGeneratorTest.NOW;
import static dev.baton.engine.battlepack.BattlePackGeneratorTest.VISIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackTextTest {
  /** Evidence kinds whose summaries are ids, codes, names and dates only (no prose). */
  private static final Set<Evidence.Kind> PLAIN = Set.of(Evidence.Kind.COMPETITOR_ACTIVITY,
      Evidence.Kind.BEHAVIOUR_SIGNAL);

  private static List<PackText> texts(BattlePackContent c) {
    List<PackText> out = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (PricingStrategy s : c.pricingStrategies()) {
      out.add(PackText.title(s.name()));
      out.addAll(PackText.sentences(s.rationale()));
      evidence.addAll(s.evidence());
    }
    for (RiskHint h : c.riskHints()) {
      out.add(PackText.title(h.title()));
      out.addAll(PackText.sentences(h.detail()));
      evidence.addAll(h.evidence());
    }
    evidence.stream().filter(e -> !PLAIN.contains(e.kind()))
        .forEach(e -> out.add(PackText.evidence(e)));
    return out;
  }

  @Test
  void shouldGiveEveryTextOfTheGeneratorAKeyWhenTheContextIsFull() {
    // when
    List<PackText> texts = texts(BattlePackGenerators.deterministic()
        .generate(BattlePackGeneratorTest.context()));
    // then
    assertThat(texts).extracting(PackText::key).doesNotContain("pack.text")
        .contains("pack.strategy.holdPrice", "pack.rationale.holdPrice",
            "pack.strategy.answerCompetitor", "pack.rationale.answerCompetitor",
            "pack.rationale.cycles", "pack.rationale.cap", "pack.risk.priceCap.text",
            "pack.risk.comparativeClaims.text", "pack.evidence.deal", "pack.evidence.cycle",
            "pack.evidence.catalogue");
    assertThat(texts).contains(new PackText("pack.rationale.answerCompetitor",
        List.of("Rival", "CT-70", "10%", "华东")));
    assertThat(texts).contains(new PackText("pack.evidence.deal",
        List.of("pack.stage.WON", "CT-80", "500000", "8%")));
  }

  @Test
  void shouldGiveEveryTextOfTheGeneratorAKeyWhenThereIsLittleHistory() {
    // given: no competitor cut, a catalogue change without a cap; then nothing at all
    BattlePackContext some = new BattlePackContext(VISIT.withDeal(new BigDecimal("100000"),
        "LOW"), "D-1", null, null, NOW, List.of(), List.of(), List.of(new CatalogueUpdate("CU-2",
            "医保目录", "CT-80", "LISTED", null, "新增报销。", NOW, NOW)), List.of(), List.of());
    BattlePackContext none = new BattlePackContext(VISIT.withDeal(new BigDecimal("100000"),
        "LOW"), "D-1", null, null, NOW, List.of(), List.of(), List.of(), List.of(), List.of());
    // when
    List<PackText> texts = new ArrayList<>(texts(BattlePackGenerators.deterministic()
        .generate(some)));
    texts.addAll(texts(BattlePackGenerators.deterministic().generate(none)));
    // then
    assertThat(texts).extracting(PackText::key).doesNotContain("pack.text")
        .contains("pack.strategy.stayAhead", "pack.rationale.stayAhead", "pack.rationale.noCycle",
            "pack.risk.catalogueChange.text", "pack.risk.discountApproval.text",
            "pack.risk.gifts.text", "pack.evidence.visit");
  }

  @Test
  void shouldKeepATextOfAnotherShapeAsItIs() {
    assertThat(PackText.title("Bundle the service contract"))
        .isEqualTo(new PackText("pack.text", List.of("Bundle the service contract")));
    assertThat(PackText.sentences("A model's own words."))
        .containsExactly(new PackText("pack.text", List.of("A model's own words.")));
  }
}
