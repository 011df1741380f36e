package dev.baton.engine.repository;

import dev.baton.engine.BatonException;
import java.time.Instant;

/**
 * A draft was saved by someone else after the caller loaded it: the caller's save was refused
 * and nothing was changed, so neither edit is lost. Reload the draft ({@link
 * PackRepository#draft}), apply the changes again and save with the new revision.
 */
public class ConcurrentEditException extends BatonException {
  private static final long serialVersionUID = 1L;
  private final String packId;
  private final long expectedRevision;
  private final long currentRevision;
  private final String savedBy;
  private final transient Instant savedAt;

  /**
   * @param currentRevision the revision now stored
   * @param savedBy who saved it
   * @param savedAt when
   */
  public ConcurrentEditException(String packId, long expectedRevision, long currentRevision,
      String savedBy, Instant savedAt) {
    super("The draft of '" + packId + "' was changed by " + savedBy + " at " + savedAt
        + " (now revision " + currentRevision + ") after you loaded revision " + expectedRevision
        + ": your changes were not saved. Reload the draft, apply your changes again and save.");
    this.packId = packId;
    this.expectedRevision = expectedRevision;
    this.currentRevision = currentRevision;
    this.savedBy = savedBy;
    this.savedAt = savedAt;
  }

  /** The pack whose draft changed. */
  public String packId() {
    return packId;
  }

  /** The revision the caller based its edit on. */
  public long expectedRevision() {
    return expectedRevision;
  }

  /** The revision now stored. */
  public long currentRevision() {
    return currentRevision;
  }

  /** Who saved the current revision. */
  public String savedBy() {
    return savedBy;
  }

  /** When the current revision was saved. */
  public Instant savedAt() {
    return savedAt;
  }
}
