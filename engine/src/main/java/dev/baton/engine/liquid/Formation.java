package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of forming a unit for a campaign's demand list: per role the people picked, and for
 * every candidate the verdict with its reasons.
 *
 * @param pack the formation pack as {@code id@version}
 * @param decisionId the formation decision in the decision log, or null when not recorded
 * @param candidates every candidate considered, by role in demand order, best ranked first
 */
public record Formation(String campaignId, Instant at, String pack, String decisionId,
    List<RoleStaffing> roles, List<CandidateVerdict> candidates) {
  public Formation {
    roles = List.copyOf(roles);
    candidates = List.copyOf(candidates);
  }

  /** True when every demanded place is filled. */
  public boolean complete() {
    return roles.stream().allMatch(r -> r.shortfall() == 0);
  }

  /** The members the formation picked, role by role. */
  public List<UnitMember> members(Instant joinedAt) {
    return roles.stream().flatMap(r -> r.picked().stream()
        .map(p -> new UnitMember(p, r.demand().role(), joinedAt, null))).toList();
  }

  /** The verdict on a person for a role. */
  public Optional<CandidateVerdict> verdict(String personId, String role) {
    return candidates.stream().filter(c -> c.personId().equals(personId)
        && c.role().equals(role)).findFirst();
  }
}
