package dev.baton.designer.config;

import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.security.CachingBasicAuthenticationProvider;
import dev.baton.designer.security.VerifiedCredentials;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.ReviewPolicy;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.BatonRuleDecisions;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowMode;
import dev.baton.engine.workflow.WorkflowRestApi;
import dev.baton.engine.workflow.WorkflowRestServer;
import dev.baton.designer.workflow.WorkflowRestServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The workflow engine inside the designer. On the embedded defaults Baton's own Zeebe-protocol
 * engine serves the gRPC gateway on loopback ({@code baton.workflow.port}, default 26500) with its
 * state in the application's database; with {@code camunda.client.grpc-address} (or {@code
 * baton.workflow.mode=cluster}) the same client, BPMN and workers go to a Camunda 8 cluster and
 * the embedded gateway stays off. Either way the battle-pack workflow is deployed and its
 * workers run in this process.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowConfiguration.class);

  /** Embedded or cluster, from the configuration alone. */
  @Bean
  public WorkflowMode workflowMode(Environment env) {
    Map<String, String> config = new LinkedHashMap<>();
    Binder.get(env).bind("camunda.client", Bindable.mapOf(String.class, String.class))
        .ifBound(m -> m.forEach((k, v) -> config.put("camunda.client." + k, v)));
    String mode = env.getProperty(WorkflowMode.MODE);
    if (mode != null && !mode.isBlank()) {
      config.put(WorkflowMode.MODE, mode);
    }
    return WorkflowMode.fromConfiguration(config);
  }

  /**
   * The embedded engine when it runs (none in cluster mode), and the loopback REST listener this
   * process's own client uses for the review user tasks (user-task commands exist only over
   * REST; the client is built before the web server knows its port).
   */
  public record EmbeddedGateway(Optional<EmbeddedWorkflowEngine> engine,
      Optional<WorkflowRestServer> ownRest) implements AutoCloseable {
    public EmbeddedGateway(Optional<EmbeddedWorkflowEngine> engine) {
      this(engine, Optional.empty());
    }

    @Override
    public void close() {
      ownRest.ifPresent(WorkflowRestServer::close);
      engine.ifPresent(EmbeddedWorkflowEngine::close);
    }
  }

  /** Who may call the embedded engine (see {@link GatewayAccess}). */
  @Bean
  public GatewayAccess gatewayAccess(@Value("${baton.db.url:}") String dbUrl,
      @Value("${baton.workflow.host:127.0.0.1}") String host, UserDetailsService users,
      PasswordEncoder encoder, VerifiedCredentials verified) {
    // the same verified-credentials cache as the REST API: no BCrypt per gateway call
    return GatewayAccess.of(BatonConfiguration.isEmbeddedDefault(dbUrl), host,
        new CachingBasicAuthenticationProvider(users, encoder, verified));
  }

  /** The embedded engine, absent in cluster mode. */
  @Bean(destroyMethod = "close")
  public EmbeddedGateway embeddedGateway(WorkflowMode mode,
      DataSource dataSource, @Value("${baton.workflow.host:127.0.0.1}") String host,
      @Value("${baton.workflow.port:26500}") int port, GatewayAccess access, Baton baton) {
    if (!mode.embedded()) {
      LOG.info("Workflows run on a Camunda 8 cluster; the embedded gateway is off.");
      return new EmbeddedGateway(Optional.empty());
    }
    EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
        WorkflowEngineOptions.defaults(dataSource).withHost(host).withPort(port)
            .withAuthentication(access.authentication())
            .withRuleDecisions(BatonRuleDecisions.on(baton)));
    LOG.info("Embedded workflow engine: Zeebe gRPC gateway on {}", engine.grpcAddress());
    WorkflowRestApi own = engine.restApi().guardedByBearer(access.ownToken());
    WorkflowRestServer ownRest = WorkflowRestServer.start(own, "127.0.0.1", 0);
    return new EmbeddedGateway(Optional.of(engine), Optional.of(ownRest));
  }

  /**
   * The embedded engine's Orchestration Cluster REST API under {@code /v2}, where a Camunda 8.8
   * client with its defaults looks. Unprotected on the embedded defaults, like a local Camunda
   * 8 Run; a {@link WorkflowRestApi.Authenticator} bean, when there is one, decides who may call.
   */
  @Bean
  public ServletRegistrationBean<WorkflowRestServlet> workflowRestApi(EmbeddedGateway gateway,
      ObjectProvider<WorkflowRestApi.Authenticator> authenticator) {
    WorkflowRestApi api = gateway.engine().map(e -> e.restApi().guardedBy(
        authenticator.getIfAvailable(() -> WorkflowRestApi.Authenticator.PERMIT_ALL)))
        .orElse(null);
    ServletRegistrationBean<WorkflowRestServlet> r =
        new ServletRegistrationBean<>(new WorkflowRestServlet(api), "/v2/*");
    r.setName("workflowRestApi");
    r.setAsyncSupported(true);
    r.setLoadOnStartup(1);
    return r;
  }

  /** The official Camunda 8 client, for the embedded engine or the cluster. */
  @Bean(destroyMethod = "close")
  public CamundaClient camundaClient(WorkflowMode mode,
      EmbeddedGateway gateway, GatewayAccess access) {
    if (!mode.embedded()) {
      return mode.newClient(() -> null);
    }
    URI grpc = gateway.engine().orElseThrow().grpcAddress();
    URI rest = gateway.ownRest().orElseThrow().restAddress();
    return access.ownToken() == null ? WorkflowClients.embedded(grpc, rest)
        : WorkflowClients.embedded(grpc, rest, WorkflowClients.bearerToken(access.ownToken()));
  }

  /**
   * The battle-pack workflow: demo history loaded when demo data is on, BPMN deployed, workers
   * open. The rule pipeline is each template's active published version (sales ops' edits), or
   * the template.
   */
  @Bean(destroyMethod = "close")
  public BattlePackRuntime battlePackRuntime(CamundaClient client, Baton baton,
      TemplateCatalogue catalogue, @Value("${baton.db.url:}") String dbUrl,
      @Value("${baton.demo.enabled:}") String demo,
      @Value("${baton.workflow.review-timeout:PT4H}") Duration reviewTimeout,
      @Value("${baton.review.four-eyes:true}") boolean fourEyes) {
    boolean demoOn = BatonConfiguration.demoMode(dbUrl, demo);
    if (demoOn) {
      dev.baton.engine.battlepack.DemoData.load(baton.store());
    }
    BattlePackServices services = BattlePackServices.of(baton,
        PackLoader.on(baton.packs()).withDefaultPipeline(catalogue.pipeline()))
        .withReviewTimeout(reviewTimeout)
        .withReviewPolicy(ReviewPolicy.DEFAULT.withFourEyes(fourEyes));
    return BattlePackRuntime.start(client, services, BattlePackRuntime.bundledBpmn());
  }
}
