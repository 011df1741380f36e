package dev.baton.designer.audit;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.rulepack.LocalizedText;
import java.util.List;
import java.util.Map;

/**
 * One decision as the auditor reads it: the record (inputs, fired rules, why/why not, consent
 * proofs in its decision JSON) and what it caused in the workflow.
 *
 * @param record the recorded decision
 * @param steps the workflow steps it caused, in the order they completed
 * @param packs the battle packs generated for it
 * @param outbox the actions carried out for it
 * @param ruleTitles the titles (English and Chinese) of the rules of the packs the decision
 *     used, by {@link #key pack and rule id}, from the exact pack versions it used
 */
public record AuditDetail(DecisionRecord record, List<WorkflowStep> steps,
    List<StoredPack> packs, List<OutboxEntry> outbox, Map<String, LocalizedText> ruleTitles) {
  public AuditDetail {
    ruleTitles = Map.copyOf(ruleTitles);
    steps = List.copyOf(steps);
    packs = List.copyOf(packs);
    outbox = List.copyOf(outbox);
  }

  /** The key of a rule in {@link #ruleTitles}. */
  public static String key(String packId, String ruleId) {
    return packId + "/" + ruleId;
  }

  /** The title of a rule in the language of the locale, or the recorded title. */
  public String ruleTitle(String packId, String ruleId, String recorded,
      java.util.Locale locale) {
    LocalizedText title = ruleTitles.get(key(packId, ruleId));
    String text = title == null ? null : title.in(locale);
    return text == null || text.isEmpty() ? recorded : text;
  }
}
