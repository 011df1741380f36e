package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A battle unit (战役单元) of a campaign.
 *
 * @param decisionId the recorded formation decision in the decision log, or null
 * @param processInstanceKey the battle-unit workflow instance, or 0 when none runs
 */
public record Unit(String id, String campaignId, UnitStatus status, FormationMode mode,
    Instant formedAt, String formedBy, String decisionId, Instant dissolvedAt,
    long processInstanceKey, List<UnitMember> members) {
  public Unit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(formedAt, "formedAt");
    members = List.copyOf(members);
  }

  /** The members who have not left. */
  public List<UnitMember> activeMembers() {
    return members.stream().filter(UnitMember::active).toList();
  }

  /** The member's role in this unit at that time, if they were a member then. */
  public java.util.Optional<String> roleOf(String personId, Instant at) {
    return members.stream().filter(m -> m.personId().equals(personId)
        && !m.joinedAt().isAfter(at) && (m.leftAt() == null || m.leftAt().isAfter(at)))
        .map(UnitMember::role).findFirst();
  }
}
