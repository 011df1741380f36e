package dev.baton.engine.audit;

import java.time.Instant;
import java.util.Objects;

/** Which recorded decisions a replay re-evaluates. */
public sealed interface ReplayScope {

  /** One decision. */
  record OneDecision(String decisionId) implements ReplayScope {
    public OneDecision {
      Objects.requireNonNull(decisionId, "decisionId");
    }
  }

  /** The decisions recorded in {@code [from, to)}; either bound may be null (open). */
  record TimeRange(Instant from, Instant to) implements ReplayScope {}

  /** Every decision whose pipeline held this pack (any version). */
  record PackDecisions(String packId) implements ReplayScope {
    public PackDecisions {
      Objects.requireNonNull(packId, "packId");
    }
  }

  /** One decision. */
  static ReplayScope decision(String decisionId) {
    return new OneDecision(decisionId);
  }

  /** The decisions recorded in {@code [from, to)}. */
  static ReplayScope between(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  /** Every decision that used the pack. */
  static ReplayScope pack(String packId) {
    return new PackDecisions(packId);
  }

  /** Every decision. */
  static ReplayScope all() {
    return new TimeRange(null, null);
  }
}
