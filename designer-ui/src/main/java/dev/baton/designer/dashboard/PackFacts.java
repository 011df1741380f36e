package dev.baton.designer.dashboard;

import java.time.Instant;
import java.util.Objects;

/**
 * What the dashboard needs of one battle pack.
 *
 * @param packId the pack
 * @param createdAt when it was generated
 * @param requestedAt when its visit request was taken up: the first step of its workflow
 *     timeline (the rules' evaluation), or null when unknown
 * @param review where its legal and finance pre-review stands
 * @param releasedAt when it was released to the rep, or null when it was not (yet)
 */
public record PackFacts(String packId, Instant createdAt, Instant requestedAt, Review review,
    Instant releasedAt) {

  public PackFacts {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(review, "review");
  }

  /** Where the pre-review of a pack stands. */
  public enum Review {
    /** No review rejected it and not every review approved it yet. */
    OPEN,
    /** Every review approved it. */
    APPROVED,
    /** A review rejected it (a human veto), whatever the other review says. */
    VETOED
  }
}
