package dev.baton.engine.battlepack;

import dev.baton.engine.BatonException;

/**
 * Who reviews a battle pack: legal and finance pre-review every pack (法务与财务预审); a sales
 * manager also approves it before release when the rules ask for a human approval (a deal above
 * the review limit or a high risk level: {@code REQUIRE_HUMAN_REVIEW} next to
 * {@code GENERATE_BATTLE_PACK}).
 */
public enum ReviewRole {
  /** Legal pre-review. */
  LEGAL,
  /** Finance pre-review. */
  FINANCE,
  /** The sales manager's approval before release, only for packs the rules flag. */
  MANAGER;

  /** The form used in correlation keys, task headers and messages: {@code legal}, {@code finance}. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The role for {@code legal}, {@code finance} or {@code manager} (any case).
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
    throw new BatonException("'" + text + "' is not a review role: use legal, finance or manager.");
  }
}
