/**
 * Workflows: BPMN with Zeebe extensions, driven through the official Camunda 8 Java client.
 *
 * <p>By default {@link dev.baton.engine.workflow.EmbeddedWorkflowEngine#start} serves the Zeebe
 * gateway gRPC protocol on loopback, backed by Baton's own BPMN runtime whose state lives in the
 * database (Liquibase; H2 or PostgreSQL). {@link dev.baton.engine.workflow.WorkflowClients}
 * builds the official client for it, or for a Camunda 8 cluster when {@link
 * dev.baton.engine.workflow.WorkflowMode} says so: the same BPMN files and job workers run on
 * both. The implementation sits in {@code workflow.internal}.
 */
package dev.baton.engine.workflow;
