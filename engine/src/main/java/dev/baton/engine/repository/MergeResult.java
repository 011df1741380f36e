package dev.baton.engine.repository;

import dev.baton.engine.rulepack.RulePack;
import java.util.List;

/**
 * The outcome of a template upgrade ({@link PackRepository#upgradeTemplate}): either the merged
 * pack, saved as the new draft, or the conflicts that stopped it (and then nothing changed).
 *
 * @param fromTemplateVersion the template version the pack was based on (the merge base)
 * @param toTemplateVersion the new template version
 * @param merged the merged pack, saved as the draft; null when there are conflicts
 * @param draft the new draft revision; null when there are conflicts
 * @param conflicts the elements both sides changed differently; empty when merged
 * @param keptLocal paths of local edits that were kept, e.g. {@code parameters.cmiThreshold.value}
 * @param takenFromTemplate paths of template changes that were taken
 */
public record MergeResult(
    String packId,
    String fromTemplateVersion,
    String toTemplateVersion,
    RulePack merged,
    DraftRef draft,
    List<Conflict> conflicts,
    List<String> keptLocal,
    List<String> takenFromTemplate) {

  public MergeResult {
    conflicts = List.copyOf(conflicts);
    keptLocal = List.copyOf(keptLocal);
    takenFromTemplate = List.copyOf(takenFromTemplate);
  }

  /** True when the merge was saved as the new draft (no conflicts). */
  public boolean applied() {
    return conflicts.isEmpty();
  }

  /**
   * An element that the local edits and the new template both changed, differently. Values are
   * written in the pack syntax; null means the element is absent on that side.
   *
   * @param path the element, e.g. {@code parameters.cmiThreshold.value} or {@code
   *     rules[high-cmi-push-content-pack].when[1]}
   * @param base the value in the template the pack was based on
   * @param local the value in the local draft
   * @param template the value in the new template
   * @param message what happened, and how to resolve it
   */
  public record Conflict(String path, String base, String local, String template,
      String message) {}

  /** How to settle a conflict when upgrading again: pass it for the conflict's path. */
  public enum Resolution {
    /** Keep the local draft's value. */
    KEEP_LOCAL,
    /** Take the new template's value. */
    TAKE_TEMPLATE
  }
}
