package dev.baton.engine.liquid;

import dev.baton.engine.rulepack.RulePacks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Packs and people for the liquid-organisation tests. */
final class LiquidFixture {
  static final Path RULE_PACKS = Path.of("../rule-packs");
  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  private LiquidFixture() {}

  static LiquidPacks packs() {
    return LiquidPacks.fixed(RulePacks.read(RULE_PACKS.resolve("unit-formation")),
        RulePacks.read(RULE_PACKS.resolve("contribution-points")),
        RulePacks.read(RULE_PACKS.resolve("ai-trigger")));
  }

  static Person person(String id, String name, String region, Set<String> roles,
      Map<String, Integer> skills, List<Certification> certs) {
    return new Person(id, name, "销售中台", region, new CapabilityPassport(roles, skills, certs));
  }

  static Certification valid(String name) {
    return new Certification(name, NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(200)));
  }

  static Certification expired(String name) {
    return new Certification(name, NOW.minus(Duration.ofDays(500)), NOW.minus(Duration.ofDays(1)));
  }

  /** A demand list: one AI trainer, one risk expert (certified), one account manager. */
  static Campaign microCampaign(String id) {
    return new Campaign(id, "储能大客户攻坚", "C-1001", "华东", List.of(
        new DemandRole("AI_TRAINER", 1, "prompt-engineering", 3, ""),
        new DemandRole("RISK_EXPERT", 1, "credit-risk", 3, "CRM-RISK"),
        new DemandRole("ACCOUNT_MANAGER", 1, "key-account", 3, "")),
        List.of(new ExitRule(ExitRule.Kind.DEAL_SIGNED, null)),
        NOW.minus(Duration.ofMinutes(12)), NOW.plus(Duration.ofHours(72)), Duration.ofHours(72),
        CampaignStatus.OPEN);
  }

  static List<Person> people() {
    List<Person> out = new ArrayList<>();
    out.add(person("P-AI-1", "周婷", "华东", Set.of("AI_TRAINER"),
        Map.of("prompt-engineering", 5), List.of()));
    out.add(person("P-AI-2", "吴昊", "华南", Set.of("AI_TRAINER"),
        Map.of("prompt-engineering", 3), List.of()));
    out.add(person("P-RISK-1", "王敏", "华东", Set.of("RISK_EXPERT"),
        Map.of("credit-risk", 5), List.of(expired("CRM-RISK"))));
    out.add(person("P-RISK-2", "孙浩", "华北", Set.of("RISK_EXPERT"),
        Map.of("credit-risk", 4), List.of(valid("CRM-RISK"))));
    out.add(person("P-RISK-3", "赵磊", "华东", Set.of("RISK_EXPERT"),
        Map.of("credit-risk", 2), List.of(valid("CRM-RISK"))));
    out.add(person("P-AM-1", "李娜", "华东", Set.of("ACCOUNT_MANAGER", "AI_TRAINER"),
        Map.of("key-account", 4, "prompt-engineering", 4), List.of()));
    out.add(person("P-AM-2", "郑洁", "华东", Set.of("ACCOUNT_MANAGER"),
        Map.of("key-account", 3), List.of()));
    return out;
  }
}
