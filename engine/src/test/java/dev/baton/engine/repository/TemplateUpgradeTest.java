package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.MergeResult.Conflict;
import dev.baton.engine.repository.MergeResult.Resolution;
import dev.baton.engine.repository.PackRefusedException.Reason;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateUpgradeTest {
  private static final String THRESHOLD_70 = "    type: number\n    value: 70\n";
  private static final String THRESHOLD_60 = "    type: number\n    value: 60\n";

  private HikariDataSource dataSource;
  private PackRepository repo;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private void open(String db) {
    dataSource = TestDatabases.fresh(db);
    repo = PackRepository.on(BatonStore.open(dataSource));
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private static Object param(RulePack p, String name) {
    return p.parameter(name).orElseThrow().value();
  }

  private DraftRef importCmiWithThreshold60() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("cmiThreshold", 60);
    values.put("contentPackChannel", "SMS");
    return repo.importTemplate(Templates.pack("cmi-threshold"), values, "ops.li");
  }

  /** The cmi-threshold template 1.1.0 as its authors would release it, with more edits. */
  private static RulePack template110(String... moreEdits) {
    String[] edits = new String[4 + moreEdits.length];
    edits[0] = "version: 1.0.0";
    edits[1] = "version: 1.1.0";
    edits[2] = "    type: number\n    value: 25\n    title: {en: CMI points for third-party";
    edits[3] = "    type: number\n    value: 20\n    title: {en: CMI points for third-party";
    System.arraycopy(moreEdits, 0, edits, 4, moreEdits.length);
    return Templates.edited("cmi-threshold", edits);
  }

  // ----------------------------------------------------------------------------- import

  @ParameterizedTest
  @MethodSource("databases")
  void shouldSetTheTemplatesKnobsWhenImportingItWithParameterValues(String db) {
    // given
    open(db);
    // when
    DraftRef ref = importCmiWithThreshold60();
    // then
    RulePack draft = repo.draft("cmi-threshold").orElseThrow().pack();
    assertThat(ref.revision()).isEqualTo(1);
    assertThat(param(draft, "cmiThreshold")).isEqualTo(new BigDecimal("60"));
    assertThat(param(draft, "contentPackChannel")).isEqualTo("SMS");
    assertThat(param(draft, "weightRatingChange")).isEqualTo(new BigDecimal("25"));
    assertThat(repo.history("cmi-threshold")).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(PackEvent.Type.TEMPLATE_IMPORTED);
      assertThat(e.why()).isEqualTo("template cmi-threshold@1.0.0 with cmiThreshold=60,"
          + " contentPackChannel=SMS");
    });
    assertThat(repo.publish("cmi-threshold", "ops.li", "regional threshold").version())
        .isEqualTo("1.0.0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldSetAListParameterWhenTheTemplateHasOne(String db) {
    // given
    open(db);
    RulePack template = RulePacks.parse("channels.yaml", """
        id: outreach-channels
        version: 1.0.0
        kind: custom
        title: {en: Outreach on allowed channels, zh-CN: 仅在允许的渠道触达}
        parameters:
          channels: {type: {list: string}, value: [EMAIL], title: {en: Channels, zh-CN: 渠道}}
        facts:
          Request: {customerId: string, channel: string}
        rules:
          - id: allow-email
            title: {en: Allow e-mail, zh-CN: 允许邮件}
            when:
              - Request as req: {channel: EMAIL}
            then:
              - allow: {reason: E-mail is an allowed channel}
        """);
    // when
    repo.importTemplate(template, Map.of("channels", List.of("EMAIL", "WECHAT")), "ops.li");
    // then
    assertThat(param(repo.draft("outreach-channels").orElseThrow().pack(), "channels"))
        .isEqualTo(List.of("EMAIL", "WECHAT"));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseEveryUnknownOrUnfitValueWhenImportingATemplate(String db) {
    // given
    open(db);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("cmiTreshold", 60);
    values.put("weightRatingChange", "lots");
    // when / then
    assertThatThrownBy(() -> repo.importTemplate(Templates.pack("cmi-threshold"), values,
        "ops.li")).isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
                tuple("parameters.cmiTreshold",
                    "The template cmi-threshold has no parameter 'cmiTreshold'."),
                tuple("parameters.weightRatingChange",
                    "The value lots does not fit the parameter weightRatingChange, which is"
                        + " number.")))
        .hasMessageContaining("Did you mean cmiThreshold?");
    assertThat(repo.list()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseASecondTemplateImportWhenThePackExists(String db) {
    // given
    open(db);
    importCmiWithThreshold60();
    // when / then
    assertThatThrownBy(() -> repo.importTemplate(Templates.pack("cmi-threshold"), Map.of(),
        "ops.li")).isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
        .hasMessageContaining("use upgradeTemplate");
    assertThat(repo.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------- upgrade

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepLocalOverridesWhenUpgradingToANewerTemplate(String db) {
    // given
    open(db);
    importCmiWithThreshold60();
    RulePack localEdit = Templates.edited("cmi-threshold", THRESHOLD_70, THRESHOLD_60,
        "    value: WECHAT\n", "    value: SMS\n",
        "      en: On the website for more than 3 minutes without navigating - content-replenishment task\n"
            + "      zh-CN: 在官网停留超过 3 分钟未跳转：创建内容补给任务\n",
        "      en: On the website for more than 3 minutes without navigating - content-replenishment task\n"
            + "      zh-CN: 在官网停留超过 3 分钟未跳转：创建内容补给任务\n    priority: 5\n");
    long revision = repo.saveDraft(localEdit, 1, "analyst.wang").revision();
    RulePack newTemplate = template110(
        "    lastNavigationAt: datetime\n", "    lastNavigationAt: datetime\n    device: string\n",
        "  # ------------------------------------------------------------ journey breakpoint\n",
        "  - id: rating-drop-alert\n"
            + "    title: {en: Rating dropped - alert the account manager, zh-CN: 评分下降：提醒客户经理}\n"
            + "    when:\n"
            + "      - Customer as customer: {}\n"
            + "      - exists:\n"
            + "          BehaviourSignal: {customerId: $customer.customerId, kind: RATING_CHANGE}\n"
            + "    then:\n"
            + "      - emit: {action: CREATE_SALES_TASK, customerId: $customer.customerId, priority: HIGH}\n");
    // when
    MergeResult result = repo.upgradeTemplate("cmi-threshold", newTemplate, "ops.li");
    // then
    assertThat(result.applied()).isTrue();
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.fromTemplateVersion()).isEqualTo("1.0.0");
    assertThat(result.toTemplateVersion()).isEqualTo("1.1.0");
    assertThat(result.draft().revision()).isEqualTo(revision + 1);
    assertThat(result.keptLocal()).contains("parameters.cmiThreshold.value",
        "parameters.contentPackChannel.value",
        "rules[journey-breakpoint-replenish-content].priority");
    assertThat(result.takenFromTemplate()).contains("parameters.weightRatingChange.value",
        "facts.WebSession.device", "rules[rating-drop-alert]");
    RulePack merged = repo.draft("cmi-threshold").orElseThrow().pack();
    assertThat(merged.version()).isEqualTo("1.1.0");
    assertThat(param(merged, "cmiThreshold")).isEqualTo(new BigDecimal("60"));
    assertThat(param(merged, "contentPackChannel")).isEqualTo("SMS");
    assertThat(param(merged, "weightRatingChange")).isEqualTo(new BigDecimal("20"));
    assertThat(merged.rule("journey-breakpoint-replenish-content").orElseThrow().priority())
        .isEqualTo(5);
    assertThat(merged.rule("rating-drop-alert")).isPresent();
    assertThat(merged.rules().get(6).id()).as("in the template's order")
        .isEqualTo("rating-drop-alert");
    assertThat(merged.factType("WebSession").orElseThrow().field("device")).isPresent();
    assertThat(RulePacks.contentHash(result.merged())).isEqualTo(result.draft().hash());
    assertThat(repo.history("cmi-threshold")).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(PackEvent.Type.TEMPLATE_UPGRADED);
      assertThat(e.why()).isEqualTo("template 1.0.0 → 1.1.0");
    });
    // the next upgrade merges against 1.1.0, where the weight is 20 already
    RulePack template120 = Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.2.0",
        "    type: number\n    value: 25\n    title: {en: CMI points for third-party",
        "    type: number\n    value: 20\n    title: {en: CMI points for third-party",
        "    lastNavigationAt: datetime\n",
        "    lastNavigationAt: datetime\n    device: string\n",
        "    value: 30\n", "    value: 35\n");
    MergeResult again = repo.upgradeTemplate("cmi-threshold", template120, "ops.li");
    assertThat(again.applied()).isTrue();
    assertThat(again.fromTemplateVersion()).isEqualTo("1.1.0");
    RulePack twice = repo.draft("cmi-threshold").orElseThrow().pack();
    assertThat(param(twice, "weightCompetitorComparison")).isEqualTo(new BigDecimal("35"));
    assertThat(param(twice, "cmiThreshold")).isEqualTo(new BigDecimal("60"));
    assertThat(twice.rule("rating-drop-alert")).as("a template rule the new template dropped")
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportAConflictAndChangeNothingWhenBothChangedTheSameElement(String db) {
    // given
    open(db);
    importCmiWithThreshold60();
    RulePack newTemplate = template110(THRESHOLD_70, "    type: number\n    value: 75\n");
    // when
    MergeResult result = repo.upgradeTemplate("cmi-threshold", newTemplate, "ops.li");
    // then
    assertThat(result.applied()).isFalse();
    assertThat(result.merged()).isNull();
    assertThat(result.draft()).isNull();
    assertThat(result.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("parameters.cmiThreshold.value");
      assertThat(c.base()).isEqualTo("70");
      assertThat(c.local()).isEqualTo("60");
      assertThat(c.template()).isEqualTo("75");
      assertThat(c.message()).contains("changed locally (from 70 to 60) and by the template"
          + " 1.1.0 (to 75)").contains("KEEP_LOCAL or TAKE_TEMPLATE");
    });
    assertThat(result.takenFromTemplate()).contains("parameters.weightRatingChange.value");
    assertThat(repo.draft("cmi-threshold").orElseThrow().revision()).as("nothing changed")
        .isEqualTo(1);
    assertThat(repo.history("cmi-threshold")).hasSize(1);
    // settled: keep the local threshold
    MergeResult settled = repo.upgradeTemplate("cmi-threshold", newTemplate, "ops.li",
        Map.of("parameters.cmiThreshold.value", Resolution.KEEP_LOCAL));
    assertThat(settled.fromTemplateVersion()).isEqualTo("1.0.0");
    assertThat(settled.applied()).isTrue();
    RulePack merged = repo.draft("cmi-threshold").orElseThrow().pack();
    assertThat(param(merged, "cmiThreshold")).isEqualTo(new BigDecimal("60"));
    assertThat(param(merged, "weightRatingChange")).isEqualTo(new BigDecimal("20"));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportAConflictWhenTheTemplateRemovesARuleEditedLocally(String db) {
    // given
    open(db);
    importCmiWithThreshold60();
    repo.saveDraft(Templates.edited("cmi-threshold", THRESHOLD_70, THRESHOLD_60,
        "    value: WECHAT\n", "    value: SMS\n",
        "value: {gte: $params.cmiThreshold}}\n    then:\n      - emit: {action: PUSH",
        "value: {gt: $params.cmiThreshold}}\n    then:\n      - emit: {action: PUSH"), 1,
        "analyst.wang");
    String highCmiRule = Templates.yaml("cmi-threshold").substring(
        Templates.yaml("cmi-threshold").indexOf("  - id: high-cmi-push-content-pack"),
        Templates.yaml("cmi-threshold").indexOf("  - id: low-cmi-create-sales-task"));
    RulePack newTemplate = template110(highCmiRule, "");
    // when
    MergeResult result = repo.upgradeTemplate("cmi-threshold", newTemplate, "ops.li");
    // then
    assertThat(result.conflicts()).extracting(Conflict::path)
        .containsExactly("rules[high-cmi-push-content-pack]");
    Conflict c = result.conflicts().get(0);
    assertThat(c.template()).isNull();
    assertThat(c.local()).contains("Score: {name: CMI, value: {gt: $params.cmiThreshold}}");
    assertThat(c.base()).contains("Score: {name: CMI, value: {gte: $params.cmiThreshold}}");
    assertThat(c.message()).contains("was changed locally, but the template 1.1.0 removed it");
    assertThat(repo.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportTheProblemsWhenTheMergedPackWouldNotBeValid(String db) {
    // given
    open(db);
    importCmiWithThreshold60();
    repo.saveDraft(Templates.edited("cmi-threshold", THRESHOLD_70, THRESHOLD_60,
        "    value: WECHAT\n", "    value: SMS\n",
        "  # ------------------------------------------------------------ journey breakpoint\n",
        "  - id: pricing-page-sales-task\n"
            + "    title: {en: On the pricing page - sales task, zh-CN: 浏览价格页：销售任务}\n"
            + "    when:\n"
            + "      - WebSession as visit: {currentPage: /pricing}\n"
            + "    then:\n"
            + "      - emit: {action: CREATE_SALES_TASK, customerId: $visit.customerId}\n"), 1,
        "analyst.wang");
    RulePack newTemplate = template110("    currentPage: string\n", "",
        ", page: $session.currentPage, actor: AI}", ", actor: AI}");
    // when
    MergeResult result = repo.upgradeTemplate("cmi-threshold", newTemplate, "ops.li");
    // then
    assertThat(result.applied()).isFalse();
    assertThat(result.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.message()).startsWith("The merged pack is not valid: Unknown field"
          + " 'currentPage' of WebSession.").contains("fits the template 1.1.0");
      assertThat(c.path()).contains("currentPage");
    });
    assertThat(repo.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseAnUpgradeWhenThePackIsNotFromATemplateOrTheTemplateIsNotNewer(String db) {
    // given
    open(db);
    repo.importDraft(PackSource.path(Templates.folder("ai-trigger")), "ops.li", null);
    importCmiWithThreshold60();
    // when / then
    assertThatThrownBy(() -> repo.upgradeTemplate("ai-trigger", Templates.pack("ai-trigger"),
        "ops.li")).isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.NOT_FROM_TEMPLATE));
    assertThatThrownBy(() -> repo.upgradeTemplate("cmi-threshold",
        Templates.pack("cmi-threshold"), "ops.li"))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.TEMPLATE_NOT_NEWER))
        .hasMessageContaining("cmi-threshold@1.0.0 is not newer than 1.0.0");
    assertThatThrownBy(() -> repo.upgradeTemplate("cmi-threshold", Templates.edited(
        "ai-trigger", "version: 1.1.0", "version: 2.0.0"), "ops.li"))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.NOT_FROM_TEMPLATE));
  }
}
