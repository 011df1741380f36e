package dev.baton.engine.repository;

import java.time.Instant;

/**
 * One entry of a pack's history: what happened, to which version, who did it, when and why.
 *
 * @param version the version concerned (for draft events the draft's version)
 * @param revision the draft revision written by a draft event, 0 otherwise
 * @param activeBefore the active version before the event, or null
 * @param activeAfter the active version after the event, or null
 * @param why the note or reason given, or null
 */
public record PackEvent(
    String packId,
    Type type,
    String version,
    long revision,
    String activeBefore,
    String activeAfter,
    String actor,
    Instant at,
    String why) {

  /** The kinds of events. */
  public enum Type {
    /** A draft was imported from a folder, file or zip. */
    DRAFT_IMPORTED,
    /** A draft was saved (e.g. from the designer). */
    DRAFT_SAVED,
    /** A draft was created from a template with parameter values. */
    TEMPLATE_IMPORTED,
    /** A newer template version was merged into the draft. */
    TEMPLATE_UPGRADED,
    /** The draft was published as a new version, which became active. */
    PUBLISHED,
    /** A version was retired. */
    RETIRED,
    /** An earlier published version was made active again. */
    ROLLED_BACK
  }
}
