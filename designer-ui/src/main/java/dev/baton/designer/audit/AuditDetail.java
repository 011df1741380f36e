package dev.baton.designer.audit;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.battlepack.WorkflowStep;
import java.util.List;

/**
 * One decision as the auditor reads it: the record (inputs, fired rules, why/why not, consent
 * proofs in its decision JSON) and what it caused in the workflow.
 *
 * @param record the recorded decision
 * @param steps the workflow steps it caused, in the order they completed
 * @param packs the battle packs generated for it
 * @param outbox the actions carried out for it
 */
public record AuditDetail(DecisionRecord record, List<WorkflowStep> steps,
    List<StoredPack> packs, List<OutboxEntry> outbox) {
  public AuditDetail {
    steps = List.copyOf(steps);
    packs = List.copyOf(packs);
    outbox = List.copyOf(outbox);
  }
}
