package dev.baton.engine.battlepack;

import dev.baton.engine.BatonException;

/** Who pre-reviews a battle pack (法务与财务预审). */
public enum ReviewRole {
  /** Legal pre-review. */
  LEGAL,
  /** Finance pre-review. */
  FINANCE;

  /** The form used in correlation keys, task headers and messages: {@code legal}, {@code finance}. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The role for {@code legal} or {@code finance} (any case).
   *
   * @throws BatonException naming the allowed values otherwise
   */
  public static ReviewRole parse(String text) {
    if (text != null) {
      for (ReviewRole r : values()) {
        if (r.name().equalsIgnoreCase(text.strip())) {
          return r;
        }
      }
    }
    throw new BatonException("'" + text + "' is not a review role: use legal or finance.");
  }
}
