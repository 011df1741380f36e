package dev.baton.engine.liquid.internal;

import dev.baton.engine.liquid.ContributionSummary;
import dev.baton.engine.liquid.CustomerOutcome;
import dev.baton.engine.liquid.EventPoints;
import dev.baton.engine.liquid.Reason;
import dev.baton.engine.liquid.RecordedEvent;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contribution points around the pack's evaluation: {@link #facts} makes one CollaborationEvent
 * fact per event (with the person's role in the campaign's unit at the time) and the customers'
 * outcomes; {@link #summary} multiplies each event's POINTS by its WEIGHT factors.
 */
public final class ContributionFacts {
  /** The action that gives an event points. */
  public static final String POINTS = "POINTS";
  /** The action that multiplies an event's points. */
  public static final String WEIGHT = "WEIGHT";

  private ContributionFacts() {}

  /** The facts and each event's role. */
  public record Input(List<Fact> facts, Map<String, String> roles,
      Map<String, RecordedEvent> events) {}

  /**
   * @param units every unit (to find the role of a person in a campaign's unit at a time)
   * @param outcomes per customer id
   */
  public static Input facts(List<RecordedEvent> events, List<Unit> units,
      Map<String, CustomerOutcome> outcomes) {
    Map<String, List<Unit>> byCampaign = new HashMap<>();
    units.forEach(u -> byCampaign.computeIfAbsent(u.campaignId(), k -> new ArrayList<>()).add(u));
    List<Fact> facts = new ArrayList<>();
    Map<String, String> roles = new HashMap<>();
    Map<String, RecordedEvent> byId = new LinkedHashMap<>();
    java.util.Set<String> customers = new java.util.HashSet<>();
    for (RecordedEvent r : events) {
      var e = r.event();
      String role = null;
      if (e.campaignId() != null) {
        for (Unit u : byCampaign.getOrDefault(e.campaignId(), List.of())) {
          role = u.roleOf(e.personId(), e.occurredAt()).orElse(null);
          if (role != null) {
            break;
          }
        }
      }
      roles.put(e.eventId(), role);
      byId.put(e.eventId(), r);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("eventId", e.eventId());
      v.put("personId", e.personId());
      v.put("campaignId", e.campaignId() == null ? "" : e.campaignId());
      v.put("customerId", e.customerId() == null ? "" : e.customerId());
      v.put("kind", e.kind());
      v.put("roleInUnit", role == null ? "" : role);
      v.put("counterpartDepartment", e.counterpartDepartment() == null ? ""
          : e.counterpartDepartment());
      v.put("occurredAt", e.occurredAt().toString());
      facts.add(new Fact("CollaborationEvent", v));
      if (e.customerId() != null) {
        customers.add(e.customerId());
      }
    }
    outcomes.forEach((customer, o) -> {
      if (customers.contains(customer)) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerId", customer);
        v.put("renewed", o.renewed());
        v.put("partnersAdded", o.partnersAdded());
        facts.add(new Fact("CustomerOutcome", v));
      }
    });
    return new Input(facts, roles, byId);
  }

  /** Reads the decision back into points per event, person and role. */
  public static ContributionSummary summary(String campaignId, String packRef, Input input,
      Decision decision) {
    Map<String, BigDecimal> base = new HashMap<>();
    Map<String, BigDecimal> factor = new HashMap<>();
    Map<String, List<Reason>> reasons = new HashMap<>();
    for (Decision.DecidedAction a : decision.actions()) {
      Object id = a.params().get("eventId");
      if (id == null) {
        continue;
      }
      String eventId = id.toString();
      Map<String, Object> values = new LinkedHashMap<>(a.params());
      values.remove("eventId");
      values.remove("personId");
      Object basis = values.remove("basis");
      if (a.action().equals(POINTS)) {
        base.merge(eventId, FormationFacts.number(values.get("points")), BigDecimal::add);
      } else if (a.action().equals(WEIGHT)) {
        factor.merge(eventId, FormationFacts.number(values.get("factor")), BigDecimal::multiply);
      } else {
        continue;
      }
      reasons.computeIfAbsent(eventId, k -> new ArrayList<>()).add(new Reason(
          a.action() + (basis == null ? "" : ":" + basis), values, a.rule()));
    }
    List<EventPoints> out = new ArrayList<>();
    Map<String, BigDecimal> byPerson = new HashMap<>();
    Map<String, BigDecimal> byRole = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    int attributable = 0;
    for (RecordedEvent r : input.events().values()) {
      var e = r.event();
      BigDecimal b = base.getOrDefault(e.eventId(), BigDecimal.ZERO);
      BigDecimal p = b.multiply(factor.getOrDefault(e.eventId(), BigDecimal.ONE))
          .setScale(2, RoundingMode.HALF_UP);
      String role = input.roles().get(e.eventId());
      boolean attr = role != null && e.campaignId() != null && b.signum() > 0;
      if (attr) {
        attributable++;
      }
      out.add(new EventPoints(e.eventId(), e.personId(), e.campaignId(), role, e.kind(), b, p,
          reasons.getOrDefault(e.eventId(), List.of()), attr));
      byPerson.merge(e.personId(), p, BigDecimal::add);
      byRole.merge(role == null ? "-" : role, p, BigDecimal::add);
      total = total.add(p);
    }
    Map<String, BigDecimal> sortedPeople = new LinkedHashMap<>();
    byPerson.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue(
        Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(en -> sortedPeople.put(en.getKey(), en.getValue()));
    double share = out.isEmpty() ? 1.0 : attributable / (double) out.size();
    return new ContributionSummary(campaignId, packRef, out, sortedPeople, byRole, total, share);
  }
}
