package dev.baton.samples.bootstarter;

import dev.baton.engine.rulepack.FactsDocument;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The same decision inside a workflow: the BPMN process {@code visit-check}, whose business rule
 * task calls the template pipeline ({@code decisionId="baton:cmi-threshold,ai-trigger,
 * consent-check"}) and whose gateway ends it as refused when the decision is blocked. Deployed at
 * start-up through the starter's {@link CamundaClient}, which talks to Baton's embedded engine (or
 * to a Camunda 8 cluster when {@code camunda.client.*} says so). The task calls published packs:
 * {@code baton.packs.publish-missing=true} publishes the templates on a fresh database.
 */
@Component
public class VisitCheckWorkflow implements ApplicationRunner {
  /** The BPMN process id. */
  public static final String PROCESS_ID = "visit-check";

  private final CamundaClient client;

  public VisitCheckWorkflow(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/visit-check.bpmn")
        .send().join();
  }

  /**
   * Runs the process for one visit request and waits for its end: the variables then hold {@code
   * decision} (the business rule task's result: {@code decisionId}, {@code blocked}, {@code
   * actions}, {@code vetoed}...).
   */
  public ProcessInstanceResult check(FactsDocument visit) {
    Map<String, List<Map<String, Object>>> facts = new LinkedHashMap<>();
    visit.facts().forEach(f -> facts.computeIfAbsent(f.type(), t -> new ArrayList<>())
        .add(f.values()));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("facts", facts);
    if (visit.now() != null) {
      variables.put("now", visit.now().toString());
    }
    return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(variables).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
  }
}
