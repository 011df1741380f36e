package dev.baton.engine.workflow;

import java.time.Instant;

/**
 * An incident: a job without retries, an uncaught BPMN error or a failed expression.
 *
 * @param incidentKey the key to pass to the client's {@code newResolveIncidentCommand}
 * @param processInstanceKey the blocked process instance
 * @param elementInstanceKey the blocked element instance
 * @param elementId the blocked BPMN element
 * @param errorType Zeebe's error type, e.g. {@code JOB_NO_RETRIES}, {@code EXTRACT_VALUE_ERROR},
 *     {@code UNHANDLED_ERROR_EVENT}, {@code CONDITION_ERROR}
 * @param errorMessage what went wrong
 * @param jobKey the failed job (to give it retries with {@code newUpdateRetriesCommand} before
 *     resolving), or 0 when no job is involved
 * @param createdAt when it was raised
 * @param resolved whether it was resolved (or its element instance ended)
 * @param resolvedAt when; null while open
 */
public record IncidentView(long incidentKey, long processInstanceKey, long elementInstanceKey,
    String elementId, String errorType, String errorMessage, long jobKey, Instant createdAt,
    boolean resolved, Instant resolvedAt) {}
