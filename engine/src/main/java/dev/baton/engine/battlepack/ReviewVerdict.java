package dev.baton.engine.battlepack;

/**
 * A reviewer's verdict on a review item.
 *
 * @param reviewerRole the role the reviewer acts in; must be the item's role
 * @param reviewer who decides (1 to 200 characters)
 * @param approved true to approve, false to reject
 * @param comment the comment (required when rejecting, at most 4000 characters)
 */
public record ReviewVerdict(ReviewRole reviewerRole, String reviewer, boolean approved,
    String comment) {

  /** An approval. */
  public static ReviewVerdict approve(ReviewRole role, String reviewer, String comment) {
    return new ReviewVerdict(role, reviewer, true, comment);
  }

  /** A rejection; the comment says why. */
  public static ReviewVerdict reject(ReviewRole role, String reviewer, String comment) {
    return new ReviewVerdict(role, reviewer, false, comment);
  }
}
