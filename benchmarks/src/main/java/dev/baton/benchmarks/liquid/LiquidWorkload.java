package dev.baton.benchmarks.liquid;

import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CampaignStatus;
import dev.baton.engine.liquid.CapabilityPassport;
import dev.baton.engine.liquid.Certification;
import dev.baton.engine.liquid.DemandRole;
import dev.baton.engine.liquid.ExitRule;
import dev.baton.engine.liquid.Person;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A sales organisation drawn with a fixed seed: people with one or two of 12 roles, 1–3 skills
 * at levels 0–5, a certification for some (a tenth of them expired), active units 0–3, recent
 * liquid points; and a campaign demanding 10 of the roles (1–3 people each).
 */
final class LiquidWorkload {
  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  static final List<String> ROLES = List.of("AI_TRAINER", "RISK_EXPERT", "ACCOUNT_MANAGER",
      "SOLUTION_ARCHITECT", "PRICING_ANALYST", "LEGAL_COUNSEL", "GRID_MEMBER",
      "KNOWLEDGE_EVANGELIST", "DELIVERY_LEAD", "FINANCE_PARTNER", "PARTNER_MANAGER",
      "DATA_ANALYST");
  static final List<String> REGIONS = List.of("华东", "华南", "华北", "西南", "华中");

  private LiquidWorkload() {}

  static String skillOf(String role) {
    return role.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static List<Person> people(int count, long seed) {
    Random r = new Random(seed);
    List<Person> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Set<String> roles = new java.util.TreeSet<>();
      roles.add(ROLES.get(r.nextInt(ROLES.size())));
      if (r.nextBoolean()) {
        roles.add(ROLES.get(r.nextInt(ROLES.size())));
      }
      Map<String, Integer> skills = new HashMap<>();
      for (String role : roles) {
        skills.put(skillOf(role), r.nextInt(6));
      }
      if (r.nextInt(4) == 0) {
        skills.put(skillOf(ROLES.get(r.nextInt(ROLES.size()))), 1 + r.nextInt(5));
      }
      List<Certification> certs = new ArrayList<>();
      if (r.nextInt(3) == 0) {
        boolean expired = r.nextInt(10) == 0;
        certs.add(new Certification("CERT-" + roles.iterator().next(),
            NOW.minus(Duration.ofDays(400)), expired ? NOW.minus(Duration.ofDays(3))
                : NOW.plus(Duration.ofDays(300))));
      }
      out.add(new Person(String.format("P-%05d", i), "成员" + i, "销售中台",
          REGIONS.get(r.nextInt(REGIONS.size())), new CapabilityPassport(roles, skills, certs)));
    }
    return out;
  }

  static Map<String, Integer> activeUnits(List<Person> people, long seed) {
    Random r = new Random(seed + 1);
    Map<String, Integer> out = new HashMap<>();
    people.forEach(p -> out.put(p.id(), r.nextInt(4)));
    return out;
  }

  static Map<String, BigDecimal> points(List<Person> people, long seed) {
    Random r = new Random(seed + 2);
    Map<String, BigDecimal> out = new HashMap<>();
    people.forEach(p -> out.put(p.id(), BigDecimal.valueOf(r.nextInt(600))));
    return out;
  }

  /** A campaign demanding the first {@code roles} roles, the third of them certified. */
  static Campaign campaign(int roles) {
    List<DemandRole> demand = new ArrayList<>();
    for (int i = 0; i < roles; i++) {
      String role = ROLES.get(i);
      demand.add(new DemandRole(role, 1 + i % 3, skillOf(role), 3,
          i % 3 == 1 ? "CERT-" + role : ""));
    }
    return new Campaign("CMP-BENCH", "基准战役", "C-1", "华东", demand,
        List.of(new ExitRule(ExitRule.Kind.TIME_BOX_ENDS, null)), NOW.minus(Duration.ofMinutes(5)),
        NOW.plus(Duration.ofDays(30)), Duration.ofHours(72), CampaignStatus.OPEN);
  }
}
