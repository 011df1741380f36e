package dev.baton.engine.runtime;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.workflow.RuleDecisionRef;
import dev.baton.engine.workflow.RuleDecisions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Business rule tasks that call published rule packs ({@code decisionId="baton:..."}, see
 * {@link RuleDecisionRef}), evaluated through {@link Baton#decide}: consent facts added, the
 * decision recorded in the decision log before the task completes. Give it to the workflow
 * engine with {@code WorkflowEngineOptions.withRuleDecisions(BatonRuleDecisions.on(baton))}.
 *
 * <p>Input: the task's variable {@code facts}, an object from fact type to one fact (an object)
 * or a list of facts, as in a facts document; optionally {@code now}, an ISO-8601 instant (the
 * engine's clock otherwise). Build both with the task's input mappings.
 *
 * <p>Record: request id {@code workflow:<processInstanceKey>:<elementInstanceKey>}, actor
 * {@code workflow:<bpmnProcessId>/<elementId>}. A task activated again (an incident resolved, a
 * batch retried) finds its request id recorded and returns the recorded decision, re-evaluated
 * on the recorded facts and time.
 *
 * <p>Result variable: {@code decisionId} (the record), {@code requestId}, {@code packs} ({@code
 * id}, {@code version}), {@code blocked}, {@code actions} ({@code id}, {@code action}, {@code
 * params}, {@code pack}, {@code rule}), {@code vetoed} and {@code blocks} and {@code allows}
 * (with {@code pack}, {@code rule}, {@code reason}), {@code scores}, {@code firedRules}.
 *
 * <p>Thread-safe as {@link Baton} is.
 */
public final class BatonRuleDecisions implements RuleDecisions {
  private final Baton baton;

  private BatonRuleDecisions(Baton baton) {
    this.baton = baton;
  }

  /** Rule decisions against this Baton's pack repository, rules engine and decision log. */
  public static RuleDecisions on(Baton baton) {
    return new BatonRuleDecisions(baton);
  }

  /** The request id a business rule task's decision is recorded under. */
  public static String requestId(long processInstanceKey, long elementInstanceKey) {
    return "workflow:" + processInstanceKey + ":" + elementInstanceKey;
  }

  @Override
  public Map<String, Object> decide(Request request) {
    List<RulePack> pipeline = new ArrayList<>();
    for (RuleDecisionRef.PackStep step : request.decision().packs()) {
      pipeline.add((step.version() == null ? baton.packs().active(step.packId())
          : baton.packs().get(step.packId(), step.version()))
          .orElseThrow(() -> new NoSuchElementException(step.version() == null
              ? "the pack '" + step.packId() + "' has no active published version: publish it"
              : "the pack '" + step.packId() + "' has no published version '"
                  + step.version() + "'")));
    }
    List<Fact> facts = facts(request.variables().get("facts"));
    Instant now = now(request.variables().get("now"), request.nowMillis());
    String requestId = requestId(request.processInstanceKey(), request.elementInstanceKey());
    String actor = "workflow:" + request.bpmnProcessId() + "/" + request.elementId();
    Evaluation evaluation = new Evaluation(pipeline, facts, now, requestId, actor);
    Decided decided = baton.decide(evaluation);
    Decision decision = decided.decision();
    RecordedDecision recorded = decided.record();
    if (recorded != null && recorded.duplicate()) {
      DecisionRecord earlier = baton.decisions().get(recorded.decisionId()).orElseThrow();
      decision = baton.rules().evaluate(new Evaluation(pipeline, earlier.facts(),
          earlier.evaluatedAt(), requestId, actor));
    }
    return result(decision, recorded, requestId);
  }

  @SuppressWarnings("unchecked")
  private static List<Fact> facts(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof Map<?, ?> byType)) {
      throw new IllegalArgumentException("the variable 'facts' must be an object from fact"
          + " type to a fact or a list of facts, e.g. {\"Customer\": {\"customerId\": \"c1\"}},"
          + " but it is " + describe(value));
    }
    List<Fact> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : byType.entrySet()) {
      String type = String.valueOf(e.getKey());
      List<?> items = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("facts." + type + " must hold objects (one fact"
              + " each), but holds " + describe(item));
        }
        out.add(new Fact(type, (Map<String, Object>) m));
      }
    }
    return out;
  }

  private static Instant now(Object value, long engineMillis) {
    if (value == null) {
      return Instant.ofEpochMilli(engineMillis);
    }
    try {
      return Instant.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the variable 'now' must be an ISO-8601 instant such"
          + " as 2026-03-01T09:00:00Z, but it is '" + value + "'");
    }
  }

  private static String describe(Object v) {
    return v instanceof List<?> ? "a list" : v instanceof String ? "text" : v instanceof Number
        ? "a number" : v instanceof Boolean ? "a boolean" : String.valueOf(v);
  }

  private static Map<String, Object> result(Decision d, RecordedDecision recorded,
      String requestId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decisionId", recorded == null ? null : recorded.decisionId());
    out.put("requestId", requestId);
    List<Map<String, Object>> packs = new ArrayList<>();
    for (Decision.PackRef p : d.packs()) {
      packs.add(Map.of("id", p.id(), "version", p.version()));
    }
    out.put("packs", packs);
    out.put("blocked", d.blocked());
    List<Map<String, Object>> actions = new ArrayList<>();
    for (Decision.DecidedAction a : d.actions()) {
      actions.add(action(a));
    }
    out.put("actions", actions);
    List<Map<String, Object>> vetoed = new ArrayList<>();
    for (Decision.Veto v : d.vetoed()) {
      Map<String, Object> m = action(v.action());
      m.put("vetoedBy", verdict(v.pack(), v.rule(), v.reason()));
      vetoed.add(m);
    }
    out.put("vetoed", vetoed);
    out.put("blocks", d.blocks().stream().map(b -> verdict(b.pack(), b.rule(), b.reason()))
        .toList());
    out.put("allows", d.allows().stream().map(b -> verdict(b.pack(), b.rule(), b.reason()))
        .toList());
    Map<String, Object> scores = new LinkedHashMap<>();
    for (Map.Entry<String, BigDecimal> s : d.scores().entrySet()) {
      scores.put(s.getKey(), s.getValue());
    }
    out.put("scores", scores);
    out.put("firedRules", d.fired().stream().map(f -> f.pack() + "/" + f.rule()).toList());
    return out;
  }

  private static Map<String, Object> action(Decision.DecidedAction a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("action", a.action());
    m.put("params", a.params());
    m.put("pack", a.pack());
    m.put("rule", a.rule());
    return m;
  }

  private static Map<String, Object> verdict(String pack, String rule, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pack", pack);
    m.put("rule", rule);
    m.put("reason", reason);
    return m;
  }
}
