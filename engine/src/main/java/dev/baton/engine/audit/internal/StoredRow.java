package dev.baton.engine.audit.internal;

import dev.baton.engine.audit.DecisionRecord;
import java.time.Instant;

/** A row of baton_decision exactly as stored: verify hashes these texts, not parsed values. */
record StoredRow(
    long sequence,
    String decisionId,
    String requestId,
    Instant recordedAt,
    Instant evaluatedAt,
    String actor,
    String customerId,
    String packRefs,
    String actionNames,
    byte[] input,
    byte[] decision,
    String hash) {

  DecisionRecord toRecord() {
    return new DecisionRecord(sequence, decisionId, requestId, recordedAt, evaluatedAt, actor,
        customerId, DecisionRows.parsePackRefs(packRefs), DecisionRows.parseActionNames(
            actionNames), Documents.decompress(input), Documents.decompress(decision), hash);
  }

  /** {@link ChainHash#content} of the stored fields. */
  String contentHash() {
    return ChainHash.content(decisionId, requestId, evaluatedAt, actor, customerId, packRefs,
        actionNames, input, decision);
  }
}
