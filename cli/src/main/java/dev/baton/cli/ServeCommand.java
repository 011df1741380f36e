package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.store.Databases;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton serve}: the embedded workflow engine alone (Zeebe gateway on loopback, state in
 * the database), for developers and scripts. Blocks until stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the embedded workflow engine: a Zeebe gRPC gateway for the official"
        + " Camunda 8 Java client, with its state in the database. Runs until stopped (Ctrl-C).")
final class ServeCommand extends BatonCommand {

  @Mixin
  DatabaseOptions db = new DatabaseOptions();

  @Option(names = "--port", defaultValue = "26500",
      description = "The gateway port (default: ${DEFAULT-VALUE}, Zeebe's; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  protected int execute() {
    try (var ds = Databases.pooled(db.url(), blankToNull(db.user), blankToNull(db.password))) {
      EmbeddedWorkflowEngine engine;
      try {
        engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(ds).withHost(host)
            .withPort(port));
      } catch (RuntimeException e) {
        throw e instanceof BatonException be ? be : new BatonException("Cannot start the"
            + " workflow engine on " + db.url() + ": " + e.getMessage(), e);
      }
      try (engine) {
        Thread hook = new Thread(stopped::countDown, "baton-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Workflow engine listening on " + engine.grpcAddress()
            + " (Zeebe gRPC gateway; database " + db.url() + ")");
        out().println("Connect with the Camunda 8 Java client: grpcAddress("
            + engine.grpcAddress() + "), preferRestOverGrpc(false). Stop with Ctrl-C.");
        out().flush();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping
        }
      }
      return ExitCodes.OK;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
