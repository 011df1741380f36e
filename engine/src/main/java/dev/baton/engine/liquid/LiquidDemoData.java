package dev.baton.engine.liquid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The liquid organisation's demo story (液态组织): a new-energy sales organisation whose people
 * are resident grid members (常驻网格员), assault-team members (战役突击队) and knowledge
 * evangelists (知识布道师). 陈晨 is an account manager in the Q1 energy-storage campaign's
 * assault team (储能项目攻坚, dissolved after the bid) and a knowledge evangelist in the Q2
 * photovoltaic sales-handbook campaign (光伏行业销售手册, at work). The bid's collaboration events
 * (bid documents, legal responses, case-library uses, cross-department meetings) are in the
 * ledger; the customer renewed and added ecosystem partners, which weighs the points. Units
 * formed 9 and 14 minutes after their demand was posted (target: 23).
 */
public final class LiquidDemoData {
  /** The demo's "now". */
  public static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  /** The Q1 campaign (dissolved). */
  public static final String Q1_CAMPAIGN = "CMP-2026Q1-STORAGE";
  /** The Q2 campaign (at work). */
  public static final String Q2_CAMPAIGN = "CMP-2026Q2-PV-HANDBOOK";
  /** An open campaign waiting for its unit (the campaign board's example). */
  public static final String OPEN_CAMPAIGN = "CMP-2026Q4-FLEET";

  private LiquidDemoData() {}

  /** Loads the story unless the directory already has people; returns true when it loaded. */
  public static boolean load(LiquidServices liquid) {
    if (!liquid.directory().people().isEmpty()) {
      return false;
    }
    liquid.directory().savePeople(people());
    Instant q1 = Instant.parse("2026-02-10T01:00:00Z");
    Campaign storage = new Campaign(Q1_CAMPAIGN, "储能项目攻坚", "C-1001",
        "华东", List.of(
            new DemandRole("ACCOUNT_MANAGER", 1, "key-account", 3, ""),
            new DemandRole("SOLUTION_ARCHITECT", 1, "energy-storage", 3, ""),
            new DemandRole("RISK_EXPERT", 1, "credit-risk", 3, "CRM-RISK")),
        List.of(new ExitRule(ExitRule.Kind.DEAL_SIGNED, null),
            new ExitRule(ExitRule.Kind.INACTIVE_FOR, Duration.ofDays(14))),
        q1, q1.plus(Duration.ofDays(45)), Duration.ofDays(30), CampaignStatus.OPEN);
    liquid.postCampaign(storage);
    LiquidServices atQ1 = liquid.withClock(Clock.fixed(q1.plus(Duration.ofMinutes(9)),
        ZoneOffset.UTC));
    Unit unitQ1 = atQ1.formUnit(Q1_CAMPAIGN, FormationMode.AUTOMATIC, "ops").unit();
    List<CollaborationEvent> events = new ArrayList<>();
    String am = memberFor(unitQ1, "ACCOUNT_MANAGER");
    String sa = memberFor(unitQ1, "SOLUTION_ARCHITECT");
    String risk = memberFor(unitQ1, "RISK_EXPERT");
    Instant t = q1.plus(Duration.ofDays(1));
    events.add(event("EV-Q1-001", t, am, Q1_CAMPAIGN, "BID_DOCUMENT",
        List.of("招标文件 v1"), List.of("标书 42 页"), null));
    events.add(event("EV-Q1-002", t.plus(Duration.ofHours(3)), am, Q1_CAMPAIGN,
        "LEGAL_RESPONSE", List.of("合同条款疑问 7 条"), List.of("法务意见 (4 小时内)"), "法务部"));
    events.add(event("EV-Q1-003", t.plus(Duration.ofHours(5)), sa, Q1_CAMPAIGN,
        "CASE_LIBRARY_USE", List.of("储能案例库检索"), List.of("3 个同行业案例"), null));
    events.add(event("EV-Q1-004", t.plus(Duration.ofDays(2)), sa, Q1_CAMPAIGN,
        "CROSS_DEPARTMENT_MEETING", List.of("技术方案评审"), List.of("会议纪要"), "产品部"));
    events.add(event("EV-Q1-005", t.plus(Duration.ofDays(3)), risk, Q1_CAMPAIGN, "RISK_REVIEW",
        List.of("客户信用报告"), List.of("授信建议"), "风控部"));
    events.add(event("EV-Q1-006", t.plus(Duration.ofDays(9)), am, Q1_CAMPAIGN,
        "CONTRACT_SIGNED", List.of("终版合同"), List.of("签约"), null));
    LiquidServices afterQ1 = liquid.withClock(Clock.fixed(t.plus(Duration.ofDays(10)),
        ZoneOffset.UTC));
    events.forEach(e -> afterQ1.record(e, "demo"));
    liquid.directory().saveOutcome(new CustomerOutcome("C-1001", true, 2));
    afterQ1.dissolve(unitQ1.id());

    Instant q2 = Instant.parse("2026-04-08T02:00:00Z");
    Campaign handbook = new Campaign(Q2_CAMPAIGN, "光伏行业销售手册", null,
        "华东", List.of(
            new DemandRole("KNOWLEDGE_EVANGELIST", 2, "sales-methodology", 3, ""),
            new DemandRole("SOLUTION_ARCHITECT", 1, "photovoltaics", 3, "")),
        List.of(new ExitRule(ExitRule.Kind.TIME_BOX_ENDS, null)),
        q2, Instant.parse("2027-03-31T00:00:00Z"), Duration.ofDays(60), CampaignStatus.OPEN);
    liquid.postCampaign(handbook);
    LiquidServices atQ2 = liquid.withClock(Clock.fixed(q2.plus(Duration.ofMinutes(14)),
        ZoneOffset.UTC));
    Unit unitQ2 = atQ2.formUnit(Q2_CAMPAIGN, FormationMode.AUTOMATIC, "ops").unit();
    LiquidServices inQ2 = liquid.withClock(Clock.fixed(q2.plus(Duration.ofDays(30)),
        ZoneOffset.UTC));
    int n = 1;
    for (UnitMember m : unitQ2.members()) {
      inQ2.record(event(String.format("EV-Q2-%03d", n++), q2.plus(Duration.ofDays(7 + n)),
          m.personId(), Q2_CAMPAIGN, m.role().equals("KNOWLEDGE_EVANGELIST") ? "KNOWLEDGE_SESSION"
              : "CASE_LIBRARY_USE", List.of("光伏项目复盘"), List.of("销售手册第 " + n + " 章"),
          m.role().equals("KNOWLEDGE_EVANGELIST") ? "培训部" : null), "demo");
    }
    liquid.postCampaign(new Campaign(OPEN_CAMPAIGN, "车队客户攻坚", "C-2002",
        "华南", List.of(
            new DemandRole("ACCOUNT_MANAGER", 2, "key-account", 3, ""),
            new DemandRole("RISK_EXPERT", 1, "credit-risk", 4, "CRM-RISK"),
            new DemandRole("AI_TRAINER", 1, "prompt-engineering", 3, "")),
        List.of(new ExitRule(ExitRule.Kind.DEAL_SIGNED, null)), NOW.minus(Duration.ofMinutes(5)),
        NOW.plus(Duration.ofDays(30)), Duration.ofHours(72), CampaignStatus.OPEN));
    return true;
  }

  private static String memberFor(Unit unit, String role) {
    return unit.members().stream().filter(m -> m.role().equals(role)).findFirst()
        .orElseThrow(() -> new IllegalStateException("The demo unit has no " + role))
        .personId();
  }

  private static CollaborationEvent event(String id, Instant at, String person, String campaign,
      String kind, List<String> in, List<String> out, String dept) {
    return new CollaborationEvent(id, at, person, campaign, "C-1001", kind, in, out, dept);
  }

  private static Certification cert(String name, String from, String until) {
    return new Certification(name, Instant.parse(from + "T00:00:00Z"),
        until == null ? null : Instant.parse(until + "T00:00:00Z"));
  }

  private static Person p(String id, String name, String dept, String region, Set<String> roles,
      Map<String, Integer> skills, List<Certification> certs) {
    return new Person(id, name, dept, region, new CapabilityPassport(roles, skills, certs));
  }

  /** The demo people and their passports. */
  public static List<Person> people() {
    return List.of(
        p("P-0001", "陈晨", "华东大区", "华东", Set.of("ACCOUNT_MANAGER", "KNOWLEDGE_EVANGELIST"),
            Map.of("key-account", 5, "sales-methodology", 4), List.of()),
        p("P-0002", "王敏", "风控部", "华东", Set.of("RISK_EXPERT"),
            Map.of("credit-risk", 5), List.of(cert("CRM-RISK", "2025-06-01", "2027-06-01"))),
        p("P-0003", "孙浩", "风控部", "华北", Set.of("RISK_EXPERT"),
            Map.of("credit-risk", 4), List.of(cert("CRM-RISK", "2024-01-01", "2026-01-01"))),
        p("P-0004", "周婷", "AI 中心", "华东", Set.of("AI_TRAINER"),
            Map.of("prompt-engineering", 5), List.of()),
        p("P-0005", "吴昊", "AI 中心", "华南", Set.of("AI_TRAINER"),
            Map.of("prompt-engineering", 3), List.of()),
        p("P-0006", "李娜", "华东大区", "华东", Set.of("ACCOUNT_MANAGER", "GRID_MEMBER"),
            Map.of("key-account", 4), List.of()),
        p("P-0007", "郑洁", "华南大区", "华南", Set.of("ACCOUNT_MANAGER", "GRID_MEMBER"),
            Map.of("key-account", 3), List.of()),
        p("P-0008", "赵磊", "华南大区", "华南", Set.of("GRID_MEMBER"),
            Map.of("key-account", 2), List.of()),
        p("P-0009", "钱坤", "解决方案部", "华东", Set.of("SOLUTION_ARCHITECT"),
            Map.of("energy-storage", 5, "photovoltaics", 3), List.of()),
        p("P-0010", "冯涛", "解决方案部", "华北", Set.of("SOLUTION_ARCHITECT"),
            Map.of("energy-storage", 3, "photovoltaics", 5), List.of()),
        p("P-0011", "何静", "培训部", "华东", Set.of("KNOWLEDGE_EVANGELIST"),
            Map.of("sales-methodology", 5), List.of()),
        p("P-0012", "许磊", "华南大区", "华南", Set.of("RISK_EXPERT", "GRID_MEMBER"),
            Map.of("credit-risk", 4), List.of(cert("CRM-RISK", "2026-01-01", "2028-01-01"))),
        p("P-0013", "高远", "华南大区", "华南", Set.of("ACCOUNT_MANAGER"),
            Map.of("key-account", 4), List.of()),
        p("P-0014", "林悦", "AI 中心", "华南", Set.of("AI_TRAINER", "KNOWLEDGE_EVANGELIST"),
            Map.of("prompt-engineering", 4, "sales-methodology", 3), List.of()));
  }
}
