package dev.baton.designer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.battlepack.Evidence;
import dev.baton.engine.battlepack.PackText;
import dev.baton.engine.rules.MissReason;
import dev.baton.engine.workflow.IncidentReason;
import org.junit.jupiter.api.Test;

class EngineTextsTest {
  private final EngineTexts zh = new EngineTexts(new Texts(Messages.ZH_CN));
  private final EngineTexts en = new EngineTexts(new Texts(Messages.EN));

  @Test
  void shouldShowANearestMissInChineseWithItsValuesWhenTheStoredSentenceIsEnglish() {
    // given: the sentence as a record stores it
    MissReason r = MissReason.of("Consent #1: status is GRANTED, needs = DENIED");
    // when / then
    assertThat(zh.miss(r)).isEqualTo("Consent #1：status 为 GRANTED，需要 等于 DENIED");
    assertThat(zh.miss(MissReason.of("no Customer fact"))).isEqualTo("没有 Customer 事实");
    assertThat(zh.missComponent(r).getElement().getOuterHTML())
        .contains("<code>Consent #1</code>").contains("<code>GRANTED</code>").contains("等于");
    assertThat(en.miss(MissReason.of("none of the alternatives holds (first: no Deal fact)")))
        .isEqualTo("none of the alternatives holds (first: no Deal fact)");
  }

  @Test
  void shouldShowSystemNotesInChineseAndTypedNotesAsTyped() {
    assertThat(zh.note("template cmi-threshold@1.0.0")).isEqualTo("由模板 cmi-threshold@1.0.0 创建");
    assertThat(zh.note("examples of template cmi-threshold@1.0.0"))
        .isEqualTo("模板 cmi-threshold@1.0.0 的示例");
    assertThat(en.note("template cmi-threshold@1.0.0")).isEqualTo("template cmi-threshold@1.0.0");
    assertThat(zh.note("Voice fallback only")).isEqualTo("Voice fallback only");
    assertThat(zh.note(null)).isEmpty();
  }

  @Test
  void shouldShowIncidentsAndBattlePackTextsInTheReadersLanguage() {
    assertThat(zh.incident(IncidentReason.of("CONDITION_ERROR", "expected the condition"
        + " '=amount > 100' to be a boolean, but it was null (sequence flow 'Flow_big')")))
        .isEqualTo("顺序流 Flow_big 的条件 =amount > 100 的结果必须是布尔值，但实际为 null。");
    assertThat(zh.packTitle("Hold price, add value")).isEqualTo("守住价格，增加价值");
    assertThat(zh.packTitle("A model's own title")).isEqualTo("A model's own title");
    assertThat(en.packSentences("Quote at the customer's usual discount of 7% (average of the"
        + " last won deals) and add services instead of price.")).isEqualTo("Quote at the"
        + " customer's usual discount of 7% (average of the last won deals) and add services"
        + " instead of price.");
    assertThat(zh.pack(PackText.evidence(new Evidence(Evidence.Kind.DEAL, "W-1",
        "WON CT-80, 500000 at 8% discount")))).isEqualTo("赢单 CT-80，500,000，折扣 8%");
    assertThat(zh.named("liquid.role.", "RISK_EXPERT")).isEqualTo("风控专家");
    assertThat(zh.named("liquid.role.", "NEW_ROLE")).isEqualTo("NEW_ROLE");
  }

  private static dev.baton.engine.battlepack.WorkflowStep step(String summary) {
    return new dev.baton.engine.battlepack.WorkflowStep(1L, "D-1", 7L, "baton.evaluate",
        "evaluate", summary, "{}", java.time.Instant.parse("2026-12-07T08:00:00Z"));
  }

  @Test
  void shouldShowWorkflowStepSummariesInChineseAndTheStoredEnglishInEnglish() {
    // given: summaries as the step handlers store them
    String evaluate = "Decision 01a2 on VR-1@2251: the AI may generate the battle pack;"
        + " actions [PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK]";
    String gather = "Gathered 3 deals, 2 competitor activities in 华东, 2 catalogue updates,"
        + " 3 purchase cycles, 4 behaviour signals for C-2002";
    String consent = "Decision 01a2 on VR-1@2251: the AI may not act (consent blocked on"
        + " WECHAT: opted out (proof {ledger=3})); actions [GENERATE_BATTLE_PACK]";
    String noChannel = "Decision 01a2 on VR-1@2251: the AI may not act (no customer contact"
        + " channel is known (no contactChannel on the request and no open deal with a"
        + " next-step channel), so consent cannot be checked); actions []";
    String released = "Released battle pack BP-9 to REP-12 after legal and finance approval"
        + " and the sales manager's approval";
    String returned = "Returned battle pack BP-9 to REP-12 with the reviewers' comments"
        + " [legal: claim not provable]";
    String carried = "The AI may not act; carried out the decision's alternative actions"
        + " [PUSH_CONTENT_PACK]";
    // when / then: English reads exactly as stored
    for (String s : java.util.List.of(evaluate, gather, consent, noChannel, released, returned,
        carried, "The AI may not act and the decision has no other action: nothing carried out",
        "The manager review of BP-9 is approved: nothing to escalate", "shortened...")) {
      assertThat(en.step(step(s))).isEqualTo(s);
    }
    // and Chinese
    assertThat(zh.step(step(evaluate))).isEqualTo("决策 01a2（请求 VR-1@2251）：AI 可以生成作战包；"
        + "动作 [PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK]");
    assertThat(zh.step(step(gather))).isEqualTo("已为 C-2002 收集 3 个商机、华东 的 2 条竞争对手动态、"
        + "2 条目录更新、3 个采购周期、4 条行为信号");
    assertThat(zh.step(step(released))).isEqualTo("作战包 BP-9 经法务、财务及销售经理批准后已发布给 REP-12");
    assertThat(zh.step(step("The manager review of BP-9 is approved: nothing to escalate")))
        .isEqualTo("BP-9 的销售经理预审已批准：无需升级");
    assertThat(zh.step(step("Queued battle pack BP-9 for legal review, due"
        + " 2026-12-07T12:17:30Z (correlation key BP-9/legal)")))
        .startsWith("已将作战包 BP-9 放入法务预审队列，截止 2026").doesNotContain("T12:17:30Z")
        .endsWith("（关联键 BP-9/legal）");
    assertThat(zh.step(step("shortened..."))).isEqualTo("shortened...");
    // the component: ids as code, the stored English as the title
    String html = zh.stepComponent(step(evaluate)).getElement().getOuterHTML();
    assertThat(html).contains("<code>01a2</code>").contains("<code>VR-1@2251</code>")
        .contains("<code>PUSH_CONTENT_PACK, GENERATE_BATTLE_PACK</code>")
        .contains("title=\"Decision 01a2 on VR-1@2251").contains("data-key=\"step.evaluate.allowed\"");
  }
}
