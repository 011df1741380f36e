package dev.baton.engine.audit;

import dev.baton.engine.audit.internal.RecordJson;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import java.time.Instant;
import java.util.List;

/**
 * A recorded decision as stored.
 *
 * @param sequence position in the hash chain, from 1
 * @param decisionId the record's id
 * @param requestId the request id (the caller's, or generated when the evaluation had none)
 * @param recordedAt when it was recorded (wall clock, to the millisecond)
 * @param evaluatedAt the evaluation's {@code now}, to the millisecond (exact in {@link #inputJson})
 * @param actor who asked, or null
 * @param customerId the customer of the input facts (the one distinct {@code customerId} value
 *     among them), or null when there is none or more than one
 * @param packs the pipeline, in order, with the content hash of each pack
 * @param actions the names of the decision's final actions, without repeats, in order
 * @param inputJson the canonical input: {@code {"actor", "facts": [{"type", "values"}], "now",
 *     "requestId"}} with keys sorted; {@code requestId} as the evaluation gave it (maybe null)
 * @param decisionJson the decision as compact JSON (format: docs/decision-format.md)
 * @param hash the chain hash
 */
public record DecisionRecord(
    long sequence,
    String decisionId,
    String requestId,
    Instant recordedAt,
    Instant evaluatedAt,
    String actor,
    String customerId,
    List<Decision.PackRef> packs,
    List<String> actions,
    String inputJson,
    String decisionJson,
    String hash) {

  public DecisionRecord {
    packs = List.copyOf(packs);
    actions = List.copyOf(actions);
  }

  /** The recorded input facts, in their recorded order, as the evaluation received them. */
  public List<Fact> facts() {
    return RecordJson.facts(inputJson);
  }
}
