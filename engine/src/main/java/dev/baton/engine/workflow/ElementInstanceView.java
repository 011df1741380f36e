package dev.baton.engine.workflow;

import java.time.Instant;

/**
 * One element instance on a process instance's path.
 *
 * @param elementInstanceKey its key
 * @param parentKey the enclosing scope's element instance (the process instance, a subprocess, a
 *     multi-instance body); 0 for the process instance itself
 * @param elementId the BPMN element id (to mark it on the diagram)
 * @param elementType Zeebe's element type name, e.g. {@code PROCESS}, {@code START_EVENT},
 *     {@code SERVICE_TASK}, {@code EXCLUSIVE_GATEWAY}, {@code MULTI_INSTANCE_BODY}
 * @param state active, completed or terminated
 * @param startedAt when it was entered
 * @param endedAt when it was left; null while active
 */
public record ElementInstanceView(long elementInstanceKey, long parentKey, String elementId,
    String elementType, ElementInstanceState state, Instant startedAt, Instant endedAt) {}
