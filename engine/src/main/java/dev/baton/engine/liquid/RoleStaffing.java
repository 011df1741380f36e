package dev.baton.engine.liquid;

import java.util.List;

/**
 * How a demanded role was staffed.
 *
 * @param picked the people picked, best ranked first
 * @param shortfall places left empty (0 when fully staffed)
 * @param nearestMisses when short: the not-eligible candidates that came closest (fewest
 *     thresholds missed, then most points), at most 3
 */
public record RoleStaffing(DemandRole demand, List<String> picked, int shortfall,
    List<CandidateVerdict> nearestMisses) {
  public RoleStaffing {
    picked = List.copyOf(picked);
    nearestMisses = List.copyOf(nearestMisses);
  }
}
