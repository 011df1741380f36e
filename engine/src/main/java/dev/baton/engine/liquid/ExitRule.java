package dev.baton.engine.liquid;

import java.time.Duration;
import java.util.Objects;

/**
 * When a member leaves or the unit dissolves.
 *
 * @param after for {@link Kind#INACTIVE_FOR}: how long without a collaboration event; else null
 */
public record ExitRule(Kind kind, Duration after) {
  /** The kinds of exit rules. */
  public enum Kind {
    /** The unit dissolves when the campaign's time box ends. */
    TIME_BOX_ENDS,
    /** The unit dissolves when the deal is signed (the workflow's sign-off). */
    DEAL_SIGNED,
    /** A member without a collaboration event for {@code after} leaves the unit. */
    INACTIVE_FOR
  }

  public ExitRule {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.INACTIVE_FOR && (after == null || after.isNegative() || after.isZero())) {
      throw new LiquidInputException(
          "Exit rule INACTIVE_FOR needs a positive duration 'after', e.g. P7D.");
    }
  }
}
