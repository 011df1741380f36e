package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.BoundaryEventBehavior.Catcher;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobState;
import dev.baton.engine.workflow.internal.State.Message;
import dev.baton.engine.workflow.internal.State.MessageId;
import dev.baton.engine.workflow.internal.State.MessageKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's commands, as Zeebe's gateway offers them, independent of any protocol: each
 * checks its input and the state, then applies itself or returns a {@link Refusal} having
 * changed nothing. Call them only in work {@link WorkflowEngineCore#submit}ted to the engine
 * thread (except the static parsers, which are thread-safe).
 */
public final class Commands {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  private final InstanceModification modification;
  private final ResourceDeletion deletion;

  Commands(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
    this.modification = new InstanceModification(engine);
    this.deletion = new ResourceDeletion(engine);
  }

  // ====================================================================== input documents

  /**
   * A variables document: empty means none; otherwise a JSON object, or INVALID_ARGUMENT naming
   * the property and what it was. Thread-safe.
   */
  public static Outcome<Map<String, Object>> parseVariables(String property, String document) {
    try {
      return Outcome.accepted(Json.variables(property, document));
    } catch (IllegalArgumentException e) {
      return Outcome.refused(Refusal.invalid(e.getMessage()));
    }
  }

  /** A resource to deploy. */
  public record Resource(String name, byte[] content) {}

  /** Resources parsed and checked, ready to {@link #deploy}. */
  public static final class ParsedResources {
    private final List<Parsed> processes;
    private final List<DmnResource> decisions;

    private ParsedResources(List<Parsed> processes, List<DmnResource> decisions) {
      this.processes = List.copyOf(processes);
      this.decisions = List.copyOf(decisions);
    }
  }

  private record Parsed(String resourceName, String xml, ProcessModel model) {}

  /** Parses and checks BPMN resources, off the engine thread. Thread-safe. */
  public static Outcome<ParsedResources> parse(List<Resource> resources) {
    if (resources.isEmpty()) {
      return Outcome.refused(Refusal.invalid("Expected to deploy at least one resource, but"
          + " none given"));
    }
    List<Parsed> parsed = new ArrayList<>();
    List<DmnResource> dmn = new ArrayList<>();
    try {
      for (Resource r : resources) {
        String lower = r.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".dmn")) {
          dmn.add(DmnResource.parse(r.name(), r.content()));
          continue;
        }
        if (!lower.endsWith(".bpmn") && !lower.endsWith(".xml")) {
          return Outcome.refused(Refusal.invalid("Expected to deploy a BPMN (.bpmn or .xml) or"
              + " DMN (.dmn) resource, but '" + r.name() + "' is neither: Baton's embedded"
              + " engine deploys processes and decisions (no forms)"));
        }
        for (ProcessModel m : ProcessModel.parse(r.name(), r.content())) {
          parsed.add(new Parsed(r.name(), new String(r.content(), StandardCharsets.UTF_8), m));
        }
      }
    } catch (ProcessModel.InvalidModelException e) {
      return Outcome.refused(Refusal.invalid("Expected to deploy new resources, but "
          + e.getMessage()));
    }
    String clash = DecisionDeployment.duplicates(dmn);
    if (clash != null) {
      return Outcome.refused(Refusal.invalid("Expected to deploy new resources, but " + clash));
    }
    return Outcome.accepted(new ParsedResources(parsed, dmn));
  }

  // ====================================================================== deployments

  /** A deployed process version. */
  public record DeployedProcess(String bpmnProcessId, int version, long processDefinitionKey,
      String resourceName) {}

  /** A deployed decision version, with the decision requirements graph it belongs to. */
  public record DeployedDecision(String decisionId, String decisionName, int version,
      long decisionKey, String decisionRequirementsId, long decisionRequirementsKey) {}

  /** A deployed decision requirements graph (a DMN resource) version. */
  public record DeployedDecisionRequirements(String decisionRequirementsId, String name,
      int version, long decisionRequirementsKey, String resourceName) {}

  /**
   * A deployment: its key, its processes, decision requirements graphs and decisions, in
   * resource order.
   */
  public record Deployment(long key, List<DeployedProcess> processes,
      List<DeployedDecisionRequirements> decisionRequirements,
      List<DeployedDecision> decisions) {}

  /** Deploys parsed resources; the same content again keeps its version, as Zeebe does. */
  public Outcome<Deployment> deploy(ParsedResources resources) {
    DecisionDeployment dmn = new DecisionDeployment(engine);
    for (Parsed p : resources.processes) {
      String bad = dmn.checkBusinessRuleTasks(p.model());
      if (bad != null) {
        return Outcome.refused(Refusal.invalid("Expected to deploy new resources, but '"
            + p.resourceName() + "': " + bad));
      }
    }
    String refused = dmn.check(resources.decisions);
    if (refused != null) {
      return Outcome.refused(Refusal.invalid("Expected to deploy new resources, but "
          + refused));
    }
    for (Parsed p : resources.processes) {
      Definition previous = state.latest(p.model().processId);
      if (previous == null || !previous.xml.equals(p.xml())) {
        String bad = engine.events.checkStartTimers(p.model());
        if (bad != null) {
          return Outcome.refused(Refusal.invalid("'" + p.resourceName() + "': " + bad));
        }
      }
    }
    long deploymentKey = state.newKey();
    List<DeployedProcess> out = new ArrayList<>();
    for (Parsed p : resources.processes) {
      Definition previous = state.latest(p.model().processId);
      Definition d;
      if (previous != null && previous.xml.equals(p.xml())) {
        d = previous;
      } else {
        d = new Definition();
        d.key = state.newKey();
        d.bpmnProcessId = p.model().processId;
        d.version = state.nextVersion(d.bpmnProcessId);
        d.resourceName = p.resourceName();
        d.xml = p.xml();
        d.deploymentKey = deploymentKey;
        d.deployedAt = state.now();
        d.model = p.model();
        state.addDefinition(d);
        engine.events.openStartEvents(d, previous);
      }
      out.add(new DeployedProcess(d.bpmnProcessId, d.version, d.key, d.resourceName));
    }
    dmn.deploy(resources.decisions, deploymentKey);
    return Outcome.accepted(new Deployment(deploymentKey, out, dmn.deployedRequirements(),
        dmn.deployedDecisions()));
  }

  // ====================================================================== decisions

  /** Which decision to evaluate: by key (when positive), else the latest version of the id. */
  public record DecisionRef(long decisionKey, String decisionId) {}

  /** A matched rule of a decision table: its id and 1-based index. */
  public record MatchedRule(String ruleId, int ruleIndex) {}

  /** A decision evaluated on the way, its output as JSON. */
  public record EvaluatedDecision(long decisionKey, String decisionId, String decisionName,
      int version, String decisionType, String outputJson, List<MatchedRule> matchedRules) {}

  /**
   * A decision's evaluation: the decision, its output as JSON (null when it failed), the
   * decisions evaluated (required ones first), and the failure, if any.
   */
  public record DecisionEvaluation(long decisionKey, String decisionId, String decisionName,
      int version, String decisionRequirementsId, long decisionRequirementsKey,
      long evaluationKey, String outputJson, List<EvaluatedDecision> evaluated,
      String failedDecisionId, String failureMessage) {}

  /** Evaluates a deployed DMN decision, as Zeebe's EvaluateDecision does. */
  public Outcome<DecisionEvaluation> evaluateDecision(DecisionRef ref,
      Map<String, Object> variables) {
    Decisions.Decision d;
    if (ref.decisionKey() > 0) {
      d = state.decisions.byKey(ref.decisionKey());
      if (d == null) {
        return Outcome.refused(Refusal.notFound("Expected to evaluate decision with key '"
            + ref.decisionKey() + "', but no such decision was found"));
      }
    } else if (ref.decisionId() == null || ref.decisionId().isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected either a decision id or a valid"
          + " decision key, but none provided"));
    } else {
      d = state.decisions.latest(ref.decisionId());
      if (d == null) {
        return Outcome.refused(Refusal.notFound("Expected to evaluate decision '"
            + ref.decisionId() + "', but no decision found for id '" + ref.decisionId() + "'"));
      }
    }
    return Outcome.accepted(DecisionCalls.evaluate(state, d, variables));
  }

  // ====================================================================== process instances

  /**
   * Which process to start: by definition key (when positive), else by id and version (when
   * positive), else the latest version of the id.
   */
  public record ProcessRef(long definitionKey, String bpmnProcessId, int version) {}

  /** A created process instance and its definition. */
  public record CreatedInstance(long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, int version) {}

  /**
   * Creates a process instance at its none start event, or before the elements of the start
   * instructions, and runs it until it waits; created is told the instance before it runs (to
   * await its result).
   *
   * @param startElements the element ids of the start instructions (none: the none start event)
   * @param runtimeInstructions whether the request had runtime instructions (refused)
   */
  public Outcome<CreatedInstance> createInstance(ProcessRef ref, Map<String, Object> variables,
      List<String> startElements, boolean runtimeInstructions,
      Consumer<CreatedInstance> created) {
    Definition d;
    if (ref.definitionKey() > 0) {
      d = state.definitions.get(ref.definitionKey());
      if (d == null) {
        return Outcome.refused(Refusal.notFound("Expected to find process definition with key"
            + " '" + ref.definitionKey() + "', but none found"));
      }
    } else if (ref.version() > 0) {
      d = state.definition(ref.bpmnProcessId(), ref.version());
      if (d == null) {
        return Outcome.refused(Refusal.notFound("Expected to find process definition with"
            + " process ID '" + ref.bpmnProcessId() + "' and version '" + ref.version() + "',"
            + " but none found"));
      }
    } else {
      d = state.latest(ref.bpmnProcessId());
      if (d == null) {
        return Outcome.refused(Refusal.notFound("Expected to find process definition with"
            + " process ID '" + ref.bpmnProcessId() + "', but none found"));
      }
    }
    if (d.model.root().noneStart == null && startElements.isEmpty()) {
      return Outcome.refused(Refusal.invalid("Expected to create instance of process with none"
          + " start event, but there is no such event in process '" + d.bpmnProcessId + "'"));
    }
    if (runtimeInstructions) {
      return Outcome.refused(new Refusal(Refusal.Kind.UNIMPLEMENTED, "CreateProcessInstance"
          + " with runtime instructions (terminate after an element) is not supported by"
          + " Baton's embedded engine; create the instance without them"));
    }
    Definition def = d;
    if (!startElements.isEmpty()) {
      Refusal bad = InstanceModification.checkStartInstructions(d.model, startElements);
      if (bad != null) {
        return Outcome.refused(bad);
      }
      if (!d.model.root().startListeners.isEmpty()) {
        return Outcome.refused(new Refusal(Refusal.Kind.UNIMPLEMENTED, "CreateProcessInstance"
            + " with start instructions on process '" + d.bpmnProcessId + "', which has"
            + " execution start listeners, is not supported by Baton's embedded engine; create"
            + " the instance at its none start event"));
      }
      ElementInstance root = engine.lifecycle.createProcessInstance(d, variables, 0,
          r -> created.accept(instance(r.key, def)), r -> {
            engine.lifecycle.beginProcess(r, def.model.root()); // event sub-processes only
            modification.start(r, startElements);
          });
      return Outcome.accepted(instance(root.key, d));
    }
    ElementInstance root = engine.lifecycle.createProcessInstance(d, variables,
        d.model.root().noneStart, 0, r -> created.accept(instance(r.key, def)));
    return Outcome.accepted(instance(root.key, d));
  }

  private static CreatedInstance instance(long key, Definition d) {
    return new CreatedInstance(key, d.key, d.bpmnProcessId, d.version);
  }

  /** Cancels a root process instance (a called one is cancelled through its root). */
  public Outcome<Long> cancelInstance(long key) {
    ElementInstance root = state.element(key);
    if (root == null || root.parentKey != 0) {
      return Outcome.refused(Refusal.notFound("Command 'CANCEL' rejected with code"
          + " 'NOT_FOUND': Expected to cancel a process instance with key '" + key + "', but no"
          + " such process was found"));
    }
    if (root.callerElementInstanceKey != 0) {
      ElementInstance caller = state.element(root.callerElementInstanceKey);
      return Outcome.refused(Refusal.invalidState("Command 'CANCEL' rejected with code"
          + " 'INVALID_STATE': Expected to cancel a process instance with key '" + key + "',"
          + " but it is created by a parent process instance. Cancel the root process instance"
          + " '" + (caller == null ? "?" : caller.processInstanceKey) + "' instead."));
    }
    engine.lifecycle.terminate(root);
    return Outcome.accepted(key);
  }

  /**
   * Modifies a process instance: activates elements, then terminates element instances; all or
   * nothing.
   */
  public Outcome<Long> modifyInstance(Modification m) {
    Refusal bad = modification.check(m);
    if (bad != null) {
      return Outcome.refused(bad);
    }
    modification.apply(m);
    return Outcome.accepted(m.processInstanceKey());
  }

  /** Deletes a process definition (DeleteResource). */
  public Outcome<Long> deleteResource(long resourceKey) {
    return deletion.delete(resourceKey);
  }

  /** Sets variables on an element instance's scope (local) or merged upward; a new key. */
  public Outcome<Long> setVariables(long elementInstanceKey, Map<String, Object> variables,
      boolean local) {
    ElementInstance ei = state.element(elementInstanceKey);
    if (ei == null) {
      return Outcome.refused(Refusal.notFound("Command 'UPDATE' rejected with code 'NOT_FOUND':"
          + " Expected to update variables for element with key '" + elementInstanceKey + "',"
          + " but no such element was found"));
    }
    variables.forEach((k, v) -> {
      if (local) {
        engine.variables.setLocal(ei, k, v);
      } else {
        engine.variables.propagate(ei, k, v);
      }
    });
    return Outcome.accepted(state.newKey());
  }

  // ====================================================================== jobs

  private Refusal missingJob(long key, String verb) {
    return Refusal.notFound("Command '" + verb.toUpperCase(Locale.ROOT) + "' rejected with code"
        + " 'NOT_FOUND': Expected to " + verb.toLowerCase(Locale.ROOT).replace('_', ' ')
        + " job with key '" + key + "', but no such job was found");
  }

  private static Refusal wrongState(Job j, String verb, JobState... states) {
    for (JobState s : states) {
      if (s == j.state) {
        return null;
      }
    }
    return Refusal.invalidState("Command '" + verb.toUpperCase(Locale.ROOT) + "' rejected with"
        + " code 'INVALID_STATE': Expected to " + verb.toLowerCase(Locale.ROOT) + " job with key"
        + " '" + j.key + "', but it is in state '" + j.state.name() + "'");
  }

  /** A job in one of the states, or the refusal. */
  private Outcome<Job> job(long key, String verb, JobState... states) {
    Job j = state.jobs.get(key);
    if (j == null) {
      return Outcome.refused(missingJob(key, verb));
    }
    Refusal wrong = states.length == 0 ? null : wrongState(j, verb, states);
    return wrong == null ? Outcome.accepted(j) : Outcome.refused(wrong);
  }

  private static <T> Outcome<T> refusedAs(Outcome<?> refused) {
    return Outcome.refused(((Outcome.Refused<?>) refused).refusal());
  }

  /** Completes a job: its task completes with the variables. */
  public Outcome<Long> completeJob(long key, Map<String, Object> variables) {
    return completeJob(key, variables, null);
  }

  /**
   * Completes a job with a result (null: none): a task listener's denial or corrections, or
   * what an ad-hoc sub-process activates next; a result that breaks Zeebe's rules for the job's
   * kind is refused and changes nothing.
   */
  public Outcome<Long> completeJob(long key, Map<String, Object> variables, JobResult result) {
    Outcome<Job> o = job(key, "complete", JobState.ACTIVATED, JobState.ACTIVATABLE);
    if (!(o instanceof Outcome.Accepted<Job> a)) {
      return refusedAs(o);
    }
    Job j = a.value();
    Refusal bad = switch (j.kind) {
      case TASK_LISTENER -> engine.userTasks.checkListenerResult(j, variables, result);
      case AD_HOC_SUB_PROCESS -> engine.adHocSubProcesses.checkJobResult(j, result);
      default -> null;
    };
    if (bad != null) {
      return Outcome.refused(bad);
    }
    engine.jobs.complete(j, variables, result);
    return Outcome.accepted(key);
  }

  /** Fails a job: retried (after the back-off) while it has retries, else an incident. */
  public Outcome<Long> failJob(long key, int retries, String errorMessage, long retryBackOffMs,
      Map<String, Object> variables) {
    Outcome<Job> o = job(key, "fail", JobState.ACTIVATED);
    if (!(o instanceof Outcome.Accepted<Job> a)) {
      return refusedAs(o);
    }
    Job j = a.value();
    ElementInstance ei = state.element(j.elementInstanceKey);
    variables.forEach((k, v) -> engine.variables.setLocal(ei, k, v));
    engine.jobs.fail(j, retries, errorMessage, retryBackOffMs);
    return Outcome.accepted(key);
  }

  /** Throws a BPMN error from a job: caught by an error boundary event, else an incident. */
  public Outcome<Long> throwError(long key, String errorCode, String errorMessage,
      Map<String, Object> variables) {
    if (errorCode.isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected to throw an error with a non-empty"
          + " errorCode, but it was empty"));
    }
    Outcome<Job> o = job(key, "throw an error for", JobState.ACTIVATED, JobState.ACTIVATABLE);
    if (!(o instanceof Outcome.Accepted<Job> a)) {
      return refusedAs(o);
    }
    Job j = a.value();
    if (j.kind == State.JobKind.EXECUTION_LISTENER) {
      return Outcome.refused(Refusal.invalidState("Command 'THROW_ERROR'"
          + " rejected with code 'INVALID_STATE': Expected to throw an error for job with key '"
          + key + "', but it is an execution listener job of element '" + j.elementId
          + "', and throwing a BPMN error from an execution listener is not supported"));
    }
    ElementInstance ei = state.element(j.elementInstanceKey);
    // decide first whether anything catches it, so that an uncaught error changes only the job
    Catcher catcher = engine.boundaryEvents.findCatcher(ei, errorCode);
    if (catcher == null) {
      engine.jobs.errorNotCaught(j, errorCode, errorMessage);
    } else {
      state.removeJob(j);
      ei.jobKey = 0;
      engine.boundaryEvents.throwError(ei, errorCode, variables);
    }
    return Outcome.accepted(key);
  }

  /** Sets a job's retries (positive). */
  public Outcome<Long> updateJobRetries(long key, int retries) {
    if (retries < 1) {
      return Outcome.refused(Refusal.invalid("Expected to update job retries with a positive"
          + " amount of retries, but the amount given was '" + retries + "'"));
    }
    Outcome<Job> o = job(key, "update retries of");
    if (!(o instanceof Outcome.Accepted<Job> a)) {
      return refusedAs(o);
    }
    a.value().retries = retries;
    state.save(a.value());
    return Outcome.accepted(key);
  }

  /** Sets an activated job's deadline to now + timeout. */
  public Outcome<Long> updateJobTimeout(long key, long timeoutMs) {
    Outcome<Job> o = job(key, "update the timeout of", JobState.ACTIVATED);
    if (!(o instanceof Outcome.Accepted<Job> a)) {
      return refusedAs(o);
    }
    engine.jobs.activate(a.value(), a.value().worker, timeoutMs);
    return Outcome.accepted(key);
  }

  /** Activates up to max jobs of a type (none may be ready: the caller may wait for some). */
  public Outcome<List<JobActivation>> activateJobs(String type, int max, String worker,
      long timeoutMs, List<String> fetchVariables) {
    if (type.isBlank() || max < 1) {
      return Outcome.refused(Refusal.invalid(type.isBlank()
          ? "Expected to activate jobs of a non-empty type, but the type was empty"
          : "Expected to activate at least one job, but maxJobsToActivate was " + max));
    }
    return Outcome.accepted(engine.jobs.activateNext(type, max, worker, timeoutMs,
        fetchVariables));
  }

  /** Whether jobs of a type are ready to activate. */
  public boolean hasActivatableJobs(String type) {
    return engine.jobs.hasActivatable(type);
  }

  /** Gives a job activated at this deadline back at once (its worker went away). */
  public void giveBackJob(long key, long deadline) {
    engine.jobs.giveBack(key, deadline);
  }

  // ====================================================================== messages, signals, incidents

  /** Publishes a message: correlated at once, and buffered for its time to live. */
  public Outcome<Long> publishMessage(String name, String correlationKey, String messageId,
      long timeToLiveMs, Map<String, Object> variables) {
    if (name.isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected to publish a message with a non-empty"
          + " name, but it was empty"));
    }
    if (!messageId.isEmpty()
        && state.hasMessage(new MessageId(new MessageKey(name, correlationKey), messageId))) {
      return Outcome.refused(new Refusal(Refusal.Kind.ALREADY_EXISTS, "Command 'PUBLISH'"
          + " rejected with code 'ALREADY_EXISTS': Expected to publish a new message with id '"
          + messageId + "', but a message with that id was already published"));
    }
    Message m = new Message();
    m.key = state.newKey();
    m.name = name;
    m.correlationKey = correlationKey;
    m.messageId = messageId;
    m.variables = variables;
    m.expiresAt = state.now() + Math.max(0, timeToLiveMs);
    engine.events.correlate(m);
    if (timeToLiveMs > 0) {
      state.indexMessage(m);
      state.save(m);
    }
    return Outcome.accepted(m.key);
  }

  /** A correlated message: its key and the first process instance it reached. */
  public record Correlation(long messageKey, long processInstanceKey) {}

  /**
   * Correlates a message to what waits for it now (subscriptions with its correlation key,
   * message start events) and never buffers it; refused (NOT_FOUND, changing nothing) when
   * nothing waits.
   */
  public Outcome<Correlation> correlateMessage(String name, String correlationKey,
      Map<String, Object> variables) {
    if (name.isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected to correlate a message with a non-empty"
          + " name, but it was empty"));
    }
    if (!engine.events.awaited(name, correlationKey)) {
      return Outcome.refused(Refusal.notFound("Command 'CORRELATE' rejected with code"
          + " 'NOT_FOUND': Expected to find subscription for message with name '" + name
          + "' and correlation key '" + correlationKey + "', but none was found."));
    }
    Message m = new Message();
    m.key = state.newKey();
    m.name = name;
    m.correlationKey = correlationKey;
    m.messageId = "";
    m.variables = variables;
    m.expiresAt = state.now();
    return Outcome.accepted(new Correlation(m.key, engine.events.correlate(m)));
  }

  /** Broadcasts a signal to every waiting element and signal start event; a new key. */
  public Outcome<Long> broadcastSignal(String name, Map<String, Object> variables) {
    if (name.isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected to broadcast a signal with a non-empty"
          + " name, but it was empty"));
    }
    engine.events.broadcastSignal(name, variables);
    return Outcome.accepted(state.newKey());
  }

  /** Resolves an incident: retries the step that failed. */
  public Outcome<Long> resolveIncident(long key) {
    Incident i = state.incidents.get(key);
    if (i == null) {
      return Outcome.refused(Refusal.notFound("Command 'RESOLVE' rejected with code"
          + " 'NOT_FOUND': Expected to resolve incident with key '" + key + "', but no such"
          + " incident was found"));
    }
    if (i.errorType == IncidentType.JOB_NO_RETRIES) {
      Job j = state.jobs.get(i.jobKey);
      if (j != null && j.retries <= 0) {
        return Outcome.refused(Refusal.invalidState("Command 'RESOLVE' rejected with code"
            + " 'INVALID_STATE': Expected to resolve incident with key '" + i.key + "', but job"
            + " with key '" + j.key + "' has no retries left; update its retries first"
            + " (UpdateJobRetries)"));
      }
    }
    engine.incidents.resolve(i);
    return Outcome.accepted(key);
  }
}
