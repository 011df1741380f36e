package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code baton serve} as a Camunda 8.8 user meets it: the official client with its defaults
 * (REST preferred), only its REST address pointed at the REST server that {@code serve} prints;
 * its gRPC address stays the default, where nothing listens in this test.
 */
class ServeRestApiTest {
  private static Thread serve;
  private static CamundaClient client;

  @BeforeAll
  static void startServe() throws Exception {
    Path dir = Files.createTempDirectory("baton-serve-rest-");
    StringWriter out = new StringWriter();
    serve = new Thread(() -> {
      CommandLine cli = new CommandLine(new BatonCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      cli.execute("serve", "--port", "0", "--rest-port", "0", "--no-workflows", "--db",
          "jdbc:h2:file:" + dir.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE");
    });
    serve.start();
    String rest = ServeCommandTest.awaitMatch(out, Pattern.compile("REST API \\(.*\\) on"
        + " (http://\\S+)/v2"));
    client = CamundaClient.newClientBuilder().restAddress(URI.create(rest))
        .preferRestOverGrpc(true).build();
  }

  @AfterAll
  static void stopServe() throws InterruptedException {
    client.close();
    serve.interrupt();
    serve.join(30_000);
  }

  static BpmnModelInstance order() {
    return Bpmn.createExecutableProcess("order").startEvent()
        .serviceTask("charge", t -> t.zeebeJobType("charge")).endEvent().done();
  }

  @Test
  void shouldRunAnInstanceToTheEndWhenAClientWithDefaultsTalksRest() throws Exception {
    // given
    assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    client.newDeployResourceCommand().addProcessModel(order(), "order.bpmn").send().join();
    var jobs = new LinkedBlockingQueue<ActivatedJob>();

    // when: a job worker (REST polling) completes the job of an instance created with result
    try (var worker = client.newWorker().jobType("charge").handler((c, job) -> {
      c.newCompleteCommand(job).variables(Map.of("charged", true)).send().join();
      jobs.add(job);
    }).open()) {
      var result = client.newCreateInstanceCommand().bpmnProcessId("order").latestVersion()
          .variables(Map.of("amount", 12)).withResult().requestTimeout(Duration.ofSeconds(30))
          .send().join();

      // then
      assertThat(result.getVariablesAsMap()).containsEntry("charged", true)
          .containsEntry("amount", 12);
      assertThat(jobs.poll(30, TimeUnit.SECONDS)).isNotNull();
      var found = client.newProcessInstanceSearchRequest()
          .filter(p -> p.processInstanceKey(result.getProcessInstanceKey())).send().join();
      assertThat(found.items()).singleElement().satisfies(p ->
          assertThat(p.getState().name()).isEqualTo("COMPLETED"));
    }
  }

  @Test
  void shouldRaiseIncidentAndResolveItWhenJobFailsOverRest() {
    // given
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("flaky")
        .startEvent().serviceTask("call", t -> t.zeebeJobType("flaky")).endEvent().done(),
        "flaky.bpmn").send().join();
    long pi = client.newCreateInstanceCommand().bpmnProcessId("flaky").latestVersion().send()
        .join().getProcessInstanceKey();
    ActivatedJob job = client.newActivateJobsCommand().jobType("flaky").maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs().get(0);

    // when
    client.newFailCommand(job).retries(0).errorMessage("down").send().join();
    var incident = client.newIncidentSearchRequest().filter(i -> i.processInstanceKey(pi))
        .send().join().items().get(0);
    client.newUpdateRetriesCommand(job).retries(2).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCancelInstanceCommand(pi).send().join();

    // then
    assertThat(incident.getErrorMessage()).isEqualTo("down");
    assertThatThrownBy(() -> client.newCancelInstanceCommand(pi).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code())
            .isEqualTo(404));
  }
}
