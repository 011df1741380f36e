package dev.baton.engine.battlepack.internal;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.BehaviourSignal;
import dev.baton.engine.battlepack.Deal;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code baton.evaluate}: the rule pipeline on the visit request, the customer's signals and open
 * deals, and the planned contact; the decision is recorded. The AI may act when the ai-trigger
 * pack proposes the battle pack for this request and the consent-check pack does not block the
 * contact (sales follow-up on the contact channel). When the decision also asks for a human
 * review of this request ({@code REQUIRE_HUMAN_REVIEW} next to the battle pack: a deal above the
 * review limit, a high risk level), {@code humanApprovalRequired} is true and a sales manager
 * approves the pack before release.
 */
final class EvaluateHandler extends StepHandler {
  static final String GENERATE_BATTLE_PACK = "GENERATE_BATTLE_PACK";
  static final String REQUIRE_HUMAN_REVIEW = "REQUIRE_HUMAN_REVIEW";

  EvaluateHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    VisitRequest visit = job.visitRequest();
    Duration reviewTimeout = job.reviewTimeout(services.reviewTimeout());
    Instant now = services.clock().instant();
    Optional<Customer> customer = services.baton().consent().customer(visit.customerId());
    List<Deal> openDeals = services.history().deals(visit.customerId()).stream()
        .filter(Deal::open).toList();
    Optional<Deal> primary = openDeals.stream().findFirst();
    BigDecimal dealSize = visit.dealSize() != null ? visit.dealSize()
        : primary.map(Deal::amount).orElse(null);
    String riskLevel = visit.riskLevel() != null ? visit.riskLevel()
        : primary.map(Deal::riskLevel).orElse(null);
    String contactChannel = visit.contactChannel() != null ? visit.contactChannel()
        : primary.map(Deal::nextStepChannel).orElse(null);

    List<Fact> facts = facts(visit, customer, openDeals, dealSize, riskLevel, contactChannel, now);
    List<RulePack> pipeline = services.pipeline();
    String requestId = visit.requestId() + "@" + job.processInstanceKey();
    Evaluation evaluation = new Evaluation(pipeline, facts, now, requestId, visit.repId());
    Decided decided = services.baton().decide(evaluation);
    RecordedDecision recorded = decided.record();
    if (recorded == null) {
      throw new Job.BadJobException("Baton is opened with decision recording off, but the"
          + " battle-pack workflow records every decision: open it with"
          + " BatonOptions.recordDecisions = true (the default).");
    }
    Decision decision = decided.decision();
    if (recorded.duplicate()) {
      // recorded by an earlier delivery of this job: decide on exactly what was recorded
      DecisionRecord earlier = services.baton().decisions().get(recorded.decisionId())
          .orElseThrow();
      // (its facts already hold the ledger's consent of that time: decide on them as given)
      decision = services.baton().decide(new Evaluation(pipeline, earlier.facts(),
          earlier.evaluatedAt(), requestId, visit.repId()),
          new DecideOptions(false, DecideOptions.ConsentSource.FACTS, true)).decision();
    }

    boolean generate = decision.actions().stream().anyMatch(a ->
        a.action().equals(GENERATE_BATTLE_PACK)
            && visit.requestId().equals(a.params().get("visitRequestId")));
    boolean consentOk = contactChannel != null && !decision.blocked();
    boolean aiAllowed = generate && consentOk;

    List<String> approvalReasons = generate ? humanReviewReasons(decision, visit.requestId())
        : List.of();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decisionId", recorded.decisionId());
    out.put("aiAllowed", aiAllowed);
    out.put("humanApprovalRequired", !approvalReasons.isEmpty());
    out.put("humanApprovalReasons", approvalReasons);
    if (!aiAllowed) {
      out.put("aiBlockedReason", reason(decision, generate, contactChannel));
    }
    List<Map<String, Object>> alternatives = new ArrayList<>();
    for (Decision.DecidedAction a : decision.actions()) {
      if (!a.action().equals(GENERATE_BATTLE_PACK)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("action", a.action());
        m.put("params", a.params());
        m.put("pack", a.pack());
        m.put("rule", a.rule());
        alternatives.add(m);
      }
    }
    out.put("alternativeActions", alternatives);
    out.put("consentProofs", decision.proofs().stream().map(String::valueOf).toList());
    out.put("reviewTimeout", reviewTimeout.toString());
    String summary = summary(recorded.decisionId(), requestId, aiAllowed, approvalReasons,
        (String) out.get("aiBlockedReason"),
        decision.actions().stream().map(Decision.DecidedAction::action).toList());
    return store.inTransaction(c -> record(c, job, recorded.decisionId(), summary, out));
  }

  /**
   * The reasons of the decision's {@code REQUIRE_HUMAN_REVIEW} actions for this visit request (an
   * action without {@code visitRequestId}, from an older pack version, counts for every request).
   */
  static List<String> humanReviewReasons(Decision decision, String visitRequestId) {
    return decision.actions().stream()
        .filter(a -> a.action().equals(REQUIRE_HUMAN_REVIEW))
        .filter(a -> a.params().get("visitRequestId") == null
            || visitRequestId.equals(a.params().get("visitRequestId")))
        .map(a -> String.valueOf(a.params().get("reason")))
        .toList();
  }

  static String reason(Decision decision, boolean generate, String contactChannel) {
    if (!generate) {
      return decision.actions().stream()
          .filter(a -> a.action().equals(REQUIRE_HUMAN_REVIEW))
          .map(a -> "a person reviews first: " + a.params().get("reason"))
          .findFirst()
          .orElse("the ai-trigger pack proposed no battle pack for this visit request");
    }
    if (contactChannel == null) {
      return "no customer contact channel is known (no contactChannel on the request and no"
          + " open deal with a next-step channel), so consent cannot be checked";
    }
    return decision.blocks().stream()
        .map(b -> "consent blocked on " + contactChannel + ": " + b.reason() + " (proof "
            + b.proof() + ")")
        .findFirst().orElse("consent blocked on " + contactChannel);
  }

  private List<Fact> facts(VisitRequest visit, Optional<Customer> customer, List<Deal> openDeals,
      BigDecimal dealSize, String riskLevel, String contactChannel, Instant now) {
    List<Fact> facts = new ArrayList<>();
    customer.ifPresent(c -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("customerId", c.id());
      v.put("name", c.name());
      if (c.region() != null) {
        v.put("region", c.region());
      }
      facts.add(new Fact("Customer", v));
    });
    for (BehaviourSignal s : services.history().signals(visit.customerId(), now)) {
      facts.add(new Fact("BehaviourSignal", Map.of("customerId", s.customerId(), "kind",
          s.kind(), "detail", s.detail(), "occurredAt", s.occurredAt().toString())));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("requestId", visit.requestId());
    request.put("customerId", visit.customerId());
    request.put("repId", visit.repId());
    request.put("plannedDate", visit.plannedDate().toString());
    request.put("channel", visit.channel());
    if (dealSize != null) {
      request.put("dealSize", dealSize);
    }
    if (riskLevel != null) {
      request.put("riskLevel", riskLevel);
    }
    facts.add(new Fact("VisitRequest", request));
    for (Deal d : openDeals) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("opportunityId", d.dealId());
      o.put("customerId", d.customerId());
      o.put("stage", d.stage());
      o.put("amount", d.amount());
      if (d.nextStepChannel() != null) {
        o.put("nextStepChannel", d.nextStepChannel());
      }
      if (d.lastContactAt() != null) {
        o.put("lastContactAt", d.lastContactAt().toString());
      }
      facts.add(new Fact("Opportunity", o));
    }
    if (contactChannel != null) {
      facts.add(new Fact("OutreachRequest", Map.of("requestId", visit.requestId(),
          "customerId", visit.customerId(), "channel", contactChannel,
          "purpose", "SALES_FOLLOW_UP", "actor", "AI")));
    }
    return facts;
  }


  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(String decisionId, String requestId, boolean aiAllowed,
      List<String> approvalReasons, String blockedReason, List<String> actions) {
    return "Decision " + decisionId + " on " + requestId + ": "
        + (aiAllowed ? "the AI may generate the battle pack"
            + (approvalReasons.isEmpty() ? ""
                : ", a sales manager approves it before release " + approvalReasons)
            : "the AI may not act (" + blockedReason + ")")
        + "; actions " + actions;
  }
}
