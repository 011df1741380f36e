package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.liquid.LiquidDemoData;
import dev.baton.engine.liquid.LiquidPacks;
import dev.baton.engine.liquid.LiquidRuntime;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.battlepack.DemoData;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.BatonRuleDecisions;
import dev.baton.engine.workflow.GatewayAuthentication;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowMode;
import io.camunda.client.CamundaClient;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import dev.baton.engine.store.Databases;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton serve}: the embedded workflow engine alone (Zeebe gRPC gateway on 26500 and the
 * Orchestration Cluster REST API on 8080, both on loopback, state in the database), for
 * developers and scripts. Blocks until stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the embedded workflow engine: a Zeebe gRPC gateway and Camunda 8.8's"
        + " REST API (/v2) for the official Camunda 8 clients, with its state in the database."
        + " Runs until stopped (Ctrl-C).")
final class ServeCommand extends BatonCommand {

  @Mixin
  DatabaseOptions db = new DatabaseOptions();

  @Option(names = "--port", defaultValue = "26500",
      description = "The gateway port (default: ${DEFAULT-VALUE}, Zeebe's; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  @Option(names = "--rest-port", defaultValue = "8080",
      description = "The Orchestration Cluster REST API port, served under /v2 (default:"
          + " ${DEFAULT-VALUE}, Camunda's, where a Camunda 8.8 client with its defaults looks;"
          + " 0 picks a free one).")
  int restPort;

  @Option(names = "--no-rest",
      description = "Serve the Zeebe gRPC gateway only, not the REST API.")
  boolean noRest;

  @Option(names = "--no-workflows",
      description = "Start the gateway only: no battle-pack workflow, no workers, no demo data.")
  boolean noWorkflows;

  @Option(names = "--no-demo", description = "Do not load the demo customers, deals and consents.")
  boolean noDemo;

  @Option(names = "--set", paramLabel = "<key=value>",
      description = "A workflow setting, e.g. --set camunda.client.grpc-address=https://..."
          + " (cluster mode: the embedded gateway stays off and the workers connect to the"
          + " cluster; see docs/workflow.md). Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Mixin
  GatewayCredentialOptions gatewayCredentials = new GatewayCredentialOptions();

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  protected int execute() {
    WorkflowMode mode = WorkflowMode.fromConfiguration(settings);
    try (var ds = Databases.pooled(db.url(), blankToNull(db.user), blankToNull(db.password));
        Baton baton = Baton.open(ds, true)) {
      EmbeddedWorkflowEngine engine = null;
      // the workers in this process present a token of their own, never the users' password
      String ownToken = GatewayAuthentication.randomToken();
      GatewayAuthentication authentication = gatewayAuthentication(ownToken);
      if (mode.embedded()) {
        try {
          engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(ds).withHost(host)
              .withPort(port).withAuthentication(authentication)
              .withRuleDecisions(BatonRuleDecisions.on(baton)));
        } catch (RuntimeException e) {
          throw e instanceof BatonException be ? be : new BatonException("Cannot start the"
              + " workflow engine on " + db.url() + ": " + e.getMessage(), e);
        }
      }
      EmbeddedWorkflowEngine running = engine;
      WorkflowRestServer restServer = null;
      if (engine != null && !noRest) {
        try {
          restServer = WorkflowRestServer.start(engine.restApi(), host, restPort);
        } catch (RuntimeException e) {
          engine.close();
          throw new BatonException(e.getMessage() + " (or start with --no-rest)", e);
        }
      }
      // this process's own client completes the review user tasks, which exist only over
      // REST: a loopback listener of its own (also with --no-rest), for its token alone
      WorkflowRestServer ownRest = engine == null ? null : WorkflowRestServer.start(
          engine.restApi().guardedByBearer(authentication.open() ? null : ownToken),
          "127.0.0.1", 0);
      boolean interrupted = false;
      try (AutoCloseable gateway = engine == null ? () -> { } : engine;
          AutoCloseable restApi = restServer == null ? () -> { } : restServer;
          AutoCloseable ownRestApi = ownRest == null ? () -> { } : ownRest;
          CamundaClient client = engine == null ? mode.newClient(() -> null)
              : authentication.open()
              ? WorkflowClients.embedded(running.grpcAddress(), ownRest.restAddress())
              : WorkflowClients.embedded(running.grpcAddress(), ownRest.restAddress(),
                  WorkflowClients.bearerToken(ownToken));
          AutoCloseable workflows = startWorkflows(baton, client)) {
        Thread hook = new Thread(stopped::countDown, "baton-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (engine != null) {
          out().println("Workflow engine listening on " + engine.grpcAddress()
              + " (Zeebe gRPC gateway; database " + db.url() + ")");
          if (restServer != null) {
            out().println("REST API (Orchestration Cluster API v2) on " + restServer.restAddress()
                + "/v2; a Camunda 8.8 client with its defaults" + (authentication.open() ? ""
                    : " and basic auth") + " connects"
                + (restServer.port() == WorkflowRestServer.DEFAULT_PORT ? " as it is."
                : " with restAddress(" + restServer.restAddress() + ")."));
          }
          out().println("Connect over gRPC with the Camunda 8 Java client: grpcAddress("
              + engine.grpcAddress() + "), preferRestOverGrpc(false)"
              + (authentication.open() ? "; no authentication (loopback only)."
                  : "; basic auth as '" + gatewayCredentials.user + "' with the gateway password"
                      + " (gRPC and REST)."));
        } else {
          out().println("Cluster mode: workers connected to "
              + settings.get(WorkflowClients.GRPC_ADDRESS) + "; the embedded gateway is off.");
        }
        if (!noWorkflows) {
          out().println("Battle-pack workflow deployed, workers running. Start a visit request:"
              + " baton visit start --demo");
        }
        out().println("Stop with Ctrl-C.");
        out().flush();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          // a stop request like Ctrl-C; the flag is restored once everything is closed, since
          // closing the database on an interrupted thread would abort its file writes
          interrupted = true;
        }
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping
        }
      } catch (BatonException e) {
        throw e;
      } catch (Exception e) {
        throw new BatonException("The workflow engine stopped: " + e.getMessage(), e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      return ExitCodes.OK;
    }
  }

  /**
   * Open on loopback without a password (like a local Camunda 8 Run); with a password, basic
   * auth for clients plus this process's own token. A PostgreSQL database is a production
   * set-up: it needs the password.
   */
  private GatewayAuthentication gatewayAuthentication(String ownToken) {
    if (!gatewayCredentials.present()) {
      if (!db.url().startsWith("jdbc:h2:")) {
        throw new BatonException("baton serve on " + db.url() + " needs gateway credentials,"
            + " so that nobody can drive the workflows behind Baton's back: set"
            + " BATON_GATEWAY_PASSWORD (and BATON_GATEWAY_USER, default 'baton'); clients then"
            + " use camunda.client.auth.username / camunda.client.auth.password.");
      }
      if (!GatewayAuthentication.isLoopback(host)) {
        throw new BatonException("baton serve --host " + host + " would accept every client"
            + " that reaches it: set BATON_GATEWAY_PASSWORD (and BATON_GATEWAY_USER, default"
            + " 'baton') to require basic authentication, or listen on 127.0.0.1.");
      }
      return GatewayAuthentication.none();
    }
    return GatewayAuthentication.anyOf(
        GatewayAuthentication.bearer(Map.of(ownToken, "baton-serve")),
        GatewayAuthentication.basic(
            Map.of(gatewayCredentials.user, gatewayCredentials.password)));
  }

  private AutoCloseable startWorkflows(Baton baton, CamundaClient client) {
    if (noWorkflows) {
      return () -> { };
    }
    if (!noDemo) {
      DemoData.load(baton.store());
    }
    BattlePackServices services = BattlePackServices.of(baton,
        PackLoader.on(baton.packs()).withDefaultPipeline(BundledTemplates.pipeline()));
    BattlePackRuntime battle = BattlePackRuntime.start(client, services,
        BattlePackRuntime.bundledBpmn());
    // the liquid organisation's battle-unit workflow, on the same client
    LiquidServices liquid = LiquidServices.open(baton, LiquidPacks.active(baton.packs()));
    if (!noDemo) {
      LiquidDemoData.load(liquid);
    }
    LiquidRuntime units = LiquidRuntime.start(client, liquid, baton, LiquidRuntime.bundledBpmn());
    return () -> {
      units.close();
      liquid.close();
      battle.close();
    };
  }


  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
