package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.repository.PackDiff.Change;
import dev.baton.engine.repository.PackDiff.Kind;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PackDiffTest {

  /** cmi-threshold 1.1.0: lower threshold, strict operator, one rule more, one less, a field. */
  static RulePack changedCmiPack() {
    return Templates.edited("cmi-threshold",
        "version: 1.0.0", "version: 1.1.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 60\n",
        "Score: {name: CMI, value: {gte: $params.cmiThreshold}}\n    then:\n      - emit: {action:"
            + " PUSH_CONTENT_PACK",
        "Score: {name: CMI, value: {gt: $params.cmiThreshold}}\n    then:\n      - emit: {action:"
            + " PUSH_CONTENT_PACK",
        "customerId: $customer.customerId, priority: NORMAL, actor: HUMAN}",
        "customerId: $customer.customerId, priority: HIGH, actor: HUMAN}",
        "    region: string\n", "    region: string\n    tier: {enum: [A, B, C]}\n",
        "    detail: string\n", "",
        "  # ------------------------------------------------------------ journey breakpoint\n",
        """
          - id: tier-a-sales-task
            title: {en: Tier A customer - always a high-priority sales task, zh-CN: A 类客户：始终创建高优先级销售任务}
            when:
              - Customer as customer: {tier: A}
            then:
              - emit: {action: CREATE_SALES_TASK, customerId: $customer.customerId, priority: HIGH}
        """.indent(0),
        """
          - id: journey-breakpoint-replenish-content
            title:
              en: On the website for more than 3 minutes without navigating - content-replenishment task
              zh-CN: 在官网停留超过 3 分钟未跳转：创建内容补给任务
            when:
              - WebSession as session: {onSite: true, lastNavigationAt: {olderThan: PT3M}}
            then:
              - emit: {action: CONTENT_REPLENISHMENT_TASK, customerId: $session.customerId, page: $session.currentPage, actor: AI}
        """.indent(0), "");
  }

  @Test
  void shouldNameEveryChangeWhenThresholdOperatorRulesAndFieldsChange() {
    // given
    RulePack before = Templates.pack("cmi-threshold");
    RulePack after = changedCmiPack();
    // when
    PackDiff diff = PackDiff.between(before, after);
    // then
    assertThat(diff.fromVersion()).isEqualTo("1.0.0");
    assertThat(diff.toVersion()).isEqualTo("1.1.0");
    assertThat(diff.fromHash()).isEqualTo(RulePacks.contentHash(before));
    assertThat(diff.toHash()).isEqualTo(RulePacks.contentHash(after));
    assertThat(diff.header()).isEmpty();
    assertThat(diff.parameters()).containsExactly(new Change(Kind.PARAMETER_VALUE_CHANGED,
        "parameters.cmiThreshold", "70", "60"));
    assertThat(diff.facts()).containsExactly(
        new Change(Kind.FIELD_ADDED, "facts.Customer.tier", null, "{enum: [A, B, C]}"),
        new Change(Kind.FIELD_REMOVED, "facts.BehaviourSignal.detail", "string", null));
    assertThat(diff.rulesAdded()).extracting(PackDiff.RuleRef::id)
        .containsExactly("tier-a-sales-task");
    assertThat(diff.rulesRemoved()).extracting(PackDiff.RuleRef::id)
        .containsExactly("journey-breakpoint-replenish-content");
    assertThat(diff.rulesChanged()).extracting(PackDiff.RuleChange::id, PackDiff.RuleChange::changes)
        .containsExactly(
            tuple("high-cmi-push-content-pack", List.of(new Change(
                Kind.OPERATOR_CHANGED, "when[1].Score.value", "gte", "gt"))),
            tuple("low-cmi-create-sales-task", List.of(new Change(
                Kind.ACTION_PARAMETER_CHANGED, "then[0].emit.priority", "NORMAL", "HIGH"))));
    assertThat(diff.size()).isEqualTo(7);
  }

  @Test
  void shouldWriteTheChangesAsJsonWhenAskedForData() throws Exception {
    // given
    PackDiff diff = PackDiff.between(Templates.pack("cmi-threshold"), changedCmiPack());
    // when
    JsonNode json = new ObjectMapper().readTree(diff.toJson());
    // then
    assertThat(json.get("pack").asText()).isEqualTo("cmi-threshold");
    assertThat(json.at("/from/version").asText()).isEqualTo("1.0.0");
    assertThat(json.at("/to/version").asText()).isEqualTo("1.1.0");
    assertThat(json.get("changes").asInt()).isEqualTo(7);
    assertThat(json.at("/parameters/0/kind").asText()).isEqualTo("PARAMETER_VALUE_CHANGED");
    assertThat(json.at("/parameters/0/before").asText()).isEqualTo("70");
    assertThat(json.at("/parameters/0/after").asText()).isEqualTo("60");
    assertThat(json.at("/facts/0/path").asText()).isEqualTo("facts.Customer.tier");
    assertThat(json.at("/facts/0").has("before")).isFalse();
    assertThat(json.at("/rules/added/0/id").asText()).isEqualTo("tier-a-sales-task");
    assertThat(json.at("/rules/added/0/title/zh-CN").asText())
        .isEqualTo("A 类客户：始终创建高优先级销售任务");
    assertThat(json.at("/rules/removed/0/id").asText())
        .isEqualTo("journey-breakpoint-replenish-content");
    assertThat(json.at("/rules/changed/0/id").asText()).isEqualTo("high-cmi-push-content-pack");
    assertThat(json.at("/rules/changed/0/changes/0/kind").asText())
        .isEqualTo("OPERATOR_CHANGED");
    assertThat(json.at("/rules/changed/0/changes/0/path").asText())
        .isEqualTo("when[1].Score.value");
  }

  @Test
  void shouldWriteReadableTextWhenAskedInEnglishOrChinese() {
    // given
    PackDiff diff = PackDiff.between(Templates.pack("cmi-threshold"), changedCmiPack());
    // when
    String en = diff.text(Locale.ENGLISH);
    String zh = diff.text(Locale.SIMPLIFIED_CHINESE);
    // then
    assertThat(en).startsWith("cmi-threshold 1.0.0 → 1.1.0: 7 changes\n")
        .contains("parameters.cmiThreshold: value changed from 70 to 60")
        .contains("field facts.Customer.tier added: {enum: [A, B, C]}")
        .contains("field facts.BehaviourSignal.detail removed (was string)")
        .contains("  + tier-a-sales-task — Tier A customer - always a high-priority sales task")
        .contains("  - journey-breakpoint-replenish-content — On the website for more than 3"
            + " minutes without navigating - content-replenishment task")
        .contains("when[1].Score.value: operator changed from gte (≥) to gt (>)")
        .contains("then[0].emit.priority: action parameter changed from NORMAL to HIGH");
    assertThat(zh).startsWith("cmi-threshold 1.0.0 → 1.1.0：共 7 处变更\n")
        .contains("parameters.cmiThreshold：取值由 70 改为 60")
        .contains("新增字段 facts.Customer.tier：{enum: [A, B, C]}")
        .contains("  + tier-a-sales-task — A 类客户：始终创建高优先级销售任务")
        .contains("  - journey-breakpoint-replenish-content — 在官网停留超过 3 分钟未跳转：创建内容补给任务")
        .contains("when[1].Score.value：运算符由 gte (≥) 改为 gt (>)")
        .contains("修改的规则");
  }

  @Test
  void shouldReportThresholdAndConditionChangesWhenOnlyOneConditionChanges() {
    // given
    RulePack before = Templates.pack("ai-trigger");
    RulePack after = Templates.edited("ai-trigger",
        "      - VisitRequest as visit: {dealSize: {gt: $params.reviewDealSize}}\n",
        "      - VisitRequest as visit: {dealSize: {gt: 2000000}}\n"
            + "      - not: {CustomerEvent: {event: BOOK_DEMO}}\n",
        "          riskLevel: {in: [LOW, MEDIUM, HIGH]}", "          riskLevel: {in: [LOW]}",
        "reason: High risk level,", "reason: High risk,");
    // when
    PackDiff diff = PackDiff.between(before, after);
    // then
    assertThat(diff.rulesChanged()).extracting(PackDiff.RuleChange::id, PackDiff.RuleChange::changes)
        .containsExactly(
            tuple("large-deal-human-review", List.of(
                new Change(Kind.THRESHOLD_CHANGED, "when[0].VisitRequest.dealSize",
                    "$params.reviewDealSize", "2000000"),
                new Change(Kind.CONDITION_ADDED, "when[1]", null,
                    "not: {CustomerEvent: {event: BOOK_DEMO}}"))),
            tuple("high-risk-human-review", List.of(
                new Change(Kind.ACTION_PARAMETER_CHANGED, "then[0].emit.reason",
                    "High risk level", "High risk"))),
            tuple("generate-battle-pack", List.of(
                new Change(Kind.VALUE_CHANGED, "when[0].VisitRequest.riskLevel",
                    "[LOW, MEDIUM, HIGH]", "[LOW]"))));
  }

  @Test
  void shouldBeEmptyWhenOnlyTheVersionDiffers() {
    // given
    RulePack before = Templates.pack("consent-check");
    RulePack after = Templates.edited("consent-check", "version: 1.1.0", "version: 1.1.1");
    // when
    PackDiff diff = PackDiff.between(before, after);
    // then
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.text(Locale.ENGLISH))
        .isEqualTo("consent-check 1.1.0 → 1.1.1: no changes apart from the version\n");
    assertThat(diff.text(Locale.forLanguageTag("zh-CN")))
        .isEqualTo("consent-check 1.1.0 → 1.1.1：除版本号外没有变更\n");
  }
}
