package dev.baton.engine.battlepack;

import dev.baton.engine.battlepack.internal.JdbcReviewQueue;
import dev.baton.engine.store.BatonStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The legal and finance pre-review queues (法务与财务预审队列) and the manager's approval queue
 * (for packs the rules flag for a human approval). The workflow queues one item per battle pack
 * and role ({@code baton.queue-review}) and waits for a {@code review-decided}
 * message; a reviewer's {@link #decide verdict} changes the item and returns that message, which
 * the caller publishes ({@link ReviewMessage#publish}).
 *
 * <p><b>Contract.</b> Thread-safe; every change is one transaction. A refused verdict throws
 * {@link ReviewRefusedException} and changes nothing. A verdict is final: the first one wins,
 * also when two reviewers decide at the same moment. If publishing the message fails after the
 * verdict was stored, {@link #messageFor} gives the same message again (same message id) to
 * publish once more; nothing decided is lost.
 *
 * <p><b>Separation of duties.</b> A verdict counts only in the item's role ({@link
 * ReviewRefusedException.Reason#ROLE_MISMATCH} otherwise), and under the {@link ReviewPolicy}'s
 * four-eyes rule (on by default) one person cannot decide both reviews of a pack ({@link
 * ReviewRefusedException.Reason#SAME_REVIEWER}), also when both verdicts arrive at once.
 */
public interface ReviewQueue {

  /** The queue in a store, under the {@link ReviewPolicy#DEFAULT default policy} (four eyes). */
  static ReviewQueue on(BatonStore store) {
    return on(store, ReviewPolicy.DEFAULT);
  }

  /** The queue in a store, under a policy. */
  static ReviewQueue on(BatonStore store, ReviewPolicy policy) {
    return new JdbcReviewQueue(store, policy);
  }

  /** The policy verdicts are held to. */
  ReviewPolicy policy();

  /**
   * Queues a pack for a role, due at {@code dueAt}. Idempotent: when the item exists it is
   * returned unchanged.
   */
  ReviewItem queue(String packId, ReviewRole role, String decisionId, long processInstanceKey,
      Instant queuedAt, Instant dueAt);

  /** The item for a pack and role. */
  Optional<ReviewItem> item(String packId, ReviewRole role);

  /** Every item of a pack, in role order (legal, finance, manager). */
  List<ReviewItem> forPack(String packId);

  /** The role's open items (pending and escalated), the earliest due first. */
  List<ReviewItem> pending(ReviewRole role);

  /**
   * The role's decided items (approved and rejected), the latest decision first, at most
   * {@code limit} of them: the review history (who decided, when, the verdict and comment).
   */
  List<ReviewItem> decided(ReviewRole role, int limit);

  /**
   * Decides an open item and returns the {@code review-decided} message to publish.
   *
   * @throws ReviewRefusedException when the item does not exist, was already decided, the
   *     verdict's role is not the item's role, the reviewer decided the pack's other review
   *     (four eyes), or the verdict is incomplete; nothing changes
   */
  ReviewMessage decide(String packId, ReviewRole role, ReviewVerdict verdict, Instant at);

  /**
   * Marks a pending item escalated (the review is late). An item already escalated or decided is
   * returned unchanged.
   *
   * @throws ReviewRefusedException when the item does not exist
   */
  ReviewItem escalate(String packId, ReviewRole role, Instant at);

  /** The message of a decided item (to publish again); empty while the item is open. */
  Optional<ReviewMessage> messageFor(String packId, ReviewRole role);
}
