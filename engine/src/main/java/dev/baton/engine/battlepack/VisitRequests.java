package dev.baton.engine.battlepack;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;

/** Starts {@code visit-battle-pack} workflows through the official client. */
public final class VisitRequests {
  /** The BPMN process id of the battle-pack workflow. */
  public static final String PROCESS_ID = "visit-battle-pack";
  /** The classpath resource of the BPMN in the rule-packs jar. */
  public static final String BPMN_RESOURCE = "baton/rule-packs/workflows/visit-battle-pack.bpmn";

  private VisitRequests() {}

  /**
   * Creates a process instance of the latest deployed {@value #PROCESS_ID} for the request and
   * returns its process instance key.
   */
  public static long start(CamundaClient client, VisitRequest request) {
    return start(client, request, null);
  }

  /**
   * As {@link #start(CamundaClient, VisitRequest)}, with the time after which a review is
   * escalated for this instance (null: the workers' default, 4 hours unless configured).
   */
  public static long start(CamundaClient client, VisitRequest request, Duration reviewTimeout) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>(request.toVariables());
    if (reviewTimeout != null) {
      variables.put("reviewTimeout", reviewTimeout.toString());
    }
    return client.newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
