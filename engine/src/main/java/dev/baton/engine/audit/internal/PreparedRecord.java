package dev.baton.engine.audit.internal;

import dev.baton.engine.rules.Decision;
import java.time.Instant;
import java.util.List;

/**
 * A record made on the caller's thread, ready for the writer: everything but its place in the
 * chain (sequence, time of recording, chain hash).
 *
 * @param input the canonical input as stored ({@link Documents})
 * @param decision the decision JSON as stored ({@link Documents})
 * @param contentHash {@link ChainHash#content} of the fields
 */
record PreparedRecord(
    String decisionId,
    String requestId,
    Instant evaluatedAt,
    String actor,
    String customerId,
    List<Decision.PackRef> packs,
    String packRefs,
    String actionNames,
    byte[] input,
    byte[] decision,
    String contentHash) {

  PreparedRecord {
    packs = List.copyOf(packs);
  }
}
