package dev.baton.engine.audit;

/**
 * The acknowledgement of {@link DecisionLog#record}: the decision is in the log, committed.
 *
 * @param decisionId the record's id (a time-ordered UUID, version 7)
 * @param requestId the request id it is recorded under (the caller's, or a generated UUID)
 * @param sequence its position in the hash chain, from 1
 * @param hash its chain hash (SHA-256, lower-case hex)
 * @param duplicate true when the request id was already recorded: nothing new was written and
 *     the fields describe the earlier record (whose content may differ from this call's)
 */
public record RecordedDecision(
    String decisionId, String requestId, long sequence, String hash, boolean duplicate) {}
