package dev.baton.engine.workflow;

import java.time.Instant;

/**
 * A deployed process version.
 *
 * @param bpmnProcessId the process id in the BPMN
 * @param version the version, from 1
 * @param processDefinitionKey the key the client uses to start this version
 * @param resourceName the name of the deployed resource (e.g. {@code order.bpmn})
 * @param deployedAt when it was deployed; null for deployments stored before the engine recorded
 *     it
 */
public record DeployedProcess(String bpmnProcessId, int version, long processDefinitionKey,
    String resourceName, Instant deployedAt) {}
