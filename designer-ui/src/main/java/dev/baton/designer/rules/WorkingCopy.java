package dev.baton.designer.rules;

import java.time.Instant;

/**
 * An analyst's unsaved edits of a pack, as kept by {@link WorkingCopies}: the pack YAML as the
 * designer held it (not validated: it may have problems), the draft revision the edits were
 * made on, and when it was written.
 */
public record WorkingCopy(String username, String packId, long baseRevision, String content,
    Instant savedAt) {}
