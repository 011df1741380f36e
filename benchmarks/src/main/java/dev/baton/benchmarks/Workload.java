package dev.baton.benchmarks;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark workload: the template pipeline {@code cmi-threshold → ai-trigger →
 * consent-check} (read from the rule-packs jar) and a deterministic set of customers, one fact
 * list per customer, in the JSON-like form the engine takes as input.
 *
 * <p>Customers 0 and 1 are the demo files ({@code demo/visit-request.json}: voice consent
 * withdrawn, so the AI's follow-up script on VOICE is vetoed; {@code
 * demo/high-intent-customer.json}: CMI 75, content pack allowed). The others are drawn from a
 * seeded random generator so that every rule of every pack fires for some customers: signal
 * mixes around the CMI threshold, idle and active web sessions, visit requests of every size and
 * risk (and incomplete ones), opportunities of every stage, recent and old financing-plan views,
 * consent granted / withdrawn / denied / expired / missing per channel and purpose, AI voice
 * outreach requests from customers who refused voice (rerouted to a fallback channel), and an
 * AI marketing text proposed before the pipeline whose refused channel is rerouted to the
 * first, second or no fallback channel.
 */
public final class Workload {

  /** The pipeline, in order. */
  public static final List<String> PACK_IDS = BundledTemplates.IDS;

  /** The evaluation time of every customer (the demo files' time). */
  public static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static final String[] KINDS = {"WEBSITE_HEATMAP", "COMMUNITY_KEYWORD",
      "COMPETITOR_COMPARISON_DOWNLOAD", "RATING_CHANGE"};
  private static final String[] STAGES = {"QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON",
      "LOST"};
  private static final String[] CHANNELS = {"EMAIL", "SMS", "VOICE", "WECHAT"};
  private static final String[] PURPOSES = {"MARKETING", "SALES_FOLLOW_UP"};
  private static final String[] SOURCES = {"WEBSITE_OPT_IN", "WECHAT_AUTHORIZATION",
      "EVENT_QR_CODE", "UNSUBSCRIBE_LINK", "SERVICE_HOTLINE"};

  private final List<RulePack> pipeline;
  private final List<List<Fact>> customers;

  private Workload(List<RulePack> pipeline, List<List<Fact>> customers) {
    this.pipeline = List.copyOf(pipeline);
    this.customers = List.copyOf(customers);
  }

  /** The pipeline and {@code count} customers (at least 2: the two demo customers). */
  public static Workload create(int count) {
    List<RulePack> packs = BundledTemplates.pipeline();
    List<List<Fact>> out = new ArrayList<>(count);
    for (String demo : List.of("visit-request.json", "high-intent-customer.json")) {
      String path = "baton/rule-packs/demo/" + demo;
      FactsDocument doc = RulePacks.parseFacts(path, resource(path));
      if (!NOW.equals(doc.now())) {
        throw new IllegalStateException(path + " has now " + doc.now() + ", expected " + NOW);
      }
      out.add(doc.facts());
    }
    Random random = new Random(20261127L);
    for (int i = out.size(); i < count; i++) {
      out.add(List.copyOf(customer(i, random)));
    }
    return new Workload(packs, out.subList(0, Math.max(count, 0)));
  }

  /** The packs, in pipeline order. */
  public List<RulePack> pipeline() {
    return pipeline;
  }

  /** One fact list per customer. */
  public List<List<Fact>> customers() {
    return customers;
  }

  private static String resource(String path) {
    try (InputStream in = Workload.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Not on the classpath: " + path
            + " (the baton-rule-packs jar holds it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Fact> customer(int n, Random r) {
    String id = String.format("C-%05d", n);
    List<Fact> facts = new ArrayList<>();
    facts.add(fact("Customer", "customerId", id, "name", "Customer " + n, "region",
        r.nextBoolean() ? "华东" : "华南"));

    // Behaviour signals: each kind absent, recent (counts) or older than 30 days (does not).
    for (String kind : KINDS) {
      int pick = r.nextInt(10);
      if (pick < 5) {
        facts.add(signal(id, kind, ago(Duration.ofHours(1 + r.nextInt(24 * 29)))));
        if (r.nextInt(3) == 0) { // a repeat of the same kind counts once
          facts.add(signal(id, kind, ago(Duration.ofHours(1 + r.nextInt(24 * 29)))));
        }
      } else if (pick < 7) {
        facts.add(signal(id, kind, ago(Duration.ofDays(31 + r.nextInt(60)))));
      }
    }

    // Web session: idle more than 3 minutes, active, off site or none.
    int session = r.nextInt(4);
    if (session < 3) {
      facts.add(fact("WebSession", "customerId", id, "onSite", session != 2,
          "currentPage", r.nextBoolean() ? "/pricing" : "/solutions/architecture",
          "lastNavigationAt", ago(Duration.ofSeconds(r.nextBoolean() ? 60 : 240 + r.nextInt(600)))));
    }

    // Visit request: small / medium / large deal, any risk, sometimes incomplete.
    if (r.nextInt(10) < 6) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("requestId", "VR-" + n);
      v.put("customerId", id);
      v.put("repId", "REP-" + (n % 17));
      v.put("plannedDate", "2026-12-0" + (1 + r.nextInt(9)));
      v.put("channel", new String[] {"DINGTALK", "WECOM", "FEISHU"}[r.nextInt(3)]);
      int size = r.nextInt(8);
      if (size != 0) {
        v.put("dealSize", BigDecimal.valueOf(size < 4 ? 300_000 : size < 6 ? 1_000_000
            : 1_500_000));
      }
      int risk = r.nextInt(7);
      if (risk != 0) {
        v.put("riskLevel", risk < 3 ? "LOW" : risk < 5 ? "MEDIUM" : "HIGH");
      }
      facts.add(new Fact("VisitRequest", v));
    }

    // Opportunities: 0..2, every stage, amounts around the grade-A line, follow-up due or not.
    int opps = r.nextInt(3);
    for (int k = 0; k < opps; k++) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("opportunityId", "OPP-" + n + "-" + k);
      o.put("customerId", id);
      if (r.nextInt(12) != 0) {
        o.put("stage", STAGES[r.nextInt(STAGES.length)]);
      }
      if (r.nextInt(12) != 0) {
        o.put("amount", BigDecimal.valueOf(new int[] {120_000, 480_000, 500_000, 820_000}[
            r.nextInt(4)]));
      }
      if (r.nextInt(8) != 0) {
        o.put("nextStepChannel", CHANNELS[r.nextInt(CHANNELS.length)]);
      }
      int contact = r.nextInt(5);
      if (contact != 0) {
        o.put("lastContactAt", ago(Duration.ofDays(contact < 3 ? 2 : 10 + r.nextInt(30))));
      }
      facts.add(new Fact("Opportunity", o));
    }

    // Customer events: financing plan viewed recently (micro team) or long ago, other events.
    int event = r.nextInt(6);
    if (event < 2) {
      facts.add(fact("CustomerEvent", "customerId", id, "event", "VIEW_AI_FINANCING_PLAN",
          "occurredAt", ago(Duration.ofHours(event == 0 ? 5 : 80))));
    } else if (event == 2) {
      facts.add(fact("CustomerEvent", "customerId", id, "event",
          r.nextBoolean() ? "BOOK_DEMO" : "REQUEST_QUOTE", "occurredAt",
          ago(Duration.ofHours(3))));
    }

    // Consent history per channel and purpose. Distinct recordedAt per channel and purpose, so
    // that the latest record is always unique.
    int ev = 0;
    for (String channel : CHANNELS) {
      for (String purpose : PURPOSES) {
        int history = r.nextInt(8);
        Instant first = NOW.minus(Duration.ofDays(200 + r.nextInt(100)));
        Instant second = NOW.minus(Duration.ofDays(10 + r.nextInt(100)));
        switch (history) {
          case 0, 1 -> { } // no record
          case 2, 3 -> facts.add(consent(id, channel, purpose, "GRANTED", first, null, ++ev));
          case 4 -> { // granted, later withdrawn
            facts.add(consent(id, channel, purpose, "GRANTED", first, null, ++ev));
            facts.add(consent(id, channel, purpose, "WITHDRAWN", second, null, ++ev));
          }
          case 5 -> facts.add(consent(id, channel, purpose, "DENIED", second, null, ++ev));
          case 6 -> // granted with an expiry: expired or still valid
            facts.add(consent(id, channel, purpose, "GRANTED", first,
                r.nextBoolean() ? NOW.minus(Duration.ofDays(5)) : NOW.plus(Duration.ofDays(90)),
                ++ev));
          default -> { // withdrawn, later granted again
            facts.add(consent(id, channel, purpose, "WITHDRAWN", first, null, ++ev));
            facts.add(consent(id, channel, purpose, "GRANTED", second, null, ++ev));
          }
        }
      }
    }

    // Outreach requests: an AI voice call (refused voice -> SMS instead) or another contact.
    int outreach = r.nextInt(8);
    if (outreach < 3) {
      facts.add(fact("OutreachRequest", "requestId", "OR-" + n, "customerId", id,
          "channel", outreach == 0 ? "EMAIL" : "VOICE",
          "purpose", PURPOSES[r.nextInt(PURPOSES.length)],
          "actor", outreach == 2 ? "HUMAN" : "AI"));
    }
    if (n % 64 == 7) {
      upstreamCampaign(n, id, facts);
    }
    return facts;
  }

  /**
   * The upstream-campaign profile (customers 7, 71, 135, 199): an AI marketing text on e-mail
   * proposed before the pipeline (an input {@code ProposedAction}), with the customer's
   * marketing consent on e-mail, SMS and WeChat replaced so that the refusal on e-mail is
   * rerouted to the first fallback (SMS), the second (WeChat, after an SMS denial or an expired
   * SMS grant), or to none. Drawn after the random part, so the other customers stay the same.
   */
  private static void upstreamCampaign(int n, String id, List<Fact> facts) {
    facts.removeIf(f -> f.type().equals("Consent")
        && "MARKETING".equals(f.values().get("purpose"))
        && !"VOICE".equals(f.values().get("channel")));
    Instant earlier = NOW.minus(Duration.ofDays(120));
    Instant later = NOW.minus(Duration.ofDays(20));
    int ev = 100;
    switch ((n / 64) % 4) {
      case 0 -> { // e-mail withdrawn, SMS denied, WeChat granted: second fallback
        facts.add(consent(id, "EMAIL", "MARKETING", "GRANTED", earlier, null, ++ev));
        facts.add(consent(id, "EMAIL", "MARKETING", "WITHDRAWN", later, null, ++ev));
        facts.add(consent(id, "SMS", "MARKETING", "DENIED", later, null, ++ev));
        facts.add(consent(id, "WECHAT", "MARKETING", "GRANTED", earlier, null, ++ev));
      }
      case 1 -> { // e-mail denied, SMS granted: first fallback
        facts.add(consent(id, "EMAIL", "MARKETING", "DENIED", later, null, ++ev));
        facts.add(consent(id, "SMS", "MARKETING", "GRANTED", earlier, null, ++ev));
      }
      case 2 -> { // e-mail expired, no SMS record, WeChat withdrawn; e-mail is the third: none
        facts.add(consent(id, "EMAIL", "MARKETING", "GRANTED", earlier,
            NOW.minus(Duration.ofDays(1)), ++ev));
        facts.add(consent(id, "WECHAT", "MARKETING", "WITHDRAWN", later, null, ++ev));
      }
      default -> { // e-mail withdrawn, the SMS grant expired, WeChat granted: second fallback
        facts.add(consent(id, "EMAIL", "MARKETING", "WITHDRAWN", later, null, ++ev));
        facts.add(consent(id, "SMS", "MARKETING", "GRANTED", earlier,
            NOW.minus(Duration.ofDays(2)), ++ev));
        facts.add(consent(id, "WECHAT", "MARKETING", "GRANTED", later,
            NOW.plus(Duration.ofDays(200)), ++ev));
      }
    }
    facts.add(fact("ProposedAction", "id", "CAMPAIGN-" + n, "action", "SEND_TEXT",
        "customerId", id, "channel", "EMAIL", "actor", "AI", "pack", "campaign",
        "rule", "nurture-email"));
  }

  private static Fact signal(String id, String kind, String at) {
    return fact("BehaviourSignal", "customerId", id, "kind", kind, "detail", kind.toLowerCase(),
        "occurredAt", at);
  }

  private static Fact consent(String id, String channel, String purpose, String status,
      Instant recordedAt, Instant expiresAt, int ev) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("customerId", id);
    c.put("channel", channel);
    c.put("purpose", purpose);
    c.put("status", status);
    c.put("source", SOURCES[Math.floorMod(id.hashCode() + ev, SOURCES.length)]);
    c.put("evidenceId", "EV-" + id + "-" + ev);
    c.put("recordedAt", recordedAt.toString());
    if (expiresAt != null) {
      c.put("expiresAt", expiresAt.toString());
    }
    return new Fact("Consent", c);
  }

  private static String ago(Duration d) {
    return NOW.minus(d).toString();
  }

  private static Fact fact(String type, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Fact(type, m);
  }
}
