package dev.baton.engine.liquid;

import java.math.BigDecimal;
import java.util.List;

/**
 * The contribution points of one collaboration event.
 *
 * @param role the person's role in the campaign's unit when it happened, or null
 * @param basePoints the sum of the pack's POINTS for it
 * @param points base points times every WEIGHT factor, rounded to 2 decimals
 * @param reasons the POINTS and WEIGHT actions that made it (bases and factors)
 * @param attributable true when the event has a campaign and a role in its unit and earned
 *     points: it counts toward that role's and campaign's contribution
 */
public record EventPoints(String eventId, String personId, String campaignId, String role,
    String kind, BigDecimal basePoints, BigDecimal points, List<Reason> reasons,
    boolean attributable) {
  public EventPoints {
    reasons = List.copyOf(reasons);
  }
}
