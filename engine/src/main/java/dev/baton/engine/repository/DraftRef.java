package dev.baton.engine.repository;

/**
 * A saved draft revision.
 *
 * @param revision the revision to pass to the next {@link PackRepository#saveDraft} (starts at 1)
 * @param hash the content hash the draft would have if published as it is
 */
public record DraftRef(String packId, long revision, String version, String hash) {}
