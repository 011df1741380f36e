package dev.baton.engine.liquid;

/** How a unit is formed. */
public enum FormationMode {
  /** The formation pack's picks are the unit at once. */
  AUTOMATIC,
  /** The picks are a proposal that a lead confirms (and may change). */
  LEAD_CONFIRMS
}
