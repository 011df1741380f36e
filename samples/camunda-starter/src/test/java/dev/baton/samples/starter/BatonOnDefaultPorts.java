package dev.baton.samples.starter;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowException;
import dev.baton.engine.workflow.WorkflowRestApi;
import dev.baton.engine.workflow.WorkflowRestServer;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@code baton serve} starts, in the test's JVM: the embedded engine with its gRPC gateway
 * on 26500 and the REST API on 8080 (both on loopback), i.e. Camunda's default ports, so that an
 * application with the starter's default settings finds it. Every REST request is noted, so a
 * test can tell which API the application used.
 *
 * <p>Other builds on the same machine may hold one of these ports for a while (a designer, a
 * {@code baton serve}); starting retries for up to {@link #PORT_WAIT} and then fails naming the
 * port.
 */
final class BatonOnDefaultPorts implements AutoCloseable {
  static final Duration PORT_WAIT = Duration.ofMinutes(3);

  private final HikariDataSource dataSource;
  final EmbeddedWorkflowEngine engine;
  private final WorkflowRestServer rest;
  /** {@code METHOD /path} of every REST request, in order. */
  final List<String> restRequests = new CopyOnWriteArrayList<>();

  BatonOnDefaultPorts(Path dataDir) {
    dataSource = Databases.pooled(Databases.h2Url(dataDir));
    EmbeddedWorkflowEngine e = null;
    WorkflowRestServer r = null;
    try {
      e = retryWhilePortTaken(WorkflowEngineOptions.DEFAULT_PORT, () -> EmbeddedWorkflowEngine
          .start(WorkflowEngineOptions.defaults(dataSource)));
      WorkflowRestApi api = e.restApi().guardedBy(request -> {
        restRequests.add(request.method() + " " + request.path());
        return Optional.empty();
      });
      r = retryWhilePortTaken(WorkflowRestServer.DEFAULT_PORT,
          () -> WorkflowRestServer.start(api, "127.0.0.1", WorkflowRestServer.DEFAULT_PORT));
    } catch (RuntimeException | Error failure) {
      if (e != null) {
        e.close();
      }
      dataSource.close();
      throw failure;
    }
    engine = e;
    rest = r;
  }

  private static <T> T retryWhilePortTaken(int port, java.util.function.Supplier<T> start) {
    Instant giveUp = Instant.now().plus(PORT_WAIT);
    while (true) {
      try {
        return start.get();
      } catch (WorkflowException taken) {
        if (Instant.now().isAfter(giveUp)) {
          throw new AssertionError("Port " + port + " stayed in use for " + PORT_WAIT
              .toMinutes() + " minutes. This sample runs with the Camunda starter's default"
              + " settings, which need Baton on Camunda's default ports (26500 and 8080):"
              + " stop whatever listens there (a designer, baton serve, a Camunda 8 Run) and"
              + " run the test again.", taken);
        }
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError("Interrupted while waiting for port " + port, interrupted);
        }
      }
    }
  }

  @Override
  public void close() {
    rest.close();
    engine.close();
    dataSource.close();
  }
}
