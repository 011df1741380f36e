package dev.baton.benchmarks;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three template packs written by hand in plain Java, for the benchmark's lower bound: the
 * same decisions (checked against Baton's for every workload customer by {@code
 * EquivalenceTest}) from the same JSON-like input facts, without a rule engine. Parameter values
 * are read from the packs; the logic is the packs' rules translated one by one.
 */
public final class HandWrittenPipeline {
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  // cmi-threshold
  private final double cmiThreshold;
  private final double[] kindWeights;
  private final String contentPackChannel;
  private static final String[] KINDS = {"WEBSITE_HEATMAP", "COMMUNITY_KEYWORD",
      "COMPETITOR_COMPARISON_DOWNLOAD", "RATING_CHANGE"};
  // ai-trigger
  private final double reviewDealSize;
  private final double gradeAAmount;
  // consent-check
  private final String[] fallbackChannels;

  /** Reads the parameters of the packs (in pipeline order: cmi, ai-trigger, consent). */
  public HandWrittenPipeline(List<RulePack> pipeline) {
    RulePack cmi = pipeline.get(0);
    RulePack ai = pipeline.get(1);
    cmiThreshold = param(cmi, "cmiThreshold");
    kindWeights = new double[] {param(cmi, "weightWebsiteHeatmap"),
        param(cmi, "weightCommunityKeywords"), param(cmi, "weightCompetitorComparison"),
        param(cmi, "weightRatingChange")};
    contentPackChannel = text(cmi, "contentPackChannel");
    reviewDealSize = param(ai, "reviewDealSize");
    gradeAAmount = param(ai, "gradeAAmount");
    RulePack consent = pipeline.get(2);
    fallbackChannels = new String[] {text(consent, "firstFallbackChannel"),
        text(consent, "secondFallbackChannel"), text(consent, "thirdFallbackChannel")};
  }

  private static String text(RulePack p, String name) {
    return (String) p.parameter(name).orElseThrow().value();
  }

  private static double param(RulePack p, String name) {
    return ((BigDecimal) p.parameter(name).orElseThrow().value()).doubleValue();
  }

  // ------------------------------------------------------------------ input

  private record Customer(String customerId) {}

  private record Signal(String customerId, String kind, Long occurredAt) {}

  private record WebSession(String customerId, Boolean onSite, String currentPage,
      Long lastNavigationAt) {}

  private record Visit(String customerId, String requestId, Double dealSize, String riskLevel) {}

  private record Opportunity(String customerId, String opportunityId, String stage,
      Double amount, String nextStepChannel, Long lastContactAt) {}

  private record Event(String customerId, String event, Long occurredAt) {}

  private record Consent(String customerId, String channel, String purpose, String status,
      String evidenceId, Long recordedAt, Long expiresAt) {}

  private record Outreach(String requestId, String customerId, String channel, String purpose,
      String actor) {}

  private static String str(Map<String, Object> m, String k) {
    return (String) m.get(k);
  }

  private static Double num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static Long time(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? null : Instant.parse((String) v).toEpochMilli();
  }

  // ------------------------------------------------------------------ evaluation

  /** Evaluates the three packs on one customer's facts. */
  public Outcome evaluate(List<Fact> facts, Instant nowInstant) {
    final long now = nowInstant.toEpochMilli();
    List<Customer> customers = new ArrayList<>(1);
    List<Signal> signals = new ArrayList<>();
    List<WebSession> sessions = new ArrayList<>(1);
    List<Visit> visits = new ArrayList<>(1);
    List<Opportunity> opps = new ArrayList<>();
    List<Event> events = new ArrayList<>(1);
    List<Consent> consents = new ArrayList<>();
    List<Outreach> outreach = new ArrayList<>(1);
    // Actions proposed before the pipeline (input ProposedAction facts), then by each pack.
    List<Proposal> proposed = new ArrayList<>();
    int inputActions = 0;
    for (Fact f : facts) {
      Map<String, Object> v = f.values();
      switch (f.type()) {
        case "Customer" -> customers.add(new Customer(str(v, "customerId")));
        case "BehaviourSignal" -> signals.add(new Signal(str(v, "customerId"), str(v, "kind"),
            time(v, "occurredAt")));
        case "WebSession" -> sessions.add(new WebSession(str(v, "customerId"),
            (Boolean) v.get("onSite"), str(v, "currentPage"), time(v, "lastNavigationAt")));
        case "VisitRequest" -> visits.add(new Visit(str(v, "customerId"), str(v, "requestId"),
            num(v, "dealSize"), str(v, "riskLevel")));
        case "Opportunity" -> opps.add(new Opportunity(str(v, "customerId"),
            str(v, "opportunityId"), str(v, "stage"), num(v, "amount"),
            str(v, "nextStepChannel"), time(v, "lastContactAt")));
        case "CustomerEvent" -> events.add(new Event(str(v, "customerId"), str(v, "event"),
            time(v, "occurredAt")));
        case "Consent" -> consents.add(new Consent(str(v, "customerId"), str(v, "channel"),
            str(v, "purpose"), str(v, "status"), str(v, "evidenceId"), time(v, "recordedAt"),
            time(v, "expiresAt")));
        case "OutreachRequest" -> outreach.add(new Outreach(str(v, "requestId"),
            str(v, "customerId"), str(v, "channel"), str(v, "purpose"), str(v, "actor")));
        case "ProposedAction" -> {
          // As the engine takes it: id (or input-N), action, and customerId, channel, actor.
          inputActions++;
          String id = str(v, "id");
          String action = str(v, "action");
          proposed.add(new Proposal(id == null ? "input-" + inputActions : id,
              act(action == null ? "" : action, "customerId", str(v, "customerId"),
                  "channel", str(v, "channel"), "actor", str(v, "actor"))));
        }
        default -> throw new IllegalArgumentException("Unknown fact type " + f.type());
      }
    }
    // Emitted actions are numbered a1, a2, ... in the order Drools fires them: by salience,
    // then rule by rule in declaration order, each rule's matches in fact order.
    int[] seq = {0};

    // ---- cmi-threshold (scores first, then the journey breakpoint, then the CMI routing,
    // which reads the score)
    double cmi = 0;
    for (Customer c : customers) {
      for (int k = 0; k < KINDS.length; k++) {
        for (Signal s : signals) {
          if (c.customerId != null && c.customerId.equals(s.customerId)
              && KINDS[k].equals(s.kind) && s.occurredAt != null
              && s.occurredAt >= now - 30 * DAY && s.occurredAt <= now) {
            cmi += kindWeights[k];
            break;
          }
        }
      }
    }
    for (WebSession s : sessions) {
      if (Boolean.TRUE.equals(s.onSite) && s.lastNavigationAt != null
          && s.lastNavigationAt < now - 3 * MINUTE) {
        proposed.add(emit(seq, act("CONTENT_REPLENISHMENT_TASK", "customerId", s.customerId,
            "page", s.currentPage, "actor", "AI")));
      }
    }
    for (Customer c : customers) {
      if (cmi >= cmiThreshold) {
        proposed.add(emit(seq, act("PUSH_CONTENT_PACK", "customerId", c.customerId,
            "contentPack", "TAILORED_SOLUTION_PACK", "channel", contentPackChannel,
            "actor", "AI")));
      } else {
        proposed.add(emit(seq, act("CREATE_SALES_TASK", "customerId", c.customerId,
            "priority", "NORMAL", "actor", "HUMAN")));
      }
    }

    // ---- ai-trigger: above the review line the battle pack comes with a manager's review
    for (Visit v : visits) {
      if (v.dealSize != null && v.dealSize > reviewDealSize) {
        proposed.add(emit(seq, review(v, "Deal size above the review limit")));
      }
    }
    for (Visit v : visits) {
      if ("HIGH".equals(v.riskLevel)) {
        proposed.add(emit(seq, review(v, "High risk level")));
      }
    }
    for (Visit v : visits) {
      if (v.dealSize == null || v.riskLevel == null || v.riskLevel.isEmpty()) {
        proposed.add(emit(seq, review(v, "Deal size or risk level missing")));
      }
    }
    for (Visit v : visits) {
      if (v.dealSize != null && ("LOW".equals(v.riskLevel) || "MEDIUM".equals(v.riskLevel)
          || "HIGH".equals(v.riskLevel))) {
        proposed.add(emit(seq, act("GENERATE_BATTLE_PACK", "customerId", v.customerId,
            "visitRequestId", v.requestId, "actor", "AI")));
      }
    }
    // Grades A, B, C: late and large; late and small, or qualification and large;
    // qualification and small.
    for (String grade : GRADES) {
      for (Opportunity o : opps) {
        if (o.amount != null && grade.equals(grade(o))) {
          proposed.add(emit(seq, act("GRADE_OPPORTUNITY", "customerId", o.customerId,
              "opportunityId", o.opportunityId, "grade", grade, "actor", "AI")));
        }
      }
    }
    for (Opportunity o : opps) {
      if ((late(o) || "QUALIFICATION".equals(o.stage)) && o.nextStepChannel != null
          && !o.nextStepChannel.isEmpty()
          && (o.lastContactAt == null || o.lastContactAt < now - 7 * DAY)) {
        proposed.add(emit(seq, act("RECOMMEND_FOLLOW_UP_SCRIPT", "customerId", o.customerId,
            "opportunityId", o.opportunityId, "stage", o.stage, "channel", o.nextStepChannel,
            "actor", "AI")));
      }
    }
    for (Event e : events) {
      if ("VIEW_AI_FINANCING_PLAN".equals(e.event) && e.occurredAt != null
          && e.occurredAt >= now - 24 * HOUR && e.occurredAt <= now) {
        proposed.add(emit(seq, act("FORM_MICRO_TEAM", "customerId", e.customerId,
            "roles", "AI_TRAINER, RISK_EXPERT, ACCOUNT_MANAGER", "deadlineHours", "72",
            "actor", "AI")));
      }
    }

    // ---- consent-check
    List<Outcome.Veto> vetoed = new ArrayList<>();
    List<Outcome.Verdict> blocks = new ArrayList<>();
    List<Outcome.Verdict> allows = new ArrayList<>();
    List<Outcome.Act> actions = new ArrayList<>(proposed.size() + 1);
    for (Outreach r : outreach) {
      List<Consent> latest = latest(consents, r.customerId, r.channel, r.purpose);
      if (latest == null) {
        blocks.add(new Outcome.Verdict("no-consent-record", "NO-CONSENT-RECORD"));
      } else {
        for (Consent c : latest) {
          if (granted(c, now)) {
            allows.add(new Outcome.Verdict("consent-granted", c.evidenceId));
          } else if (refused(c)) {
            blocks.add(new Outcome.Verdict("consent-refused", c.evidenceId));
          } else if ("GRANTED".equals(c.status) && c.expiresAt != null && c.expiresAt <= now) {
            blocks.add(new Outcome.Verdict("consent-expired", c.evidenceId));
          }
        }
      }
      if (!"AI".equals(r.actor)) {
        continue;
      }
      List<Consent> refusals = refusals(latest, now);
      if (refusals.isEmpty()) {
        continue;
      }
      Reroute reroute = reroute(consents, r.customerId, r.purpose, now);
      for (Consent refusal : refusals) {
        if (reroute == null) {
          blocks.add(new Outcome.Verdict("outreach-refused-no-fallback", refusal.evidenceId));
          continue;
        }
        for (Consent grant : reroute.grants()) {
          actions.add(act("SEND_TEXT", "customerId", r.customerId, "channel", reroute.channel(),
              "actor", "AI", "template", "CONSENT_FALLBACK", "requestId", r.requestId,
              "fromChannel", r.channel, "purpose", r.purpose, "consentProof", grant.evidenceId,
              "vetoProof", refusal.evidenceId));
          allows.add(new Outcome.Verdict("outreach-refused-" + RANKS[reroute.rank()]
              + "-fallback", grant.evidenceId));
        }
      }
    }
    for (Proposal proposal : proposed) {
      Outcome.Act p = proposal.act();
      if (!"AI".equals(p.actor()) || !customerChannel(p.channel()) || p.action() == null) {
        actions.add(p);
        continue;
      }
      boolean marketing = marketing(p.action());
      String purpose = marketing ? "MARKETING" : "SALES_FOLLOW_UP";
      String prefix = marketing ? "ai-marketing-action-" : "ai-follow-up-action-";
      List<Consent> latest = latest(consents, p.customerId(), p.channel(), purpose);
      if (latest == null) {
        vetoed.add(new Outcome.Veto(p, prefix + "no-record", "NO-CONSENT-RECORD"));
        continue;
      }
      for (Consent c : latest) {
        if (granted(c, now)) {
          allows.add(new Outcome.Verdict(prefix + "consented", c.evidenceId));
        }
      }
      List<Consent> refusals = refusals(latest, now);
      if (refusals.isEmpty()) {
        actions.add(p);
        continue;
      }
      // The veto stands: by the no-fallback rule (higher priority) when nothing is allowed,
      // else by the refusal rule, and the action is proposed again on the fallback channel.
      Reroute reroute = reroute(consents, p.customerId(), purpose, now);
      Consent first = refusals.get(0);
      vetoed.add(new Outcome.Veto(p, prefix + (reroute == null ? "refused-no-fallback"
          : "refused-or-expired"), first.evidenceId));
      if (reroute == null) {
        continue;
      }
      for (Consent refusal : refusals) {
        for (Consent grant : reroute.grants()) {
          actions.add(act("REROUTE_ACTION", "customerId", p.customerId(),
              "channel", reroute.channel(), "actor", "AI", "originalAction", p.action(),
              "originalActionId", proposal.id(), "fromChannel", p.channel(),
              "purpose", purpose, "consentProof", grant.evidenceId,
              "vetoProof", refusal.evidenceId));
          allows.add(new Outcome.Verdict(prefix + "refused-" + RANKS[reroute.rank()]
              + "-fallback", grant.evidenceId));
        }
      }
    }
    return new Outcome(actions, vetoed, blocks, allows, cmi);
  }

  /** An action with the id the engine gives it. */
  private record Proposal(String id, Outcome.Act act) {}

  private static Proposal emit(int[] seq, Outcome.Act act) {
    return new Proposal("a" + (++seq[0]), act);
  }

  private static final String[] GRADES = {"A", "B", "C"};
  private static final String[] RANKS = {"first", "second", "third"};

  private static boolean late(Opportunity o) {
    return "PROPOSAL".equals(o.stage) || "NEGOTIATION".equals(o.stage);
  }

  /** The grade of an opportunity with an amount, or null when it is not graded. */
  private String grade(Opportunity o) {
    boolean large = o.amount >= gradeAAmount;
    if (late(o)) {
      return large ? "A" : "B";
    }
    if ("QUALIFICATION".equals(o.stage)) {
      return large ? "B" : "C";
    }
    return null;
  }

  /** The fallback channel chosen for a refused channel: its rank and its valid grants. */
  private record Reroute(int rank, String channel, List<Consent> grants) {}

  /**
   * The first fallback channel, in parameter order, that the customer granted for the purpose
   * (its latest records are valid grants, none refused or expired at the same instant); null
   * when every fallback channel is refused, expired or without a record. A fallback channel
   * whose latest records are neither (e.g. without a status) stops the search: the pack's
   * rules then neither reroute nor say that nothing is allowed.
   */
  private Reroute reroute(List<Consent> consents, String customerId, String purpose,
      long now) {
    for (int k = 0; k < fallbackChannels.length; k++) {
      List<Consent> latest = latest(consents, customerId, fallbackChannels[k], purpose);
      if (latest == null) {
        continue;
      }
      if (!refusals(latest, now).isEmpty()) {
        continue;
      }
      List<Consent> grants = new ArrayList<>(1);
      for (Consent c : latest) {
        if (granted(c, now)) {
          grants.add(c);
        }
      }
      return new Reroute(k, fallbackChannels[k], grants);
    }
    return null;
  }

  /** The latest records that refuse: denied, withdrawn or expired. */
  private static List<Consent> refusals(List<Consent> latest, long now) {
    if (latest == null) {
      return List.of();
    }
    List<Consent> out = null;
    for (Consent c : latest) {
      if (refused(c) || (c.expiresAt != null && c.expiresAt <= now)) {
        if (out == null) {
          out = new ArrayList<>(1);
        }
        out.add(c);
      }
    }
    return out == null ? List.of() : out;
  }

  private static Outcome.Act act(String action, String... params) {
    return new Outcome.Act(action, Outcome.params(params));
  }

  private static Outcome.Act review(Visit v, String reason) {
    return act("REQUIRE_HUMAN_REVIEW", "customerId", v.customerId, "visitRequestId",
        v.requestId, "reason", reason, "queue", "SALES_MANAGER_REVIEW");
  }

  private static boolean customerChannel(String c) {
    return "EMAIL".equals(c) || "SMS".equals(c) || "VOICE".equals(c) || "WECHAT".equals(c);
  }

  private static boolean marketing(String action) {
    return "PUSH_CONTENT_PACK".equals(action) || "SEND_TEXT".equals(action)
        || "CONTENT_REPLENISHMENT_TASK".equals(action);
  }

  private static boolean granted(Consent c, long now) {
    return "GRANTED".equals(c.status) && (c.expiresAt == null || c.expiresAt > now);
  }

  private static boolean refused(Consent c) {
    return "DENIED".equals(c.status) || "WITHDRAWN".equals(c.status);
  }

  /**
   * The latest records (by recordedAt; several when they tie) for a customer, channel and
   * purpose, ignoring records without recordedAt; null when there is none.
   */
  private static List<Consent> latest(List<Consent> consents, String customerId,
      String channel, String purpose) {
    if (customerId == null || channel == null || purpose == null) {
      return null;
    }
    List<Consent> latest = null;
    long max = Long.MIN_VALUE;
    for (Consent c : consents) {
      if (c.recordedAt == null || !customerId.equals(c.customerId)
          || !channel.equals(c.channel) || !purpose.equals(c.purpose)) {
        continue;
      }
      if (latest == null || c.recordedAt > max) {
        latest = new ArrayList<>(2);
        max = c.recordedAt;
        latest.add(c);
      } else if (c.recordedAt == max) {
        latest.add(c);
      }
    }
    return latest;
  }
}
