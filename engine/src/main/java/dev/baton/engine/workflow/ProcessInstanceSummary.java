package dev.baton.engine.workflow;

import java.time.Instant;

/**
 * A process instance in a list.
 *
 * @param processInstanceKey its key
 * @param bpmnProcessId the process it runs
 * @param version the process version
 * @param processDefinitionKey the deployed version's key (for {@link WorkflowInspector#bpmnXml})
 * @param parentProcessInstanceKey the calling instance for one started by a call activity, else 0
 * @param state where it is
 * @param startedAt when it started
 * @param endedAt when it completed or was terminated; null while it runs
 */
public record ProcessInstanceSummary(long processInstanceKey, String bpmnProcessId, int version,
    long processDefinitionKey, long parentProcessInstanceKey, ProcessInstanceState state,
    Instant startedAt, Instant endedAt) {}
