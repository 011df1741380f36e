package dev.baton.engine.battlepack;

/**
 * The rules a {@link ReviewQueue} holds verdicts to, beyond "the reviewer acts in the item's
 * role" (which always holds).
 *
 * @param fourEyes when true (the default), one person cannot decide both reviews of a battle
 *     pack: a verdict by the reviewer who already decided the pack's other review is refused
 *     ({@link ReviewRefusedException.Reason#SAME_REVIEWER}). Reviewers are compared by name,
 *     ignoring case and surrounding spaces.
 */
public record ReviewPolicy(boolean fourEyes) {
  /** Four eyes: legal and finance are decided by two different people. */
  public static final ReviewPolicy DEFAULT = new ReviewPolicy(true);

  /** The same policy with the four-eyes rule on or off. */
  public ReviewPolicy withFourEyes(boolean on) {
    return new ReviewPolicy(on);
  }
}
