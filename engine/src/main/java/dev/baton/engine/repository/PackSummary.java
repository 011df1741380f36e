package dev.baton.engine.repository;

import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.PackKind;

/**
 * One pack in the repository, as listed.
 *
 * @param title the title of the latest draft
 * @param activeVersion the version callers get when they do not pin one, or null
 * @param latestVersion the highest published version (retired or not), or null
 * @param draftRevision the latest draft revision (0 when there is no draft)
 */
public record PackSummary(
    String id,
    PackKind kind,
    LocalizedText title,
    Lifecycle state,
    String activeVersion,
    String latestVersion,
    long draftRevision) {

  /** Where a pack is in its life. */
  public enum Lifecycle {
    /** Only a draft: nothing published yet. */
    DRAFT,
    /** A published version is active. */
    PUBLISHED,
    /** Versions were published, and all of them are retired. */
    RETIRED
  }
}
