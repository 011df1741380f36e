package dev.baton.engine.audit;

/**
 * A recorded decision that could not be re-evaluated, and why (a pack's content is missing or
 * was changed, the input no longer fits the packs).
 *
 * @param sequence the record's position in the chain
 * @param decisionId the record's id
 * @param problem what went wrong and what to check
 */
public record ReplayFailure(long sequence, String decisionId, String problem) {}
