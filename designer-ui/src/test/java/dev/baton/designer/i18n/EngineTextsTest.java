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
}
