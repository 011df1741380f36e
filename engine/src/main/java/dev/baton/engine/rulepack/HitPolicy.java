package dev.baton.engine.rulepack;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which of a pack's matching rules fire in one evaluation, as the hit policy of a decision
 * table. {@link #COLLECT} is the default and what a pack without {@code hitPolicy} does.
 */
public enum HitPolicy {
  /** Every matching rule fires (each once per matching combination of facts). */
  COLLECT("collect"),
  /** Only the first matching rule in the pack's order fires, once. */
  FIRST("first"),
  /**
   * Only the matching rule with the highest priority fires, once; among equal priorities the
   * first in the pack's order.
   */
  PRIORITY("priority");

  private final String label;

  HitPolicy(String label) {
    this.label = label;
  }

  /** The name used in pack files, e.g. {@code first}. */
  public String label() {
    return label;
  }

  /** True when at most one rule fires per evaluation. */
  public boolean singleHit() {
    return this != COLLECT;
  }

  /** Looks a policy up by its file name. */
  public static Optional<HitPolicy> fromLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }
}
