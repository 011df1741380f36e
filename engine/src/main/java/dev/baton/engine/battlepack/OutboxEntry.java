package dev.baton.engine.battlepack;

import java.time.Instant;

/**
 * An action the workflow carried out, for an integration (chat workplace, CRM, content pushes)
 * to deliver: a pack released or returned to the rep, an escalation, an alternative action.
 *
 * @param jobKey the job that carried it out
 * @param seq its position among that job's entries, from 0
 * @param decisionId the decision
 * @param action e.g. {@code RELEASE_BATTLE_PACK}, {@code RETURN_TO_REP}, {@code ESCALATE_REVIEW},
 *     or an alternative action of the decision such as {@code PUSH_CONTENT_PACK}
 * @param recipient who receives it (a rep, a role, a customer id)
 * @param payloadJson the action's parameters as a JSON object
 * @param createdAt when
 */
public record OutboxEntry(
    long jobKey,
    int seq,
    String decisionId,
    String action,
    String recipient,
    String payloadJson,
    Instant createdAt) {}
