package dev.baton.designer.review;

import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.StoredPack;
import java.time.Instant;
import java.util.Optional;

/**
 * One review waiting in a reviewer's inbox: the item, the battle pack it is about (its 3 pricing
 * strategies and 2 risk hints with evidence) and whether it is overdue.
 *
 * @param item the review item
 * @param pack the stored battle pack (empty only if the pack row is missing)
 * @param overdue true when the item was escalated or its due time has passed
 */
public record InboxEntry(ReviewItem item, Optional<StoredPack> pack, boolean overdue) {

  /** The entry for an item at {@code now}. */
  public static InboxEntry of(ReviewItem item, Optional<StoredPack> pack, Instant now) {
    return new InboxEntry(item, pack, overdue(item, now));
  }

  /** Overdue: escalated by the workflow's timer, or open past its due time. */
  public static boolean overdue(ReviewItem item, Instant now) {
    return item.status() == ReviewStatus.ESCALATED
        || (item.status().open() && item.dueAt() != null && now.isAfter(item.dueAt()));
  }
}
