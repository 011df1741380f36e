package dev.baton.engine.workflow;

import dev.baton.engine.workflow.internal.EmbeddedEngineServer;
import java.net.URI;

/**
 * Baton's own Zeebe-protocol workflow engine: a gRPC gateway that the official Camunda 8 Java
 * client talks to, over a BPMN runtime whose state (deployments, process instances, variables,
 * jobs, timers, message subscriptions, buffered messages, incidents) lives in the database.
 *
 * <p>Every command is applied and committed to the database before it is acknowledged, so a
 * restart on the same database resumes every instance; a job that was activated but not
 * completed before a crash is activated again when its timeout passes. Which BPMN elements and
 * RPCs are supported is listed in {@code docs/workflow.md}; the rest is refused with a message
 * naming it.
 *
 * <p>Thread-safe. Close it to stop the gateway (open client calls end with {@code UNAVAILABLE}).
 */
public interface EmbeddedWorkflowEngine extends AutoCloseable {

  /**
   * Migrates the schema, loads the state and starts the gateway.
   *
   * @throws WorkflowException when the port is taken or the database cannot be used
   */
  static EmbeddedWorkflowEngine start(WorkflowEngineOptions options) {
    return EmbeddedEngineServer.start(options);
  }

  /** The port the gateway listens on (the real one when the options said 0). */
  int port();

  /** The gateway address for {@link WorkflowClients#embedded(URI)}, e.g. {@code http://127.0.0.1:26500}. */
  URI grpcAddress();

  /** The read-only operator view of this engine's state (see {@link WorkflowInspector}). */
  WorkflowInspector inspector();

  /**
   * The same engine's Orchestration Cluster REST API (v2), to serve under {@code /v2} of an
   * HTTP server: {@link WorkflowRestServer} or the host application's own. Unprotected, like a
   * local Camunda 8 Run: put it {@link WorkflowRestApi#guardedBy behind a check} when it is
   * reachable beyond loopback.
   */
  WorkflowRestApi restApi();

  /** Stops the gateway and the engine; the state stays in the database. */
  @Override
  void close();
}
