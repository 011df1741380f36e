package dev.baton.engine.battlepack;

/** Where a review item stands. */
public enum ReviewStatus {
  /** Queued, waiting for the reviewer. */
  PENDING,
  /** Late: the boundary timer fired; still waiting for the reviewer, who may still decide. */
  ESCALATED,
  /** The reviewer approved. Final. */
  APPROVED,
  /** The reviewer rejected. Final. */
  REJECTED;

  /** True while the item waits for a decision (pending or escalated). */
  public boolean open() {
    return this == PENDING || this == ESCALATED;
  }
}
