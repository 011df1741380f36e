package dev.baton.designer.consent;

import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.consent.CustomerStatus;
import java.time.Instant;
import java.util.List;

/**
 * The consent ledger at one time: every customer's red / yellow / green status, coverage
 * against the target, and consent per channel.
 *
 * @param at the time it was worked out for (the application's clock)
 * @param statuses every customer's status, by customer id
 * @param coverage coverage against the policy's target
 * @param channels consent per channel
 */
public record ConsentOverview(
    Instant at, List<CustomerStatus> statuses, CoverageReport coverage,
    ChannelBreakdown channels) {

  public ConsentOverview {
    statuses = List.copyOf(statuses);
  }
}
