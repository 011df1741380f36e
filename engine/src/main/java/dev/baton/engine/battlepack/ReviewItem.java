package dev.baton.engine.battlepack;

import java.time.Instant;

/**
 * One item of a review queue (legal or finance pre-review, manager approval): a battle pack waiting for one role.
 *
 * @param packId the battle pack
 * @param role legal, finance or manager
 * @param decisionId the decision the pack belongs to
 * @param processInstanceKey the workflow instance waiting for the verdict
 * @param status where it stands
 * @param comment the reviewer's comment, or null before the decision
 * @param reviewer who decided, or null before the decision
 * @param dueAt when the review is late (the workflow escalates then)
 * @param queuedAt when it was queued
 * @param escalatedAt when it was escalated, or null
 * @param decidedAt when it was decided, or null
 */
public record ReviewItem(
    String packId,
    ReviewRole role,
    String decisionId,
    long processInstanceKey,
    ReviewStatus status,
    String comment,
    String reviewer,
    Instant dueAt,
    Instant queuedAt,
    Instant escalatedAt,
    Instant decidedAt) {

  /** The item's id, also the correlation key of its {@code review-decided} message. */
  public String itemId() {
    return correlationKey(packId, role);
  }

  /** {@code packId + ":" + role}, e.g. {@code BP-...:legal}. */
  public static String correlationKey(String packId, ReviewRole role) {
    return packId + ":" + role.wire();
  }
}
