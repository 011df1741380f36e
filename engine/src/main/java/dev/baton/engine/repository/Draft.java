package dev.baton.engine.repository;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.time.Instant;

/**
 * The editable draft of a pack, at its latest revision.
 *
 * @param revision pass it back to {@link PackRepository#saveDraft} so that a concurrent edit is
 *     detected
 * @param examplesName the name of the examples file imported with the pack (e.g. {@code
 *     examples.yaml}), or null when there are none
 * @param examples the examples text as imported, or null
 */
public record Draft(
    String packId,
    long revision,
    RulePack pack,
    String examplesName,
    String examples,
    Instant savedAt,
    String savedBy) {

  /** The reference to this revision. */
  public DraftRef ref() {
    return new DraftRef(packId, revision, pack.version(), RulePacks.contentHash(pack));
  }
}
