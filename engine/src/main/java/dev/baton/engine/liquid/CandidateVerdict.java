package dev.baton.engine.liquid;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why a person was or was not picked for a demanded role.
 *
 * @param points the ranking points (sum of the pack's RANK actions)
 * @param reasons for NOT_ELIGIBLE the thresholds missed; otherwise the ranking bases; for
 *     RANKED_BELOW_PICKS and PICKED_FOR_OTHER_ROLE also the engine's reason
 */
public record CandidateVerdict(String personId, String name, String role, Verdict verdict,
    BigDecimal points, List<Reason> reasons) {
  public CandidateVerdict {
    reasons = List.copyOf(reasons);
  }

  /** The outcomes of a candidate. */
  public enum Verdict {
    /** Picked for the role. */
    PICKED,
    /** Eligible, but the role's places went to people ranked higher. */
    RANKED_BELOW_PICKS,
    /** Eligible, but picked for another role of the same unit (earlier in the demand list). */
    PICKED_FOR_OTHER_ROLE,
    /** Missed an entry threshold. */
    NOT_ELIGIBLE
  }

  /** The explanation in English, one line. */
  public String explanation() {
    return personId + " " + verdict + " for " + role + " (" + points.stripTrailingZeros()
        .toPlainString() + " points): " + String.join("; ", reasons.stream().map(Reason::text)
        .toList());
  }
}
