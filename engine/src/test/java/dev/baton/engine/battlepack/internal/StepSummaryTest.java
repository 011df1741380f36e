package dev.baton.engine.battlepack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.battlepack.BattlePack;
import dev.baton.engine.battlepack.BattlePackContent;
import dev.baton.engine.battlepack.BattlePackContext;
import dev.baton.engine.battlepack.BattlePackGenerator;
import dev.baton.engine.battlepack.BattlePackGenerators;
import dev.baton.engine.battlepack.Deal;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.StepSummary;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.rules.Decision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every summary shape the step handlers write, built with the handlers' own code, reads back
 * as its key and arguments; a wording change in a handler fails here.
 */
class StepSummaryTest {
  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  private static final VisitRequest VISIT = VisitRequest.of("VR-1", "C-2002", "REP-12",
      LocalDate.parse("2026-12-09"), "DINGTALK");
  private static final List<String> ACTIONS = List.of("PUSH_CONTENT_PACK",
      "GENERATE_BATTLE_PACK");

  private static Decision decision(List<Decision.DecidedAction> actions,
      List<Decision.Verdict> blocks) {
    return new Decision("VR-1@7", "REP-12", NOW, List.of(), !blocks.isEmpty(), actions,
        List.of(), blocks, List.of(), Map.of(), List.of(), List.of(), List.of());
  }

  private static Decision.DecidedAction action(String name, Map<String, Object> params) {
    return new Decision.DecidedAction("a1", name, params, "ai-trigger", "r1");
  }

  private static StepSummary of(String summary) {
    return StepSummary.of(summary);
  }

  @Test
  void shouldReadEveryEvaluateSummary() {
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", true, List.of(), null, ACTIONS)))
        .isEqualTo(new StepSummary("step.evaluate.allowed", List.of("D-1", "VR-1@7",
            "PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK")));
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", true,
        List.of("deal above 1,000,000"), null, ACTIONS)))
        .isEqualTo(new StepSummary("step.evaluate.approval", List.of("D-1", "VR-1@7",
            "deal above 1,000,000", "PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK")));
    // the blocked reasons, as the handler words them
    Decision review = decision(List.of(action("REQUIRE_HUMAN_REVIEW",
        Map.of("reason", "high risk (level HIGH)"))), List.of());
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(),
        EvaluateHandler.reason(review, false, "WECHAT"), List.of("REQUIRE_HUMAN_REVIEW"))))
        .isEqualTo(new StepSummary("step.evaluate.review", List.of("D-1", "VR-1@7",
            "high risk (level HIGH)", "REQUIRE_HUMAN_REVIEW")));
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(),
        EvaluateHandler.reason(decision(List.of(), List.of()), false, "WECHAT"), List.of())))
        .isEqualTo(new StepSummary("step.evaluate.noPack", List.of("D-1", "VR-1@7", "")));
    Decision generate = decision(List.of(action("GENERATE_BATTLE_PACK",
        Map.of("visitRequestId", "VR-1"))), List.of());
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(),
        EvaluateHandler.reason(generate, true, null), ACTIONS)).key())
        .isEqualTo("step.evaluate.noChannel");
    Decision blocked = decision(generate.actions(), List.of(new Decision.Verdict("consent",
        "opt-out", "the customer opted out (of WECHAT)", Map.of("ledger", 3))));
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(),
        EvaluateHandler.reason(blocked, true, "WECHAT"), ACTIONS)))
        .isEqualTo(new StepSummary("step.evaluate.consentProof", List.of("D-1", "VR-1@7",
            "WECHAT", "the customer opted out (of WECHAT)", "{ledger=3}",
            "PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK")));
    Decision blockedNoVerdict = decision(generate.actions(), List.of());
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(),
        EvaluateHandler.reason(blockedNoVerdict, true, "WECHAT"), ACTIONS)))
        .isEqualTo(new StepSummary("step.evaluate.consent", List.of("D-1", "VR-1@7",
            "WECHAT", "PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK")));
    assertThat(of(EvaluateHandler.summary("D-1", "VR-1@7", false, List.of(), "something new",
        ACTIONS)).key()).isEqualTo("step.evaluate.blocked");
  }

  @Test
  void shouldReadTheGatherAndGenerateSummaries() {
    Deal deal = new Deal("OPP-1", "C-2002", "CT-80", "NEGOTIATION", new BigDecimal("900000"),
        new BigDecimal("10"), "LOW", "WECHAT", NOW.minusSeconds(86400), null);
    BattlePackContext context = new BattlePackContext(VISIT, "D-1", "客户", "华东", NOW,
        List.of(deal), List.of(), List.of(), List.of(), List.of());
    assertThat(of(GatherContextHandler.summary(context, "C-2002")))
        .isEqualTo(new StepSummary("step.gather", List.of("1", "0", "华东", "0", "0", "0",
            "C-2002")));
    BattlePackGenerator generator = BattlePackGenerators.deterministic();
    BattlePackContent content = generator.generate(context);
    BattlePack pack = new BattlePack("BP-9", "D-1", "VR-1", "C-2002", "REP-12",
        generator.name(), content.pricingStrategies(), content.riskHints());
    StepSummary generated = of(GenerateBattlePackHandler.summary(pack, generator.name(),
        pack.hash()));
    assertThat(generated.key()).isEqualTo("step.generate");
    assertThat(generated.args()).containsExactly("BP-9",
        String.valueOf(content.pricingStrategies().size()),
        String.valueOf(content.riskHints().size()), generator.name(), pack.hash());
  }

  @Test
  void shouldReadTheReviewSummaries() {
    ReviewItem pending = new ReviewItem("BP-9", ReviewRole.LEGAL, "D-1", 7L,
        ReviewStatus.PENDING, null, null, NOW.plusSeconds(3600), NOW, null, null);
    assertThat(of(QueueReviewHandler.summary("BP-9", ReviewRole.LEGAL, pending)))
        .isEqualTo(new StepSummary("step.queue", List.of("BP-9", "step.role.legal",
            "2026-12-07T09:00:00Z", pending.itemId())));
    assertThat(of(EscalateReviewHandler.summary(ReviewRole.FINANCE, "BP-9", pending, true)))
        .isEqualTo(new StepSummary("step.escalated", List.of("step.role.finance", "BP-9",
            "2026-12-07T09:00:00Z", "step.role.finance")));
    ReviewItem approved = new ReviewItem("BP-9", ReviewRole.MANAGER, "D-1", 7L,
        ReviewStatus.APPROVED, "ok", "mgr", NOW, NOW, null, NOW);
    assertThat(of(EscalateReviewHandler.summary(ReviewRole.MANAGER, "BP-9", approved, false)))
        .isEqualTo(new StepSummary("step.notEscalated", List.of("step.role.manager", "BP-9",
            "step.status.APPROVED")));
    assertThat(of(ReleasePackHandler.summary("BP-9", "REP-12", false)))
        .isEqualTo(new StepSummary("step.release", List.of("BP-9", "REP-12")));
    assertThat(of(ReleasePackHandler.summary("BP-9", "REP-12", true)))
        .isEqualTo(new StepSummary("step.releaseManager", List.of("BP-9", "REP-12")));
    Map<String, Object> rejected = new LinkedHashMap<>();
    rejected.put("role", "legal");
    rejected.put("status", "REJECTED");
    rejected.put("comment", "claim not provable");
    assertThat(of(ReturnToRepHandler.summary("BP-9", "REP-12", List.of(rejected))))
        .isEqualTo(new StepSummary("step.return", List.of("BP-9", "REP-12",
            "legal: claim not provable")));
  }

  @Test
  void shouldReadTheAlternativesSummariesAndKeepOtherTextsAsTheyAre() {
    assertThat(of(CarryOutAlternativesHandler.summary(List.of()))).isEqualTo(
        new StepSummary("step.noAlternatives", List.of()));
    assertThat(of(CarryOutAlternativesHandler.summary(List.of("PUSH_CONTENT_PACK",
        "CREATE_SALES_TASK")))).isEqualTo(new StepSummary("step.alternatives",
            List.of("PUSH_CONTENT_PACK, CREATE_SALES_TASK")));
    assertThat(of("Gathered a lot...")).isEqualTo(new StepSummary("step.text",
        List.of("Gathered a lot...")));
    assertThat(of((String) null)).isEqualTo(new StepSummary("step.text", List.of("")));
  }
}
