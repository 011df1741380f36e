package dev.baton.engine.battlepack;

import dev.baton.engine.BatonException;

/** A verdict was refused; the review item is unchanged. {@link #reason()} says why. */
public class ReviewRefusedException extends BatonException {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  public ReviewRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }

  /** Why a verdict is refused. */
  public enum Reason {
    /** No review item for that pack and role. */
    UNKNOWN_ITEM,
    /** The item was already approved or rejected. */
    ALREADY_DECIDED,
    /** The reviewer acts in another role than the item's. */
    ROLE_MISMATCH,
    /**
     * Four eyes: the reviewer already decided the pack's other review, and one person may not
     * decide both ({@link ReviewPolicy#fourEyes()}).
     */
    SAME_REVIEWER,
    /** The verdict itself is incomplete (no reviewer, a rejection without comment, too long). */
    INVALID_VERDICT
  }
}
