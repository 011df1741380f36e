package dev.baton.engine.liquid;

/** Where a battle unit stands. */
public enum UnitStatus {
  /** Proposed by the formation pack, waiting for a lead to confirm. */
  PROPOSED,
  /** Formed and working. */
  ACTIVE,
  /** The SLA passed before sign-off; escalated and still working. */
  ESCALATED,
  /** Dissolved; every member has left. */
  DISSOLVED
}
