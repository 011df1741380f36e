package dev.baton.engine.workflow;

import dev.baton.engine.workflow.internal.rest.JdkRestServer;
import java.net.URI;

/**
 * A small HTTP server for a {@link WorkflowRestApi}: what {@code baton serve} listens with on
 * port {@value #DEFAULT_PORT}, where a Camunda 8.8 client with its defaults looks for the REST
 * API ({@code http://0.0.0.0:8080} → {@code /v2/...}). It is the JDK's own HTTP server ({@code
 * jdk.httpserver}): no dependency, HTTP/1.1 with keep-alive, and every answer is written when
 * the engine has answered, so long polls hold no server thread.
 *
 * <p>Thread-safe. Close it to stop listening (the engine stays up).
 */
public interface WorkflowRestServer extends AutoCloseable {
  /** Camunda's REST port. */
  int DEFAULT_PORT = 8080;

  /**
   * Serves {@code api} under {@code /v2} on {@code host:port} (0 picks a free port).
   *
   * @throws WorkflowException when the port is taken
   */
  static WorkflowRestServer start(WorkflowRestApi api, String host, int port) {
    return JdkRestServer.start(api, host, port);
  }

  /** The port it listens on (the real one when 0 was asked for). */
  int port();

  /** The address to give a client as its REST address, e.g. {@code http://127.0.0.1:8080}. */
  URI restAddress();

  /** Stops listening; requests under way are answered for up to a second. */
  @Override
  void close();
}
