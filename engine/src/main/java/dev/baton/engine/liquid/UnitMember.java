package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.Objects;

/** A member of a unit: role in the unit, when they joined and (once they did) left. */
public record UnitMember(String personId, String role, Instant joinedAt, Instant leftAt) {
  public UnitMember {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }

  /** True while the member has not left. */
  public boolean active() {
    return leftAt == null;
  }
}
