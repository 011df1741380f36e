package dev.baton.designer.workflow;

import java.time.Instant;

/**
 * One change an operator made to a process instance, as the operations log keeps it.
 *
 * @param processInstanceKey the instance
 * @param scopeKey the element instance it concerned (a variable's scope, a token's element
 *     instance, an incident's key), or the instance key
 * @param action {@code SET_VARIABLE}, {@code UPDATE_RETRIES}, {@code RESOLVE_INCIDENT},
 *     {@code CANCEL}, {@code ADD_TOKEN} or {@code MOVE_TOKEN}
 * @param subject what it concerned: the variable's name, the element id, the incident's element
 * @param oldValue the value before (a variable's JSON, retries, the element moved from); null
 *     when none
 * @param newValue the value after; null when none
 * @param doneBy who did it
 * @param doneAt when the workflow engine acknowledged it
 */
public record OperationEntry(long processInstanceKey, long scopeKey, String action,
    String subject, String oldValue, String newValue, String doneBy, Instant doneAt) {}
