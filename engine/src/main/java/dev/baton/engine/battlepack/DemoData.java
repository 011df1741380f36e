package dev.baton.engine.battlepack;

import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSource;
import dev.baton.engine.consent.ConsentStatus;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.Purpose;
import dev.baton.engine.store.BatonStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A coherent demo data set so that the battle-pack workflow runs out of the box: three
 * customers of a medical device distributor with their consents (the same customers and
 * evidence ids as {@code rule-packs/demo/*.json}), deals, regional competitor activity,
 * insurance catalogue updates, purchase cycles and behaviour signals.
 *
 * <ul>
 *   <li>{@link #VISIT_AI_ALLOWED} — C-2002: open deal of 820,000, low risk, WeChat sales
 *       follow-up granted: the AI generates the battle pack and it goes to legal and finance.
 *   <li>{@link #VISIT_CONSENT_BLOCKED} — C-1001: the next step is a voice call and the customer
 *       withdrew voice consent (proof {@code EV-2026-1008-VOICE}): the decision's other actions
 *       are carried out instead.
 *   <li>{@link #VISIT_HUMAN_REVIEW} — C-3003: a 1,500,000 deal is above the review limit: the
 *       AI still generates the battle pack, and a sales manager approves it after legal and
 *       finance, before release.
 * </ul>
 */
public final class DemoData {
  /** A visit request whose AI path is allowed. */
  public static final VisitRequest VISIT_AI_ALLOWED = VisitRequest.of("VR-DEMO-2002", "C-2002",
      "REP-12", LocalDate.parse("2026-12-03"), "WECOM");
  /** A visit request that consent blocks (voice withdrawn). */
  public static final VisitRequest VISIT_CONSENT_BLOCKED = VisitRequest.of("VR-DEMO-1001",
      "C-1001", "REP-07", LocalDate.parse("2026-12-02"), "DINGTALK");
  /** A visit request whose pack needs a manager's approval (deal above the review limit). */
  public static final VisitRequest VISIT_HUMAN_REVIEW = VisitRequest.of("VR-DEMO-3003", "C-3003",
      "REP-21", LocalDate.parse("2026-12-04"), "FEISHU");
  /** The time the demo data is written for (the demo facts' {@code now}). */
  public static final Instant DEMO_NOW = Instant.parse("2026-11-27T09:00:00Z");

  private DemoData() {}

  /**
   * Loads the demo data. Idempotent: items already present (by id, by evidence id) are left as
   * they are, so loading on every start is safe. Returns how many items were added.
   */
  public static int load(BatonStore store) {
    ConsentLedger ledger = ConsentLedger.on(store);
    BattlePackHistory history = BattlePackHistory.on(store);
    int added = 0;
    added += customer(ledger, new Customer("C-1001", "华东示例医疗器械有限公司", "华东", "REP-07"));
    added += customer(ledger, new Customer("C-2002", "苏州示例医学影像有限公司", "华东", "REP-12"));
    added += customer(ledger, new Customer("C-3003", "北方示例康复设备有限公司", "华北", "REP-21"));

    added += consent(ledger, "C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
        ConsentStatus.GRANTED, ConsentSource.EVENT_QR_CODE, "EV-2026-0312-VOICE",
        "2026-03-12T09:00:00Z", null);
    added += consent(ledger, "C-1001", Channel.VOICE, Purpose.SALES_FOLLOW_UP,
        ConsentStatus.WITHDRAWN, ConsentSource.SERVICE_HOTLINE, "EV-2026-1008-VOICE",
        "2026-10-08T16:45:00Z", null);
    added += consent(ledger, "C-1001", Channel.WECHAT, Purpose.SALES_FOLLOW_UP,
        ConsentStatus.GRANTED, ConsentSource.WECHAT_AUTHORIZATION, "EV-2026-0818-WX",
        "2026-08-18T11:00:00Z", null);
    added += consent(ledger, "C-1001", Channel.EMAIL, Purpose.MARKETING, ConsentStatus.GRANTED,
        ConsentSource.WEBSITE_OPT_IN, "EV-2026-0915-EMAIL", "2026-09-15T10:00:00Z",
        "2027-09-15T10:00:00Z");
    added += consent(ledger, "C-2002", Channel.WECHAT, Purpose.MARKETING, ConsentStatus.GRANTED,
        ConsentSource.WECHAT_AUTHORIZATION, "EV-2026-0818-WX-2002", "2026-08-18T11:00:00Z", null);
    added += consent(ledger, "C-2002", Channel.WECHAT, Purpose.SALES_FOLLOW_UP,
        ConsentStatus.GRANTED, ConsentSource.WECHAT_AUTHORIZATION, "EV-2026-0818-WX-2002-S",
        "2026-08-18T11:00:00Z", null);
    added += consent(ledger, "C-3003", Channel.WECHAT, Purpose.SALES_FOLLOW_UP,
        ConsentStatus.GRANTED, ConsentSource.EVENT_QR_CODE, "EV-2026-0605-QR-3003",
        "2026-06-05T08:30:00Z", null);

    String ip = "IP-500 影像平台";
    String ct = "CT-80 影像工作站";
    String rh = "RH-20 康复机器人";
    added += count(history.addDeal(new Deal("OPP-3301", "C-1001", ip, "PROPOSAL", dec("480000"),
        dec("8"), "MEDIUM", "VOICE", t("2026-11-16T09:30:00Z"), null)));
    added += count(history.addDeal(new Deal("D-1001-24", "C-1001", ip, "WON", dec("350000"),
        dec("6"), "LOW", null, t("2024-06-10T08:00:00Z"), t("2024-06-15T08:00:00Z"))));
    added += count(history.addDeal(new Deal("D-1001-25", "C-1001", ip, "WON", dec("420000"),
        dec("7.5"), "LOW", null, t("2025-05-18T08:00:00Z"), t("2025-05-20T08:00:00Z"))));
    added += count(history.addDeal(new Deal("D-1001-23", "C-1001", ct, "LOST", dec("260000"),
        dec("4"), "MEDIUM", null, t("2023-09-01T08:00:00Z"), t("2023-09-30T08:00:00Z"))));
    added += count(history.addDeal(new Deal("OPP-4402", "C-2002", ct, "NEGOTIATION",
        dec("820000"), dec("10"), "LOW", "WECHAT", t("2026-11-25T10:00:00Z"), null)));
    added += count(history.addDeal(new Deal("D-2002-25", "C-2002", ct, "WON", dec("600000"),
        dec("9"), "LOW", null, t("2025-08-01T08:00:00Z"), t("2025-08-12T08:00:00Z"))));
    added += count(history.addDeal(new Deal("D-2002-24", "C-2002", ip, "WON", dec("310000"),
        dec("5"), "LOW", null, t("2024-11-20T08:00:00Z"), t("2024-11-28T08:00:00Z"))));
    added += count(history.addDeal(new Deal("OPP-5503", "C-3003", rh, "PROPOSAL",
        dec("1500000"), dec("12"), "MEDIUM", "WECHAT", t("2026-11-20T06:00:00Z"), null)));

    added += count(history.addCompetitorActivity(new CompetitorActivity("CA-HD-2611",
        "华东", "示例竞品甲", "CT-70 影像工作站", "PRICE_CUT", dec("-12"),
        "示例竞品甲 cut its CT workstation price by 12% for hospitals in 华东.",
        t("2026-11-10T02:00:00Z"))));
    added += count(history.addCompetitorActivity(new CompetitorActivity("CA-HD-2610",
        "华东", "示例竞品乙", "影像云平台", "PROMOTION", null,
        "示例竞品乙 offers one year of free cloud storage with every imaging platform.",
        t("2026-10-02T02:00:00Z"))));
    added += count(history.addCompetitorActivity(new CompetitorActivity("CA-HB-2609",
        "华北", "示例竞品丙", "康复机器人", "TENDER_WIN", null,
        "示例竞品丙 won the provincial rehabilitation equipment tender.",
        t("2026-09-15T02:00:00Z"))));

    added += count(history.addCatalogueUpdate(new CatalogueUpdate("CU-2026-11-CT80",
        "医保目录 (medical insurance catalogue)", ct, "PRICE_CAP", dec("760000"),
        "CT-80 class workstations are reimbursed up to 760,000 from 2027-01-01.",
        t("2027-01-01T00:00:00Z"), t("2026-11-15T00:00:00Z"))));
    added += count(history.addCatalogueUpdate(new CatalogueUpdate("CU-2026-09-IP500",
        "医保目录 (medical insurance catalogue)", ip, "REIMBURSEMENT_CHANGE", null,
        "Imaging platform services move to the category B reimbursement list.",
        t("2026-10-01T00:00:00Z"), t("2026-09-20T00:00:00Z"))));

    added += cycle(history, "C-1001", 1, "2023-01-10", "2023-04-20", "300000");
    added += cycle(history, "C-1001", 2, "2024-02-01", "2024-06-15", "350000");
    added += cycle(history, "C-1001", 3, "2025-01-15", "2025-05-20", "420000");
    added += cycle(history, "C-1001", 4, "2025-09-01", "2025-12-10", "180000");
    added += cycle(history, "C-2002", 1, "2024-08-01", "2024-11-28", "310000");
    added += cycle(history, "C-2002", 2, "2025-04-10", "2025-08-12", "600000");
    added += cycle(history, "C-2002", 3, "2026-02-01", "2026-05-30", "450000");

    added += signal(history, "SIG-1001-1", "C-1001", "WEBSITE_HEATMAP",
        "/products/imaging-platform", "2026-11-20T02:15:00Z");
    added += signal(history, "SIG-1001-2", "C-1001", "COMPETITOR_COMPARISON_DOWNLOAD",
        "影像平台竞品对比白皮书.pdf", "2026-11-22T06:40:00Z");
    added += signal(history, "SIG-1001-3", "C-1001", "RATING_CHANGE",
        "第三方平台评分变化（两个月前）", "2026-09-25T08:00:00Z");
    added += signal(history, "SIG-2002-1", "C-2002", "WEBSITE_HEATMAP",
        "/solutions/architecture", "2026-11-26T03:10:00Z");
    added += signal(history, "SIG-2002-2", "C-2002", "WEBSITE_HEATMAP", "/pricing",
        "2026-11-27T08:40:00Z");
    added += signal(history, "SIG-2002-3", "C-2002", "COMMUNITY_KEYWORD", "部署周期",
        "2026-11-21T12:00:00Z");
    added += signal(history, "SIG-2002-4", "C-2002", "COMPETITOR_COMPARISON_DOWNLOAD",
        "竞品对比.pdf", "2026-11-23T06:00:00Z");
    return added;
  }

  private static int customer(ConsentLedger ledger, Customer c) {
    if (ledger.customer(c.id()).isPresent()) {
      return 0;
    }
    ledger.upsertCustomer(c);
    return 1;
  }

  private static int consent(ConsentLedger ledger, String customerId, Channel channel,
      Purpose purpose, ConsentStatus status, ConsentSource source, String evidenceId,
      String recordedAt, String expiresAt) {
    if (ledger.byEvidenceId(evidenceId).isPresent()) {
      return 0;
    }
    ledger.record(new ConsentRecord(customerId, channel, purpose, status, source, evidenceId,
        t(recordedAt), expiresAt == null ? null : t(expiresAt)));
    return 1;
  }

  private static int cycle(BattlePackHistory history, String customerId, int no, String started,
      String ordered, String amount) {
    return count(history.addPurchaseCycle(new PurchaseCycle(customerId, no,
        LocalDate.parse(started), LocalDate.parse(ordered), dec(amount))));
  }

  private static int signal(BattlePackHistory history, String id, String customerId, String kind,
      String detail, String at) {
    return count(history.addBehaviourSignal(new BehaviourSignal(id, customerId, kind, detail,
        t(at))));
  }

  private static int count(boolean added) {
    return added ? 1 : 0;
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  private static Instant t(String v) {
    return Instant.parse(v);
  }
}
