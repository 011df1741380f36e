package dev.baton.engine.repository;

import java.time.Instant;

/**
 * A published version of a pack. Its content (by {@code hash}) never changes; only its state
 * does, when it is retired.
 *
 * @param hash the SHA-256 of the canonical content ({@link
 *     dev.baton.engine.rulepack.RulePacks#contentHash})
 * @param note what the publisher said about it, or null
 */
public record PublishedVersion(
    String packId,
    String version,
    String hash,
    Instant publishedAt,
    String publishedBy,
    String note,
    State state) {

  /** Whether a published version may still be activated. */
  public enum State {
    /** Published and usable: it is active, or can be made active by a rollback. */
    PUBLISHED,
    /** Withdrawn: never active again; still readable for audit and replay. */
    RETIRED
  }
}
