package dev.baton.engine.liquid;

/** Where a campaign stands. */
public enum CampaignStatus {
  /** Demand posted, no unit yet. */
  OPEN,
  /** A unit is formed and working. */
  STAFFED,
  /** The campaign is over; its unit dissolved. */
  CLOSED
}
