package dev.baton.designer.review;

import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewStatus;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One decided review in the history: who decided it, when, the verdict and the comment, with
 * the pack's customer.
 *
 * @param item the decided review item (its reviewer, decision time, status and comment)
 * @param customerId the battle pack's customer, or empty when the pack row is missing
 */
public record ReviewHistoryEntry(ReviewItem item, String customerId) {

  public ReviewHistoryEntry {
    customerId = customerId == null ? "" : customerId;
  }

  /** True for an approval, false for a rejection. */
  public boolean approved() {
    return item.status() == ReviewStatus.APPROVED;
  }

  /**
   * True when every word of the search text occurs (ignoring case) in the pack id, customer,
   * reviewer, comment, role or verdict; a blank search matches everything.
   */
  public boolean matches(String search) {
    if (search == null || search.isBlank()) {
      return true;
    }
    String hay = Stream.of(item.packId(), customerId, item.reviewer(), item.comment(),
            item.role().wire(), item.status().name(), item.decisionId())
        .map(s -> s == null ? "" : s.toLowerCase(Locale.ROOT))
        .reduce("", (a, b) -> a + "\u0000" + b);
    for (String word : search.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!hay.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
