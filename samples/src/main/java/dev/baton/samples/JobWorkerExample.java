package dev.baton.samples;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A job worker with the official Camunda 8 Java client against Baton's embedded workflow
 * engine: start the engine, deploy a BPMN process, open a worker, run an instance and read its
 * result. The same worker code runs against a Camunda 8 cluster; only the client's
 * configuration differs ({@code WorkflowClients.fromProperties}).
 */
public final class JobWorkerExample {
  private JobWorkerExample() {}

  /** Quote → (worker) price the quote → done. */
  static BpmnModelInstance quoteProcess() {
    return Bpmn.createExecutableProcess("price-quote")
        .startEvent()
        .serviceTask("price", t -> t.zeebeJobType("price-quote")
            .zeebeTaskHeader("currency", "EUR")
            .zeebeInputExpression("quantity * unitPrice", "gross"))
        .exclusiveGateway("big-deal")
        .conditionExpression("total >= 1000").endEvent("needs-review")
        .moveToLastExclusiveGateway().defaultFlow().endEvent("auto-approved")
        .done();
  }

  /** Runs one quote on the engine over this database and returns the instance's variables. */
  public static Map<String, Object> run(DataSource dataSource) {
    try (EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(dataSource).withPort(0));  // 0: any free port
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress())) {

      client.newDeployResourceCommand()
          .addProcessModel(quoteProcess(), "price-quote.bpmn")
          .send().join();

      // A worker, exactly as for a Camunda 8 cluster: the handler completes the job with
      // variables; a throw fails it (retries, then an incident).
      try (JobWorker worker = client.newWorker()
          .jobType("price-quote")
          .handler((jobClient, job) -> {
            Map<String, Object> vars = job.getVariablesAsMap();
            double gross = ((Number) vars.get("gross")).doubleValue();
            double discount = gross >= 1000 ? 0.05 : 0.0;
            jobClient.newCompleteCommand(job)
                .variables(Map.of("total", gross * (1 - discount), "discount", discount,
                    "currency", job.getCustomHeaders().get("currency")))
                .send().join();
          })
          .open()) {

        return client.newCreateInstanceCommand()
            .bpmnProcessId("price-quote").latestVersion()
            .variables(Map.of("quantity", 40, "unitPrice", 30))
            .withResult().requestTimeout(Duration.ofSeconds(30))
            .send().join()
            .getVariablesAsMap();
      }
    }
  }

  /** Runs the example on a throwaway H2 database and prints the result. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("baton-job-worker-example-");
    try (var ds = Databases.pooled(Databases.h2Url(dir))) {
      System.out.println("Quote result: " + run(ds));
    }
  }
}
