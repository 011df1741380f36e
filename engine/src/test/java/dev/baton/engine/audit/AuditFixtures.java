package dev.baton.engine.audit;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template pipeline (cmi-threshold → ai-trigger → consent-check) and facts for customers
 * with realistic behaviour signals, opportunities and consent, as in rule-packs/demo.
 */
final class AuditFixtures {
  static final Path PACKS = Path.of("../rule-packs");
  static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static volatile RulesEngine engine;
  private static volatile List<RulePack> pipeline;

  private AuditFixtures() {}

  /** One engine for every audit test: packs compile once. */
  static synchronized RulesEngine engine() {
    if (engine == null) {
      engine = RulesEngine.create();
    }
    return engine;
  }

  static synchronized List<RulePack> pipeline() {
    if (pipeline == null) {
      pipeline = List.of(RulePacks.read(PACKS.resolve("cmi-threshold")),
          RulePacks.read(PACKS.resolve("ai-trigger")), RulePacks.read(PACKS.resolve("consent-check")));
    }
    return pipeline;
  }

  /** The cmi-threshold template as a draft with another threshold. */
  static RulePack cmiThresholdDraft(int threshold) {
    try {
      String yaml = Files.readString(PACKS.resolve("cmi-threshold/pack.yaml"));
      String before = "  cmiThreshold:\n    type: number\n    value: 70\n";
      if (!yaml.contains(before)) {
        throw new IllegalStateException("The cmi-threshold template changed: update the test.");
      }
      return RulePacks.parse("cmi-threshold-draft.yaml", yaml
          .replace(before, "  cmiThreshold:\n    type: number\n    value: " + threshold + "\n")
          .replace("version: 1.0.0", "version: 1.1.0-draft"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kinds of customers by their behaviour in the last 30 days, with the CMI the template gives
   * them (threshold 70).
   */
  enum Profile {
    /** Heat map + competitor comparison: CMI 50, a sales task; content at threshold 50. */
    COMPARING(50, "WEBSITE_HEATMAP", "COMPETITOR_COMPARISON_DOWNLOAD"),
    /** Comparison + community keywords: CMI 55, a sales task; content at threshold 50. */
    DISCUSSING(55, "COMPETITOR_COMPARISON_DOWNLOAD", "COMMUNITY_KEYWORD"),
    /** Heat map only: CMI 20, a sales task at both thresholds. */
    BROWSING(20, "WEBSITE_HEATMAP"),
    /** Heat map, community, rating: CMI 70, content at both thresholds. */
    READY(70, "WEBSITE_HEATMAP", "COMMUNITY_KEYWORD", "RATING_CHANGE"),
    /** All four kinds: CMI 100, content at both thresholds. */
    EAGER(100, "WEBSITE_HEATMAP", "COMMUNITY_KEYWORD", "COMPETITOR_COMPARISON_DOWNLOAD",
        "RATING_CHANGE"),
    /** No signal: CMI 0, a sales task at both thresholds. */
    QUIET(0);

    final int cmi;
    final List<String> signals;

    Profile(int cmi, String... signals) {
      this.cmi = cmi;
      this.signals = List.of(signals);
    }
  }

  /**
   * Facts of one customer: the customer, its signals, an open opportunity (graded by the
   * AI-trigger pack, the same whatever the CMI) and, when {@code wechatMarketing}, a WeChat
   * marketing consent (without it, the consent-check pack vetoes a content pack on WeChat).
   */
  static List<Fact> customer(String customerId, Profile profile, boolean wechatMarketing) {
    List<Fact> facts = new ArrayList<>();
    // names and other ids do not repeat the customer id, so that masking tests can look for it
    String number = customerId.replace("C-", "");
    facts.add(fact("Customer", "customerId", customerId, "name", "示例医疗器械有限公司 #" + number,
        "region", "华东"));
    String[] details = {"/solutions/architecture", "部署周期", "竞品对比.pdf", "第三方平台评分 4.2 -> 4.6"};
    int day = 20;
    for (String kind : profile.signals) {
      facts.add(fact("BehaviourSignal", "customerId", customerId, "kind", kind, "detail",
          details[day % details.length], "occurredAt", "2026-11-" + day + "T03:10:00Z"));
      day++;
    }
    facts.add(fact("Opportunity", "opportunityId", "OPP-" + number, "customerId", customerId,
        "stage", "PROPOSAL", "amount", new java.math.BigDecimal("480000"), "nextStepChannel",
        "WECHAT", "lastContactAt", "2026-11-25T10:00:00Z"));
    if (wechatMarketing) {
      facts.add(fact("Consent", "customerId", customerId, "channel", "WECHAT", "purpose",
          "MARKETING", "status", "GRANTED", "source", "WECHAT_AUTHORIZATION", "evidenceId",
          "EV-2026-0818-WX-" + number, "recordedAt", "2026-08-18T11:00:00Z"));
    }
    return facts;
  }

  static Fact fact(String type, Object... kv) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      values.put((String) kv[i], kv[i + 1]);
    }
    return new Fact(type, values);
  }

  static Evaluation evaluation(String requestId, List<Fact> facts) {
    return new Evaluation(pipeline(), facts, NOW, requestId, "sales-ops@example.com");
  }

  /** Evaluates and records; returns the acknowledgement. */
  static RecordedDecision decide(DecisionLog log, String requestId, List<Fact> facts) {
    Evaluation e = evaluation(requestId, facts);
    Decision d = engine().evaluate(e);
    return log.record(e, d);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
