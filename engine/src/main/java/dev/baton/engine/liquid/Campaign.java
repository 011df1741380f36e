package dev.baton.engine.liquid;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign (战役) that posts a demand list: the roles its battle unit needs, exit rules and a
 * time box from {@code demandAt} (when the demand was posted) to {@code endsAt}; {@code sla} is
 * how long the unit has to deliver (e.g. 72 hours to iterate and sign) before it is escalated.
 *
 * @param customerId the customer the campaign is for, or null
 * @param region the campaign's region (ranking prefers people from it), or null
 */
public record Campaign(String id, String name, String customerId, String region,
    List<DemandRole> demand, List<ExitRule> exitRules, Instant demandAt, Instant endsAt,
    Duration sla, CampaignStatus status) {
  public Campaign {
    Names.checkId("campaign id", id);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(demandAt, "demandAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(sla, "sla");
    status = status == null ? CampaignStatus.OPEN : status;
    demand = List.copyOf(demand);
    exitRules = List.copyOf(exitRules);
    if (demand.isEmpty()) {
      throw new LiquidInputException("Campaign " + id + " needs a demand list with at least one"
          + " role.");
    }
    Set<String> seen = new HashSet<>();
    for (DemandRole d : demand) {
      if (!seen.add(d.role())) {
        throw new LiquidInputException("Campaign " + id + " demands role " + d.role()
            + " twice: give one line per role with its count.");
      }
    }
    if (!endsAt.isAfter(demandAt)) {
      throw new LiquidInputException("Campaign " + id + ": the time box ends (" + endsAt
          + ") before it starts (" + demandAt + ").");
    }
    if (sla.isNegative() || sla.isZero()) {
      throw new LiquidInputException("Campaign " + id + ": the SLA must be positive, e.g. PT72H.");
    }
  }

  /** The same campaign with another status. */
  public Campaign withStatus(CampaignStatus newStatus) {
    return new Campaign(id, name, customerId, region, demand, exitRules, demandAt, endsAt, sla,
        newStatus);
  }

  /** The people the demand list asks for in total. */
  public int headcount() {
    return demand.stream().mapToInt(DemandRole::count).sum();
  }
}
