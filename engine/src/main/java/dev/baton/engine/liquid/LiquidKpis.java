package dev.baton.engine.liquid;

/**
 * The liquid organisation's targets: a virtual team formed in 23 minutes or less on average
 * (from the demand posted to the unit formed) and 100% of contributions attributable to a role
 * and a campaign.
 *
 * @param unitsFormed units counted for the average (dissolved ones included)
 * @param averageMinutesToForm average minutes from demand to formed unit, or NaN without units
 * @param attributableShare share of collaboration events attributable to a role and a campaign
 *     (1.0 when there are none)
 * @param events collaboration events counted
 */
public record LiquidKpis(int unitsFormed, double averageMinutesToForm, double attributableShare,
    long events) {
  /** The brief's target for forming a virtual team. */
  public static final double TARGET_MINUTES_TO_FORM = 23.0;
  /** The brief's target share of contributions attributable to a role and campaign. */
  public static final double TARGET_ATTRIBUTABLE_SHARE = 1.0;

  /** True when the average formation time is within the target (false without units). */
  public boolean formationOnTarget() {
    return unitsFormed > 0 && averageMinutesToForm <= TARGET_MINUTES_TO_FORM;
  }

  /** True when every contribution is attributable. */
  public boolean attributionOnTarget() {
    return attributableShare >= TARGET_ATTRIBUTABLE_SHARE;
  }
}
