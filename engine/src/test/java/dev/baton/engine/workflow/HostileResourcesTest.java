package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed BPMN through the official client: each is refused with a message naming
 * the resource and the problem, nothing is deployed, and the engine still deploys and runs a
 * normal process afterwards. Models that deploy but never wait (cycles of call activities, a
 * sequence-flow loop) must not take the engine down either.
 */
class HostileResourcesTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static EngineFixture f;
  private int definitionsBefore;

  @BeforeAll
  static void start() {
    // the status codes are gRPC's; the REST size limit is checked below with its own client
    Assumptions.assumeFalse("rest".equals(System.getProperty(EngineFixture.API)),
        "gRPC status codes");
    f = new EngineFixture("h2");
  }

  @AfterAll
  static void stop() {
    if (f != null) {
      f.close();
    }
  }

  @BeforeEach
  void countDefinitions() {
    definitionsBefore = count("wf_definition");
  }

  /** After every hostile input: a normal process still deploys, runs and completes. */
  @AfterEach
  void engineStillWorks() {
    String id = "alive-" + System.nanoTime();
    f.deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(id)).endEvent().done());
    long pi = f.create(id, Map.of("n", 1));
    var job = f.activate(id);
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(job).send().join();
    f.awaitInactive(pi);
  }

  private static int count(String table) {
    try (var c = f.dataSource.getConnection();
        var ps = c.prepareStatement("select count(*) from " + table);
        var rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(Throwable t) {
    Throwable c = t;
    while (c != null && !(c instanceof ClientStatusException)) {
      c = c.getCause();
    }
    return c == null ? String.valueOf(t) : ((ClientStatusException) c).getStatusCode().name();
  }

  /** Deploys bytes and expects INVALID_ARGUMENT naming the resource and each fragment. */
  private void refused(String xml, String name, String... fragments) {
    refused(xml.getBytes(StandardCharsets.UTF_8), name, fragments);
  }

  private void refused(byte[] content, String name, String... fragments) {
    var thrown = assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addResourceBytes(content, name).requestTimeout(BOUND).send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("INVALID_ARGUMENT"))
        .hasMessageContaining("'" + name + "'");
    for (String fragment : fragments) {
      thrown.hasMessageContaining(fragment);
    }
    assertThat(count("wf_definition")).as("definitions after refusing " + name)
        .isEqualTo(definitionsBefore);
  }

  private static String process(String id, String prolog, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"defs\""
        + " targetNamespace=\"http://bpmn.io/schema/bpmn\">\n"
        + "<bpmn:process id=\"" + id + "\" isExecutable=\"true\">\n" + body
        + "<bpmn:startEvent id=\"start\"/>\n"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\"/>\n"
        + "<bpmn:endEvent id=\"end\"/>\n"
        + "</bpmn:process>\n</bpmn:definitions>\n";
  }

  private static void assertNotDeployed(String processId) {
    assertThatThrownBy(() -> f.create(processId, Map.of()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NOT_FOUND"));
  }

  @Test
  void shouldRefuseExternalEntityReadingALocalFile() throws Exception {
    // given: an entity that would pull a local file into the process name
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("baton-secret", ".txt");
    java.nio.file.Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = process("xxe-file", "<!DOCTYPE bpmn:definitions [<!ENTITY secret SYSTEM \""
        + secret.toUri() + "\">]>\n", "<bpmn:documentation>&secret;</bpmn:documentation>\n");

    // when / then: refused, and the file's content is in no answer
    assertThatThrownBy(() -> f.client.newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "xxe-file.bpmn").send().join())
        .hasMessageNotContaining("TOP-SECRET-CONTENT");
    refused(xml, "xxe-file.bpmn", "DOCTYPE");
    assertNotDeployed("xxe-file");
    java.nio.file.Files.delete(secret);
  }

  @Test
  void shouldRefuseExternalEntityFetchingAUrlWithoutFetchingIt() throws Exception {
    // given: a local web server that counts requests
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      byte[] body = "fetched".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
      String entity = process("xxe-url", "<!DOCTYPE bpmn:definitions [<!ENTITY remote SYSTEM \""
          + url + "\">]>\n", "<bpmn:documentation>&remote;</bpmn:documentation>\n");
      String parameter = process("xxe-dtd", "<!DOCTYPE bpmn:definitions [<!ENTITY % dtd SYSTEM \""
          + url + "\"> %dtd;]>\n", "");
      String external = process("xxe-ext", "<!DOCTYPE bpmn:definitions SYSTEM \"" + url
          + "\">\n", "");

      // when / then
      refused(entity, "xxe-url.bpmn", "DOCTYPE");
      refused(parameter, "xxe-dtd.bpmn", "DOCTYPE");
      refused(external, "xxe-ext.bpmn", "DOCTYPE");
      assertThat(hits).hasValue(0);
      assertNotDeployed("xxe-url");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldRefuseBillionLaughs() {
    // given: ten levels of ten-fold entities (10^9 "lol"s when expanded)
    StringBuilder dtd = new StringBuilder("<!DOCTYPE bpmn:definitions [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>\n");

    // when / then
    refused(process("laughs", dtd.toString(), "<bpmn:documentation>&lol9;</bpmn:documentation>\n"),
        "laughs.bpmn", "DOCTYPE");
    assertNotDeployed("laughs");
  }

  @Test
  void shouldRefuseAPlainDoctype() {
    refused(process("doctype", "<!DOCTYPE bpmn:definitions>\n", ""), "doctype.bpmn",
        "DOCTYPE");
    assertNotDeployed("doctype");
  }

  @Test
  void shouldRefuseEmptyAndBinaryResources() {
    // given
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);

    // when / then
    refused(new byte[0], "empty.bpmn", "not a valid BPMN file");
    refused("   \n  ", "blank.bpmn", "not a valid BPMN file");
    refused(garbage, "garbage.bpmn", "not a valid BPMN file");
    refused(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0, 0, 0}, "bom.bpmn",
        "not a valid BPMN file");
  }

  @Test
  void shouldRefuseADefinitionsElementInAnUnknownNamespace() {
    // given: BPMN's element names in a namespace that is not BPMN's
    String xml = process("wrong-ns", "", "").replace("http://www.omg.org/spec/BPMN/20100524/MODEL",
        "urn:not-bpmn");

    // when / then
    refused(xml, "wrong-ns.bpmn", "not a valid BPMN file");
    assertNotDeployed("wrong-ns");
  }

  @Test
  void shouldIgnoreExtensionElementsOfUnknownNamespacesAsZeebeDoes() {
    // given: a foreign extension element on a service task (modelers add such elements)
    String xml = process("foreign-ext", "", "").replace("<bpmn:startEvent id=\"start\"/>",
        "<bpmn:startEvent id=\"start\"><bpmn:extensionElements>"
            + "<x:tool xmlns:x=\"urn:some-tool\" x:colour=\"red\"><x:deep/></x:tool>"
            + "</bpmn:extensionElements></bpmn:startEvent>");

    // when
    var deployment = f.client.newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "foreign-ext.bpmn").send().join();

    // then
    assertThat(deployment.getProcesses()).hasSize(1);
    long pi = f.create("foreign-ext", Map.of());
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseInvalidFeelNamingTheExpression() {
    // given: a condition that is no FEEL expression
    var model = Bpmn.createExecutableProcess("bad-feel").startEvent().exclusiveGateway("gw")
        .conditionExpression("= amount >").endEvent("a").moveToNode("gw")
        .conditionExpression("true").endEvent("b").done();

    // when / then
    refused(Bpmn.convertToString(model), "bad-feel.bpmn", "amount >", "not a valid FEEL expression");
    assertNotDeployed("bad-feel");
  }

  @Test
  void shouldRefuseARequestLargerThanFourMebibytes() {
    // given: a well-formed BPMN file over the limit
    String padding = "<bpmn:documentation>" + "x".repeat(5 * 1024 * 1024)
        + "</bpmn:documentation>\n";
    byte[] xml = process("huge", "", padding).getBytes(StandardCharsets.UTF_8);

    // when / then over gRPC
    assertThatThrownBy(() -> f.client.newDeployResourceCommand().addResourceBytes(xml,
        "huge.bpmn").send().join())
        .satisfies(t -> assertThat(code(t)).isEqualTo("RESOURCE_EXHAUSTED"));

    // and over REST
    WorkflowRestServer rest = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    try (CamundaClient restClient = CamundaClient.newClientBuilder()
        .restAddress(rest.restAddress()).preferRestOverGrpc(true).build()) {
      assertThatThrownBy(() -> restClient.newDeployResourceCommand().addResourceBytes(xml,
          "huge.bpmn").send().join())
          .hasMessageContaining("4 MiB");
    } finally {
      rest.close();
    }
    assertThat(count("wf_definition")).isEqualTo(definitionsBefore);
    assertNotDeployed("huge");
  }

  @Test
  void shouldDeployAndRunALargeButAllowedProcess() {
    // given: 2,000 tasks in a row before one service task (written directly: the model
    // builder is too slow for this many)
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      body.append("<bpmn:task id=\"t").append(i).append("\"/>\n")
          .append("<bpmn:sequenceFlow id=\"to").append(i + 1).append("\" sourceRef=\"t")
          .append(i).append("\" targetRef=\"").append(i == 1999 ? "last" : "t" + (i + 1))
          .append("\"/>\n");
    }
    body.append("<bpmn:serviceTask id=\"last\"><bpmn:extensionElements>")
        .append("<zeebe:taskDefinition type=\"large-last\"/></bpmn:extensionElements>")
        .append("</bpmn:serviceTask>\n")
        .append("<bpmn:sequenceFlow id=\"out\" sourceRef=\"last\" targetRef=\"end\"/>\n");
    byte[] xml = process("large", "", body.toString())
        .replace("targetRef=\"end\"/>\n<bpmn:endEvent", "targetRef=\"t0\"/>\n<bpmn:endEvent")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(xml.length).isLessThan(4 * 1024 * 1024);

    // when: deployed within the bound
    var deployment = f.client.newDeployResourceCommand().addResourceBytes(xml, "large.bpmn")
        .requestTimeout(BOUND).send().join();

    // then: it runs through all of them to the job
    assertThat(deployment.getProcesses()).hasSize(1);
    long pi = f.create("large", Map.of());
    var job = f.activate("large-last");
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    f.client.newCompleteCommand(job).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldRefuseDeeplyNestedXml() {
    // given: 100,000 nested elements inside the process's documentation
    String deep = "<bpmn:extensionElements>" + "<x:n xmlns:x=\"urn:n\">".repeat(1)
        + "<x:n>".repeat(99_999) + "</x:n>".repeat(100_000) + "</bpmn:extensionElements>\n";

    // when / then: refused or deployed, but answered, and the engine lives (checked after)
    try {
      var deployment = f.client.newDeployResourceCommand()
          .addResourceBytes(process("deep", "", deep).getBytes(StandardCharsets.UTF_8),
              "deep.bpmn").requestTimeout(BOUND).send().join();
      assertThat(deployment.getProcesses()).hasSize(1);
    } catch (RuntimeException e) {
      assertThat(code(e)).isEqualTo("INVALID_ARGUMENT");
      assertThat(e).hasMessageContaining("'deep.bpmn'");
      assertThat(count("wf_definition")).isEqualTo(definitionsBefore);
    }
  }

  @Test
  void shouldDeployDeeplyNestedSubProcesses() {
    // given: 100 embedded sub-processes, one inside the other, a job at the bottom
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      open.append("<bpmn:subProcess id=\"s").append(i).append("\">")
          .append("<bpmn:startEvent id=\"s").append(i).append("-start\"/>")
          .append("<bpmn:sequenceFlow id=\"s").append(i).append("-f1\" sourceRef=\"s")
          .append(i).append("-start\" targetRef=\"s").append(i + 1).append("\"/>");
      close.insert(0, "<bpmn:sequenceFlow id=\"s" + i + "-f2\" sourceRef=\"s" + (i + 1)
          + "\" targetRef=\"s" + i + "-end\"/><bpmn:endEvent id=\"s" + i + "-end\"/>"
          + "</bpmn:subProcess>");
    }
    String innermost = "<bpmn:serviceTask id=\"s100\"><bpmn:extensionElements>"
        + "<zeebe:taskDefinition type=\"nested-work\"/></bpmn:extensionElements>"
        + "</bpmn:serviceTask>";
    String xml = process("nested", "", open + innermost + close
        + "<bpmn:sequenceFlow id=\"in\" sourceRef=\"start\" targetRef=\"s0\"/>"
        + "<bpmn:sequenceFlow id=\"out\" sourceRef=\"s0\" targetRef=\"end\"/>")
        .replace("<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\"/>\n", "");

    // when
    f.client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8),
        "nested.bpmn").requestTimeout(BOUND).send().join();

    // then
    long pi = f.create("nested", Map.of());
    var job = f.activate("nested-work");
    f.client.newCompleteCommand(job).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldStopACycleOfCallActivitiesWithAnIncidentAsZeebeDoes() {
    // given: A calls B, B calls A; Zeebe deploys this
    int incidentsBefore = f.incidents().size();
    f.client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("ping").startEvent()
            .callActivity("call-pong", c -> c.zeebeProcessId("pong")).endEvent().done(),
            "ping.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("pong").startEvent()
            .callActivity("call-ping", c -> c.zeebeProcessId("ping")).endEvent().done(),
            "pong.bpmn")
        .send().join();

    // when
    long pi = f.create("ping", Map.of());

    // then: the chain stops at a bounded depth with an incident on the deepest call activity
    org.awaitility.Awaitility.await().atMost(BOUND)
        .until(() -> f.incidents().size() > incidentsBefore);
    String incident = f.incidents().get(f.incidents().size() - 1);
    assertThat(incident).contains("CALLED_ELEMENT_ERROR").contains("depth");
    assertThat(f.active(pi)).isTrue();

    // and cancelling the root instance ends the whole chain
    f.client.newCancelInstanceCommand(pi).send().join();
    f.awaitInactive(pi);
    assertThat(count("wf_element_instance")).isZero();
  }

  @Test
  void shouldKeepServingOtherInstancesWhileAFlowLoopWithoutWaitStateRuns() {
    // given: a -> b -> a with no wait state (Zeebe would loop for ever)
    f.deploy(Bpmn.createExecutableProcess("spin").startEvent().task("a").task("b")
        .connectTo("a").done());

    int incidentsBefore = f.incidents().size();

    // when
    long spinning = f.create("spin", Map.of());

    // then: the loop stops at the engine's documented bound with an incident, other work is
    // served (checked after this test) and the instance can be cancelled
    assertThat(f.incidents()).hasSize(incidentsBefore + 1);
    assertThat(f.incidents().get(incidentsBefore)).contains("UNKNOWN")
        .contains("without reaching a wait state");
    assertThat(f.active(spinning)).isTrue();
    engineStillWorks();
    f.client.newCancelInstanceCommand(spinning).requestTimeout(BOUND).send().join();
    f.awaitInactive(spinning);
  }
}
