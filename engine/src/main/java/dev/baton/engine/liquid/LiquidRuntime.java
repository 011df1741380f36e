package dev.baton.engine.liquid;

import dev.baton.engine.BatonException;
import dev.baton.engine.liquid.internal.LiquidHandlers;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The battle-unit workflow, running: the {@value #PROCESS_ID} BPMN deployed through the official
 * client and its job workers opened, exactly as a user's own workers would be, so it runs the same
 * against Baton's embedded engine and a Camunda 8 cluster. Also the trigger: {@link
 * #onCustomerEvent} decides a customer event with the ai-trigger pack and, when it says {@code
 * FORM_MICRO_TEAM}, forms the micro unit at once and starts its workflow.
 *
 * <p>Thread-safe. Closing stops the workers; the client and the services stay the caller's.
 */
public final class LiquidRuntime implements AutoCloseable {
  /** The BPMN process id. */
  public static final String PROCESS_ID = "battle-unit";
  /** Where the rule-packs jar keeps the BPMN. */
  public static final String BPMN_RESOURCE = "baton/rule-packs/workflows/battle-unit.bpmn";
  /** Job types served, in workflow order. */
  public static final List<String> JOB_TYPES = List.of(LiquidHandlers.FORM,
      LiquidHandlers.CONFIRM, LiquidHandlers.ESCALATE, LiquidHandlers.DISSOLVE);
  /** The action of the ai-trigger pack that forms a micro unit. */
  public static final String FORM_MICRO_TEAM = "FORM_MICRO_TEAM";

  private final CamundaClient client;
  private final LiquidServices liquid;
  private final Baton baton;
  private final List<JobWorker> workers;

  private LiquidRuntime(CamundaClient client, LiquidServices liquid, Baton baton,
      List<JobWorker> workers) {
    this.client = client;
    this.liquid = liquid;
    this.baton = baton;
    this.workers = workers;
  }

  /**
   * Deploys the workflow and opens its workers.
   *
   * @param baton the Baton the trigger decides with (the services' own)
   * @throws BatonException when the deployment is refused
   */
  public static LiquidRuntime start(CamundaClient client, LiquidServices liquid, Baton baton,
      byte[] bpmn) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(liquid, "liquid");
    try {
      boolean found = client.newDeployResourceCommand().addResourceBytes(bpmn, "battle-unit.bpmn")
          .requestTimeout(Duration.ofSeconds(60)).send().join().getProcesses().stream()
          .anyMatch(p -> p.getBpmnProcessId().equals(PROCESS_ID));
      if (!found) {
        throw new BatonException("The BPMN does not define the process '" + PROCESS_ID
            + "': deploy rule-packs/workflows/battle-unit.bpmn.");
      }
    } catch (BatonException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BatonException("Cannot deploy the battle-unit workflow: " + e.getMessage(), e);
    }
    List<JobWorker> workers = new ArrayList<>();
    try {
      for (Map.Entry<String, JobHandler> e : handlers(liquid).entrySet()) {
        workers.add(client.newWorker().jobType(e.getKey()).handler(e.getValue())
            .name("baton-liquid").timeout(Duration.ofMinutes(1)).maxJobsActive(16).open());
      }
    } catch (RuntimeException ex) {
      workers.forEach(JobWorker::close);
      throw ex;
    }
    return new LiquidRuntime(client, liquid, baton, workers);
  }

  /** The handler of each job type, for embedding them in one's own workers or testing. */
  public static Map<String, JobHandler> handlers(LiquidServices liquid) {
    return LiquidHandlers.all(liquid);
  }

  /**
   * The BPMN shipped in the rule-packs jar.
   *
   * @throws BatonException when the rule-packs jar is not on the class path
   */
  public static byte[] bundledBpmn() {
    try (InputStream in = LiquidRuntime.class.getClassLoader().getResourceAsStream(
        BPMN_RESOURCE)) {
      if (in == null) {
        throw new BatonException("The battle-unit workflow " + BPMN_RESOURCE
            + " is not on the class path: add the baton-rule-packs jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The services the workers use. */
  public LiquidServices services() {
    return liquid;
  }

  /**
   * Starts the battle-unit workflow for a posted campaign; returns the process instance key.
   *
   * @param sla how long the unit has before it is escalated, or null for the campaign's
   */
  public long startUnit(String campaignId, FormationMode mode, Duration sla) {
    Campaign campaign = liquid.directory().campaign(campaignId).orElseThrow(() ->
        new LiquidInputException("No campaign " + campaignId + ": post it first."));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("campaignId", campaignId);
    vars.put("mode", mode.name());
    vars.put("sla", (sla == null ? campaign.sla() : sla).toString());
    return start(vars);
  }

  /**
   * Starts the battle-unit workflow for a unit already formed (e.g. through the REST API): the
   * workflow takes the unit as it is (a proposed one waits for a lead's confirmation).
   *
   * @param sla how long the unit has before it is escalated, or null for the campaign's
   */
  public long startUnit(Unit unit, Duration sla) {
    Campaign campaign = liquid.directory().campaign(unit.campaignId()).orElseThrow();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("campaignId", unit.campaignId());
    vars.put("unitId", unit.id());
    vars.put("mode", unit.mode().name());
    vars.put("sla", (sla == null ? campaign.sla() : sla).toString());
    long key = start(vars);
    liquid.directory().setProcessInstance(unit.id(), key);
    return key;
  }

  private long start(Map<String, Object> vars) {
    return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(vars).send().join().getProcessInstanceKey();
  }

  /** What a customer event led to. */
  public record Triggered(String decisionId, List<String> actions, FormedUnit unit,
      long processInstanceKey) {
    /** True when a micro unit was formed. */
    public boolean formed() {
      return unit != null;
    }
  }

  /**
   * A customer event (from the REST API or a chat-workplace webhook): decides it with the trigger
   * pack (recorded in the decision log); when the decision says {@value #FORM_MICRO_TEAM}, posts a
   * micro campaign with the roles it names, forms the unit at once (automatic formation) and
   * starts its battle-unit workflow with the decision's deadline as SLA.
   *
   * @param event e.g. {@code VIEW_AI_FINANCING_PLAN}
   * @param requestId the caller's id; the same id decides once (the decision log is idempotent)
   */
  public Triggered onCustomerEvent(String customerId, String event, Instant occurredAt,
      String region, String requestId, String actor) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("customerId", customerId);
    values.put("event", event);
    values.put("occurredAt", occurredAt.toString());
    Evaluation evaluation = new Evaluation(List.of(liquid.packs().trigger().get()),
        List.of(new Fact("CustomerEvent", values)), liquid.clock().instant(), requestId, actor);
    Decided decided = baton.decide(evaluation, DecideOptions.defaults());
    Decision decision = decided.decision();
    String decisionId = decided.record() == null ? null : decided.record().decisionId();
    List<String> actions = decision.actions().stream().map(Decision.DecidedAction::action)
        .toList();
    if (decided.record() != null && decided.record().duplicate()) {
      // the same request again: the unit formed the first time is the answer
      return liquid.directory().units().stream()
          .filter(u -> Objects.equals(u.decisionId(), "trigger:" + decisionId)).findFirst()
          .map(u -> new Triggered(decisionId, actions, new FormedUnit(u, null),
              u.processInstanceKey()))
          .orElse(new Triggered(decisionId, actions, null, 0));
    }
    for (Decision.DecidedAction a : decision.actions()) {
      if (!a.action().equals(FORM_MICRO_TEAM)) {
        continue;
      }
      List<String> roles = Arrays.stream(String.valueOf(a.params().getOrDefault("roles", ""))
          .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      int hours = a.params().get("deadlineHours") instanceof Number n ? n.intValue() : 72;
      Campaign campaign = liquid.postCampaign(liquid.microCampaign(customerId, roles, hours,
          region));
      FormedUnit formed = liquid.formUnit(campaign.id(), FormationMode.AUTOMATIC,
          actor == null ? "customer-event" : actor);
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("campaignId", campaign.id());
      vars.put("unitId", formed.unit().id());
      vars.put("mode", FormationMode.AUTOMATIC.name());
      vars.put("sla", Duration.ofHours(hours).toString());
      vars.put("triggerDecisionId", decisionId);
      long key = start(vars);
      liquid.directory().setProcessInstance(formed.unit().id(), key);
      return new Triggered(decisionId, actions, formed, key);
    }
    return new Triggered(decisionId, actions, null, 0);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
