package dev.baton.engine.liquid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Contribution points (液态积分) over a set of collaboration events: per event, per person and
 * per role, and the share of events attributable to a role and a campaign.
 *
 * @param campaignId the campaign summarised, or null for all events
 * @param pack the contribution pack as {@code id@version}
 * @param byPerson total points per person, highest first
 * @param byRole total points per role in the unit (events without a role under {@code "-"})
 * @param attributableShare attributable events / all events (1.0 when there are none)
 */
public record ContributionSummary(String campaignId, String pack, List<EventPoints> events,
    Map<String, BigDecimal> byPerson, Map<String, BigDecimal> byRole, BigDecimal total,
    double attributableShare) {
  public ContributionSummary {
    events = List.copyOf(events);
    byPerson = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byPerson));
    byRole = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRole));
  }
}
