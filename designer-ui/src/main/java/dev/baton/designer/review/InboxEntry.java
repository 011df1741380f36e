package dev.baton.designer.review;

import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.StoredPack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One review waiting in a reviewer's inbox: the item, the battle pack it is about (its 3 pricing
 * strategies and 2 risk hints with evidence), whether it is overdue, and the workflow's review
 * user task for it.
 *
 * @param item the review item
 * @param pack the stored battle pack (empty only if the pack row is missing)
 * @param overdue true when the item was escalated or its due time has passed
 * @param userTaskKey the open review user task's key, or null when the instance runs an earlier,
 *     message-based version of the workflow (no task to claim)
 * @param assignee who claimed the task, or null when no one has
 * @param otherReviews the pack's other review items (e.g. legal's verdict for the finance
 *     reviewer), open or decided, in role order
 */
public record InboxEntry(ReviewItem item, Optional<StoredPack> pack, boolean overdue,
    Long userTaskKey, String assignee, List<ReviewItem> otherReviews) {

  public InboxEntry {
    otherReviews = List.copyOf(otherReviews);
  }

  /** An entry without the pack's other reviews. */
  public InboxEntry(ReviewItem item, Optional<StoredPack> pack, boolean overdue,
      Long userTaskKey, String assignee) {
    this(item, pack, overdue, userTaskKey, assignee, List.of());
  }

  /** An entry without a user task. */
  public InboxEntry(ReviewItem item, Optional<StoredPack> pack, boolean overdue) {
    this(item, pack, overdue, null, null);
  }

  /** This entry with the pack's other review items. */
  public InboxEntry withOtherReviews(List<ReviewItem> others) {
    return new InboxEntry(item, pack, overdue, userTaskKey, assignee, others);
  }

  /** True when another review of the pack was rejected: the pack will not be released. */
  public boolean otherRejected() {
    return otherReviews.stream().anyMatch(i -> i.status() == ReviewStatus.REJECTED);
  }

  /** The entry for an item at {@code now}, without a user task. */
  public static InboxEntry of(ReviewItem item, Optional<StoredPack> pack, Instant now) {
    return new InboxEntry(item, pack, overdue(item, now));
  }

  /** The entry for an item at {@code now} and its open review user task. */
  public static InboxEntry of(ReviewItem item, Optional<StoredPack> pack, Instant now,
      Long userTaskKey, String assignee) {
    return new InboxEntry(item, pack, overdue(item, now), userTaskKey, assignee);
  }

  /** Overdue: escalated by the workflow's timer, or open past its due time. */
  public static boolean overdue(ReviewItem item, Instant now) {
    return item.status() == ReviewStatus.ESCALATED
        || (item.status().open() && item.dueAt() != null && now.isAfter(item.dueAt()));
  }
}
