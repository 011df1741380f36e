package dev.baton.spring.boot;

import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.BatonRuleDecisions;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.GatewayAuthentication;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowMode;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Workflows through the official Camunda 8 Java client, on Baton's embedded engine or a Camunda
 * 8 cluster, decided by configuration ({@code baton.workflow.mode}, default {@code auto}: a
 * cluster when {@code camunda.client.mode}, {@code camunda.client.grpc-address} or {@code
 * camunda.client.rest-address} is set).
 *
 * <ul>
 *   <li>Embedded: the engine's Zeebe gRPC gateway on {@code baton.workflow.host}:{@code port}
 *       (loopback:26500) and its REST API under {@code /v2} on {@code rest-port} (a free port by
 *       default), state in Baton's database, business rule tasks that name Baton packs decided
 *       and recorded through the {@link Baton} bean; a {@link CamundaClient} bean connected to
 *       it.
 *   <li>Cluster: no engine; a {@link CamundaClient} bean built from the {@code camunda.client.*}
 *       settings, with Camunda's defaults for {@code camunda.client.mode}.
 * </ul>
 *
 * <p>Every bean backs off when the application defines its own of the same type, including a
 * {@link CamundaClient} from Camunda's own Spring Boot starter. Engine, REST server and client
 * are closed with the context, the client first.
 */
@AutoConfiguration(after = BatonAutoConfiguration.class,
    afterName = "io.camunda.client.spring.configuration.CamundaAutoConfiguration")
@ConditionalOnProperty(prefix = "baton.workflow", name = "enabled", havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(BatonProperties.class)
public class BatonWorkflowAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(BatonWorkflowAutoConfiguration.class);

  /**
   * Embedded or cluster, with the cluster's client settings (Camunda's defaults filled in). The
   * engine and client beans below follow the same configuration (their conditions read it before
   * any bean exists), so an application's own {@code WorkflowMode} bean replaces this one for the
   * application's code only; to change where workflows run, change the settings.
   */
  @Bean
  @ConditionalOnMissingBean
  public WorkflowMode batonWorkflowMode(BatonProperties properties, Environment environment) {
    Map<String, String> settings = CamundaClientSettings.read(environment);
    boolean cluster = switch (properties.workflow().mode()) {
      case CLUSTER -> true;
      case EMBEDDED -> false;
      case AUTO -> CamundaClientSettings.asksForCluster(settings);
    };
    if (cluster) {
      return WorkflowMode.fromConfiguration(CamundaClientSettings.forCluster(settings));
    }
    Map<String, String> embedded = new LinkedHashMap<>(settings);
    embedded.put(WorkflowMode.MODE, "embedded");
    return WorkflowMode.fromConfiguration(embedded);
  }

  /** The embedded engine, its REST API and a client connected to it. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnWorkflowKind.Embedded.class)
  static class Embedded {

    /** The engine, started on Baton's database; stopped with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedWorkflowEngine batonWorkflowEngine(Baton baton, BatonProperties properties) {
      BatonProperties.Workflow w = properties.workflow();
      checkPort("baton.workflow.port", w.port());
      GatewayAuthentication authentication = authentication(w);
      try {
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(baton.store().dataSource()).withHost(w.host())
                .withPort(w.port()).withAuthentication(authentication)
                .withRuleDecisions(BatonRuleDecisions.on(baton)));
        LOG.info("Baton's embedded workflow engine: Zeebe gRPC gateway on {}",
            engine.grpcAddress());
        return engine;
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot start Baton's embedded workflow engine on "
            + w.host() + ":" + w.port() + " (baton.workflow.host, baton.workflow.port): "
            + e.getMessage() + " Set baton.workflow.port to a free port (0 picks one), use a"
            + " cluster (baton.workflow.mode=cluster with camunda.client.*), or turn workflows"
            + " off (baton.workflow.enabled=false).", e);
      }
    }

    /** The engine's Orchestration Cluster REST API under {@code /v2}; stopped with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    WorkflowRestServer batonWorkflowRestServer(EmbeddedWorkflowEngine engine,
        BatonProperties properties) {
      BatonProperties.Workflow w = properties.workflow();
      checkPort("baton.workflow.rest-port", w.restPort());
      try {
        WorkflowRestServer rest = WorkflowRestServer.start(engine.restApi(), w.host(),
            w.restPort());
        LOG.info("Baton's embedded workflow engine: REST API on {}/v2", rest.restAddress());
        return rest;
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot serve the embedded workflow engine's REST API"
            + " on " + w.host() + ":" + w.restPort() + " (baton.workflow.rest-port): "
            + e.getMessage() + " Set baton.workflow.rest-port to a free port (0 picks one).", e);
      }
    }

    /**
     * The official client for the engine: gRPC to the gateway (job streaming for workers), the
     * REST API for what exists only there (user tasks), the credentials of {@code
     * baton.workflow.auth} when set.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CamundaClient camundaClient(EmbeddedWorkflowEngine engine, WorkflowRestServer rest,
        BatonProperties properties) {
      BatonProperties.Auth auth = properties.workflow().auth();
      if (!auth.required()) {
        return WorkflowClients.embedded(engine.grpcAddress(), rest.restAddress());
      }
      return WorkflowClients.embedded(engine.grpcAddress(), rest.restAddress(),
          CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
              .username(auth.username()).password(auth.password()).build());
    }

    private static GatewayAuthentication authentication(BatonProperties.Workflow w) {
      BatonProperties.Auth auth = w.auth();
      if (auth.required()) {
        if (auth.password() == null || auth.password().isEmpty()) {
          throw new InvalidConfigurationPropertyValueException("baton.workflow.auth.password",
              null, "baton.workflow.auth.username is set, so the embedded engine needs the"
                  + " password its clients send too.");
        }
        return GatewayAuthentication.basic(Map.of(auth.username(), auth.password()));
      }
      if (auth.password() != null && !auth.password().isEmpty()) {
        throw new InvalidConfigurationPropertyValueException("baton.workflow.auth.username",
            null, "baton.workflow.auth.password is set without a user name: set both, or"
                + " neither.");
      }
      if (!GatewayAuthentication.isLoopback(w.host())) {
        throw new InvalidConfigurationPropertyValueException("baton.workflow.host", w.host(),
            "Without authentication the embedded engine listens on loopback only, since"
                + " anyone who reaches it could complete jobs or publish messages: set"
                + " baton.workflow.auth.username and baton.workflow.auth.password, or use"
                + " 127.0.0.1.");
      }
      return GatewayAuthentication.none();
    }

    private static void checkPort(String property, int port) {
      if (port < 0 || port > 65535) {
        throw new InvalidConfigurationPropertyValueException(property, port,
            "A port is between 0 and 65535 (0 picks a free one).");
      }
    }
  }

  /** A client for the Camunda 8 cluster; no embedded engine. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnWorkflowKind.Cluster.class)
  static class Cluster {

    /** The official client from the {@code camunda.client.*} settings; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CamundaClient camundaClient(WorkflowMode mode) {
      LOG.info("Workflows run on a Camunda 8 cluster at {}; Baton's embedded engine is off.",
          mode.clientProperties().get(WorkflowClients.GRPC_ADDRESS));
      return mode.newClient(() -> {
        throw new IllegalStateException("cluster mode has no embedded engine");
      });
    }
  }

  /**
   * The mode as the configuration asks for it, read before the properties are bound. A value
   * that is not a mode matches neither kind; binding {@link BatonProperties} then fails naming
   * {@code baton.workflow.mode}.
   */
  abstract static class OnWorkflowKind extends SpringBootCondition {
    private final boolean cluster;

    OnWorkflowKind(boolean cluster) {
      this.cluster = cluster;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context,
        AnnotatedTypeMetadata metadata) {
      Environment env = context.getEnvironment();
      String mode = Binder.get(env).bind("baton.workflow.mode", String.class).orElse("auto")
          .strip().toLowerCase(Locale.ROOT);
      Boolean isCluster = switch (mode) {
        case "", "auto" -> CamundaClientSettings.asksForCluster(CamundaClientSettings.read(env));
        case "cluster" -> true;
        case "embedded" -> false;
        default -> null;
      };
      if (isCluster == null) {
        return ConditionOutcome.noMatch("baton.workflow.mode is '" + mode + "'");
      }
      return isCluster == cluster ? ConditionOutcome.match("workflow mode " + mode)
          : ConditionOutcome.noMatch("workflow mode " + mode);
    }

    /** The embedded engine runs. */
    static final class Embedded extends OnWorkflowKind {
      Embedded() {
        super(false);
      }
    }

    /** A cluster is used. */
    static final class Cluster extends OnWorkflowKind {
      Cluster() {
        super(true);
      }
    }
  }
}
