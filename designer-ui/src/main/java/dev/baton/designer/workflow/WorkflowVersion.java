package dev.baton.designer.workflow;

import java.time.Instant;

/**
 * A saved version of a workflow in the designer (not necessarily deployed).
 *
 * @param id its row id
 * @param processId the BPMN process id
 * @param version 1, 2, ... per process id
 * @param resourceName the file name it is deployed and exported under
 * @param xml the BPMN XML exactly as saved
 * @param note what changed, may be empty
 * @param savedBy who saved it
 * @param savedAt when
 */
public record WorkflowVersion(long id, String processId, int version, String resourceName,
    String xml, String note, String savedBy, Instant savedAt) {}
