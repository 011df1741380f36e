package dev.baton.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowMode;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter in a Spring context, as an application gets it: the auto-configurations in Spring
 * Boot's order next to Spring Boot's own data source configuration, the embedded engine on a free
 * port.
 */
class BatonAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          BatonDataSourceAutoConfiguration.class, BatonAutoConfiguration.class,
          BatonWorkflowAutoConfiguration.class))
      .withPropertyValues("baton.workflow.port=0");

  @Test
  void shouldOpenBatonOnAnH2FileUnderTheDataDirAndRecordWhenNothingIsConfigured(
      @TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir).run(context -> {
      // given: no DataSource, no baton.* property except where to keep the data
      assertThat(context).hasNotFailed().hasSingleBean(Baton.class)
          .hasSingleBean(DataSource.class).hasSingleBean(PackLoader.class)
          .hasSingleBean(EmbeddedWorkflowEngine.class).hasSingleBean(WorkflowRestServer.class)
          .hasSingleBean(CamundaClient.class);
      Baton baton = context.getBean(Baton.class);

      // when
      Decided decided = decideDemo(context.getBean(Baton.class),
          context.getBean(PackLoader.class), "VR-DEFAULTS-1");

      // then: the template pipeline decided, the decision is in the log, in the H2 file there
      assertThat(context.getBean(PackLoader.class).defaultPipeline()).extracting(RulePack::id)
          .containsExactlyElementsOf(BundledTemplates.IDS);
      assertThat(decided.record()).isNotNull();
      assertThat(baton.decisions().byRequestId("VR-DEFAULTS-1")).isPresent();
      assertThat(baton.decisions().verify().ok()).isTrue();
      assertThat(dir.resolve("baton.mv.db")).exists();
      assertThat(url(context.getBean(DataSource.class))).contains(dir.toAbsolutePath()
          .resolve("baton").toString());
      assertThat(countDecisions(context.getBean(DataSource.class), "VR-DEFAULTS-1"))
          .isEqualTo(1);
      assertThat(context.getBean(WorkflowMode.class).embedded()).isTrue();
    });
  }

  @Test
  void shouldKeepTheDecisionLogInTheApplicationsDataSourceWhenItDefinesOne(@TempDir Path dir) {
    Path dataDir = dir.resolve("unused-data-dir");
    runner.withUserConfiguration(ApplicationDatabase.class)
        .withPropertyValues("baton.data-dir=" + dataDir, "app.db=" + dir.resolve("app"))
        .run(context -> {
          // given: the application's own DataSource
          assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
          DataSource app = context.getBean(DataSource.class);
          assertThat(app).isSameAs(context.getBean("applicationDataSource"));

          // when
          decideDemo(context.getBean(Baton.class), context.getBean(PackLoader.class),
              "VR-APP-DB-1");

          // then: Baton's tables and the record are in the application's database
          assertThat(tables(app)).contains("BATON_DECISION", "BATON_DECISION_HEAD",
              "BATON_PACK_VERSION");
          assertThat(countDecisions(app, "VR-APP-DB-1")).isEqualTo(1);
          assertThat(url(app)).contains(dir.resolve("app").toString());
          assertThat(dataDir).doesNotExist();
        });
  }

  @Test
  void shouldLeaveTheDataSourceToSpringBootWhenSpringDatasourceUrlIsSet(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("boot") + ";DB_CLOSE_ON_EXIT=FALSE";
    runner.withPropertyValues("spring.datasource.url=" + url, "baton.data-dir=" + dir.resolve(
        "unused")).run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
          DataSource boot = context.getBean(DataSource.class);
          assertThat(boot).isInstanceOf(HikariDataSource.class);
          assertThat(((HikariDataSource) boot).getJdbcUrl()).isEqualTo(url);

          decideDemo(context.getBean(Baton.class), context.getBean(PackLoader.class),
              "VR-BOOT-DB-1");

          assertThat(countDecisions(boot, "VR-BOOT-DB-1")).isEqualTo(1);
          assertThat(dir.resolve("unused")).doesNotExist();
        });
  }

  @Test
  void shouldStartNextToSpringBootsLiquibaseWhenTheApplicationHasNoChangelogOfItsOwn(
      @TempDir Path dir) {
    runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
        .withInitializer(c -> new BatonLiquibaseDefaults().postProcessEnvironment(
            c.getEnvironment(), null))
        .withPropertyValues("baton.data-dir=" + dir).run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Baton.class)
              .doesNotHaveBean(SpringLiquibase.class);
          assertThat(tables(context.getBean(DataSource.class))).contains("BATON_DECISION");
        });
  }

  @Test
  void shouldLeaveSpringBootsLiquibaseOnWhenTheApplicationAsksForIt(@TempDir Path dir) {
    runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
        .withInitializer(c -> new BatonLiquibaseDefaults().postProcessEnvironment(
            c.getEnvironment(), null))
        .withPropertyValues("baton.data-dir=" + dir, "spring.liquibase.enabled=true")
        .run(context -> {
          // the application's own setting wins: Spring Boot looks for its changelog, and says so
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure()))
              .contains("db.changelog-master.yaml does not exist");
        });
  }

  @Test
  void shouldBackOffWhenTheApplicationDefinesItsOwnBeans(@TempDir Path dir) {
    runner.withUserConfiguration(OwnBeans.class)
        .withPropertyValues("baton.data-dir=" + dir.resolve("starter"), "app.db=" + dir
            .resolve("own"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Baton.class)).isSameAs(context.getBean("ownBaton"));
          assertThat(context.getBean(PackLoader.class)).isSameAs(context.getBean("ownLoader"));
          assertThat(context.getBean(CamundaClient.class)).isSameAs(context.getBean("ownClient"));
          assertThat(context.getBean(PackLoader.class).defaultPipeline())
              .extracting(RulePack::id).containsExactly("consent-check");
          // the engine still runs, on the application's Baton
          assertThat(context).hasSingleBean(EmbeddedWorkflowEngine.class);
        });
  }

  @Test
  void shouldRecordNothingWhenTheDecisionLogIsDisabled(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.decision-log.enabled=false")
        .run(context -> {
          Decided decided = decideDemo(context.getBean(Baton.class),
              context.getBean(PackLoader.class), "VR-NO-LOG-1");

          assertThat(decided.record()).isNull();
          assertThat(decided.decision().fired()).isNotEmpty();
          assertThat(countDecisions(context.getBean(DataSource.class), "VR-NO-LOG-1"))
              .isZero();
        });
  }

  @Test
  void shouldStoreTheDocumentsUncompressedWhenTheDecisionLogIsToldTo(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.decision-log.documents=store")
        .run(context -> {
          Baton baton = context.getBean(Baton.class);
          Decided decided = decideDemo(baton, context.getBean(PackLoader.class), "VR-STORE-1");

          DecisionRecord record = baton.decisions().get(decided.record().decisionId())
              .orElseThrow();
          int json = record.decisionJson().getBytes(StandardCharsets.UTF_8).length;
          // zlib's stored blocks: the JSON's bytes and a few of the frame's
          assertThat(storedDecisionLength(context.getBean(DataSource.class), "VR-STORE-1"))
              .isBetween(json, json + 64);
          assertThat(baton.decisions().verify().ok()).isTrue();
        });
  }

  @Test
  void shouldRunAWorkflowWhoseBusinessRuleTaskDecidesAndRecordsWhenPacksArePublishedAtStartUp(
      @TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.packs.publish-missing=true")
        .run(context -> {
          // given: the templates published at start-up, a process calling the pipeline
          Baton baton = context.getBean(Baton.class);
          assertThat(BundledTemplates.IDS).allSatisfy(id -> assertThat(baton.packs()
              .activeVersion(id)).isPresent());
          CamundaClient client = context.getBean(CamundaClient.class);
          client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(
              "visit-check").startEvent().businessRuleTask("decide", t -> t
                  .zeebeCalledDecisionId("baton:cmi-threshold,ai-trigger,consent-check")
                  .zeebeResultVariable("decision")).endEvent().done(), "visit-check.bpmn")
              .send().join();

          // when
          var result = client.newCreateInstanceCommand().bpmnProcessId("visit-check")
              .latestVersion().variables(workflowInput()).withResult()
              .requestTimeout(Duration.ofSeconds(30)).send().join();

          // then: the task's decision is the pipeline's, recorded under the instance
          @SuppressWarnings("unchecked")
          Map<String, Object> decision = (Map<String, Object>) result.getVariablesAsMap()
              .get("decision");
          assertThat((String) decision.get("requestId"))
              .startsWith("workflow:" + result.getProcessInstanceKey() + ":");
          DecisionRecord record = baton.decisions().get((String) decision.get("decisionId"))
              .orElseThrow();
          assertThat(record.packs()).extracting(p -> p.id())
              .containsExactlyElementsOf(BundledTemplates.IDS);
          assertThat(record.customerId()).isEqualTo("C-1001");
        });
  }

  @Test
  void shouldStopTheEngineAndTheDecisionLogWhenTheContextCloses(@TempDir Path dir) {
    int[] port = new int[1];
    Baton[] baton = new Baton[1];
    runner.withPropertyValues("baton.data-dir=" + dir).run(context -> {
      port[0] = context.getBean(EmbeddedWorkflowEngine.class).port();
      baton[0] = context.getBean(Baton.class);
      assertThat(accepts(port[0])).isTrue();
    });

    assertThat(accepts(port[0])).isFalse();
    assertThatThrownBy(() -> decideDemo(baton[0], PackLoader.fixed(BundledTemplates.pipeline()),
        "VR-AFTER-CLOSE")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void shouldNotStartWorkflowsWhenTheyAreDisabled(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.workflow.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Baton.class)
            .doesNotHaveBean(EmbeddedWorkflowEngine.class).doesNotHaveBean(CamundaClient.class)
            .doesNotHaveBean(WorkflowMode.class));
  }

  @Test
  void shouldConnectToTheClusterAndStartNoEngineWhenCamundaClientAddressesAreSet(
      @TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir,
        "camunda.client.grpc-address=http://10.1.2.3:26500",
        "camunda.client.rest-address=http://10.1.2.3:8088",
        "camunda.client.auth.username=demo", "camunda.client.auth.password=demo")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedWorkflowEngine.class)
              .doesNotHaveBean(WorkflowRestServer.class);
          assertThat(context.getBean(WorkflowMode.class).embedded()).isFalse();
          var config = context.getBean(CamundaClient.class).getConfiguration();
          assertThat(config.getGrpcAddress()).isEqualTo(URI.create("http://10.1.2.3:26500"));
          assertThat(config.getRestAddress()).isEqualTo(URI.create("http://10.1.2.3:8088"));
          assertThat(config.preferRestOverGrpc()).isTrue();
        });
  }

  @Test
  void shouldBuildSaasAddressesWhenCamundaClientModeIsSaas(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "camunda.client.mode=saas",
        "camunda.client.cloud.cluster-id=abc123", "camunda.client.cloud.region=jfk-1",
        "camunda.client.auth.client-id=id", "camunda.client.auth.client-secret=secret")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedWorkflowEngine.class);
          var config = context.getBean(CamundaClient.class).getConfiguration();
          assertThat(config.getGrpcAddress())
              .isEqualTo(URI.create("https://abc123.jfk-1.zeebe.camunda.io:443"));
          assertThat(config.getRestAddress())
              .isEqualTo(URI.create("https://jfk-1.zeebe.camunda.io:443/abc123"));
        });
  }

  @Test
  void shouldRunEmbeddedWhenTheModeSaysSoDespiteCamundaClientAddresses(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.workflow.mode=embedded",
        "camunda.client.grpc-address=http://10.1.2.3:26500").run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(EmbeddedWorkflowEngine.class);
          EmbeddedWorkflowEngine engine = context.getBean(EmbeddedWorkflowEngine.class);
          CamundaClient client = context.getBean(CamundaClient.class);
          assertThat(client.getConfiguration().getGrpcAddress()).isEqualTo(engine.grpcAddress());
          assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
        });
  }

  @Test
  void shouldFailNamingThePropertyWhenTheWorkflowModeIsUnknown(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.workflow.mode=sideways")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure())).contains("baton.workflow.mode")
              .contains("sideways");
        });
  }

  @Test
  void shouldFailNamingThePropertyWhenThePortIsOutOfRange(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.workflow.port=70000")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure())).contains("baton.workflow.port")
              .contains("between 0 and 65535");
        });
  }

  @Test
  void shouldFailNamingThePortWhenItIsTaken(@TempDir Path dir) throws IOException {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      runner.withPropertyValues("baton.data-dir=" + dir,
          "baton.workflow.port=" + taken.getLocalPort()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                .contains("127.0.0.1:" + taken.getLocalPort(), "baton.workflow.port");
          });
    }
  }

  @Test
  void shouldFailNamingThePropertyWhenTheEngineWouldListenBeyondLoopbackWithoutAuth(
      @TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "baton.workflow.host=0.0.0.0")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure())).contains("baton.workflow.host")
              .contains("baton.workflow.auth.username");
        });
  }

  @Test
  void shouldFailNamingThePropertyWhenSaasHasNoClusterId(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir, "camunda.client.mode=saas")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure()))
              .contains("camunda.client.cloud.cluster-id");
        });
  }

  @Test
  void shouldFailNamingTheEntryWhenThePipelineNamesAPackThatWasNotLoaded(@TempDir Path dir) {
    runner.withPropertyValues("baton.data-dir=" + dir,
        "baton.packs.pipeline=cmi-threshold,no-such-pack").run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure())).contains("baton.packs.pipeline[1]")
              .contains("no-such-pack").contains("consent-check");
        });
  }

  @Test
  void shouldFailNamingTheLocationAndTheProblemWhenAPackFileIsInvalid(@TempDir Path dir)
      throws IOException {
    Path bad = dir.resolve("packs/broken.yaml");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "id: broken\nversion: not-a-version\nrules: []\n");
    runner.withPropertyValues("baton.data-dir=" + dir,
        "baton.packs.locations=file:" + dir.resolve("packs") + "/*.yaml").run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context.getStartupFailure())).contains("baton.packs.locations[0]")
              .contains("broken.yaml");
        });
  }

  @Test
  void shouldReplaceATemplateWhenALocationHoldsAPackWithItsId(@TempDir Path dir)
      throws IOException {
    // given: the cmi-threshold template as version 9.9.9 in a file
    RulePack template = BundledTemplates.pack("cmi-threshold");
    String yaml = RulePacks.toYaml(template).replaceFirst("(?m)^version: .*$",
        "version: \"9.9.9\"");
    assertThat(yaml).contains("9.9.9");
    Path file = dir.resolve("packs/cmi-threshold.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    runner.withPropertyValues("baton.data-dir=" + dir.resolve("data"),
        "baton.packs.locations=file:" + file,
        "baton.packs.pipeline=cmi-threshold,consent-check").run(context -> {
          // then: the file's pack in the template's place, the pipeline as listed
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(PackLoader.class).defaultPipeline())
              .extracting(p -> p.id() + "@" + p.version())
              .containsExactly("cmi-threshold@9.9.9",
                  "consent-check@" + BundledTemplates.pack("consent-check").version());
        });
  }

  // ------------------------------------------------------------------------------ helpers

  /** The application's own database. */
  @Configuration(proxyBeanMethods = false)
  static class ApplicationDatabase {
    @Bean(destroyMethod = "close")
    HikariDataSource applicationDataSource(org.springframework.core.env.Environment env) {
      return Databases.pooled("jdbc:h2:file:" + env.getProperty("app.db")
          + ";DB_CLOSE_ON_EXIT=FALSE");
    }
  }

  /** An application that builds Baton, the loader and the client itself. */
  @Configuration(proxyBeanMethods = false)
  static class OwnBeans extends ApplicationDatabase {
    @Bean(destroyMethod = "close")
    Baton ownBaton(DataSource dataSource) {
      return Baton.open(dataSource, true);
    }

    @Bean
    PackLoader ownLoader() {
      return PackLoader.fixed(List.of(BundledTemplates.pack("consent-check")));
    }

    @Bean(destroyMethod = "close")
    CamundaClient ownClient() {
      return WorkflowClients.embedded(URI.create("http://127.0.0.1:1"));
    }
  }

  static FactsDocument demoFacts() {
    String name = "baton/rule-packs/demo/visit-request.json";
    try (InputStream in = BatonAutoConfigurationTest.class.getClassLoader()
        .getResourceAsStream(name)) {
      return RulePacks.parseFacts(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Decided decideDemo(Baton baton, PackLoader loader, String requestId) {
    FactsDocument doc = demoFacts();
    return baton.decide(Evaluation.of(loader.defaultPipeline(), doc.facts(), doc.now())
        .by(requestId, "starter-test"), DecideOptions.defaults()
            .withConsent(DecideOptions.ConsentSource.FACTS));
  }

  private static Map<String, Object> workflowInput() {
    Map<String, List<Map<String, Object>>> byType = new java.util.LinkedHashMap<>();
    demoFacts().facts().forEach(f -> byType.computeIfAbsent(f.type(), t -> new ArrayList<>())
        .add(f.values()));
    return Map.of("now", demoFacts().now().toString(), "facts", byType);
  }

  private static int countDecisions(DataSource ds, String requestId) throws SQLException {
    return decisionQuery(ds, "count(*)", requestId);
  }

  /** The stored decision document's length in bytes. */
  private static int storedDecisionLength(DataSource ds, String requestId) throws SQLException {
    return decisionQuery(ds, "octet_length(decision)", requestId);
  }

  private static int decisionQuery(DataSource ds, String what, String requestId)
      throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(
            "select " + what + " from baton_decision where request_id = ?")) {
      s.setString(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static List<String> tables(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet r = c.getMetaData().getTables(null, null, "BATON%", null)) {
      while (r.next()) {
        out.add(r.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  private static String url(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getURL();
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Every message of a failure and its causes, as the start-up log shows them. */
  static String messages(Throwable failure) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }
}
