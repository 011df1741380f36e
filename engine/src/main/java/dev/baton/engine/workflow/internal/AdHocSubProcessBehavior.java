package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.AdHocModel.AdHoc;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobKind;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ad-hoc sub-processes as Zeebe 8.8 runs them without a job worker. On entry (after its input
 * mappings) it sets {@code adHocSubProcessElements} and activates the inner elements whose ids
 * {@code activeElementsCollection} lists; an empty or absent list activates nothing and the
 * sub-process stays active. Each time a path inside ends (an inner element completes without
 * taking a flow) the {@code completionCondition} is evaluated: when it holds, the remaining inner
 * instances are terminated and the sub-process completes ({@code cancelRemainingInstances}, the
 * default), or it completes once they are done. Without a condition it completes when no inner
 * element is active any more.
 *
 * <p>In the job-worker form (the AI-agent blueprint) the sub-process creates a job on entry and
 * again each time a path inside ends (cancelling a job still open); the worker completes it with
 * an {@code adHocSubProcess} result: the elements to activate (with variables local to each new
 * instance) and whether the completion condition is fulfilled, then the sub-process completes,
 * terminating what still runs when {@code isCancelRemainingInstances} is set, else once it is
 * empty. The job's variables are merged as a task's are. It never completes on its own.
 */
final class AdHocSubProcessBehavior implements ElementBehavior {
  static final String ELEMENTS_VARIABLE = "adHocSubProcessElements";

  private final WorkflowEngineCore engine;

  AdHocSubProcessBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    if (n.adHoc.outputCollection() != null) {
      engine.variables.setLocal(ei, n.adHoc.outputCollection(), new ArrayList<>());
    }
    if (n.adHoc.jobWorker()) {
      ei.adHocFulfilled = false;
      engine.variables.setLocal(ei, ELEMENTS_VARIABLE, new ArrayList<>(n.adHoc.elements()));
      engine.jobs.create(ei, n.id, n.jobType, n.retries, n.headers, JobKind.AD_HOC_SUB_PROCESS,
          null);
      return;
    }
    List<Node> toActivate = elementsToActivate(ei, n);
    ei.adHocFulfilled = false;
    engine.variables.setLocal(ei, ELEMENTS_VARIABLE, new ArrayList<>(n.adHoc.elements()));
    // all are created before any starts, so one that completes at once cannot end the scope
    List<ElementInstance> created = new ArrayList<>();
    for (Node inner : toActivate) {
      created.add(engine.lifecycle.create(inner, ei, inner.loop != null ? Role.BODY
          : Role.PLAIN));
    }
    for (ElementInstance child : created) {
      if (ei.done) {
        return;
      }
      if (!child.done) {
        engine.lifecycle.start(child);
      }
    }
  }

  private List<Node> elementsToActivate(ElementInstance ei, Node n) {
    AdHoc adHoc = n.adHoc;
    List<Node> out = new ArrayList<>();
    if (adHoc.activeElements() == null) {
      return out;
    }
    Object value = engine.feel.evaluate(adHoc.activeElements(), engine.variables.visible(ei));
    if (value == null) {
      return out;
    }
    if (!(value instanceof List<?> ids)) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the"
          + " activeElementsCollection '" + adHoc.activeElements() + "' of ad-hoc sub-process '"
          + n.id + "' to be a list of element ids, but it was " + Feel.describe(value));
    }
    ProcessModel model = engine.state.model(ei);
    for (Object id : ids) {
      if (!(id instanceof String s) || !adHoc.activatable().contains(s)) {
        throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the"
            + " activeElementsCollection '" + adHoc.activeElements() + "' of ad-hoc sub-process"
            + " '" + n.id + "' to list ids of its elements without incoming flows "
            + adHoc.activatable() + ", but it contains " + Feel.describe(id));
      }
      out.add(model.node(s));
    }
    return out;
  }

  /** A path inside the ad-hoc sub-process ended: its completion condition is evaluated. */
  void pathEnded(ElementInstance scope) {
    if (scope.done || scope.phase != Phase.ACTIVE) {
      return;
    }
    Node n = engine.state.node(scope);
    if (n.adHoc.jobWorker()) {
      nextJob(scope, n);
      return;
    }
    if (n.adHoc.completionCondition() == null || scope.adHocFulfilled) {
      return;
    }
    boolean fulfilled;
    try {
      fulfilled = engine.feel.condition(n.adHoc.completionCondition(),
          engine.variables.visible(scope));
    } catch (Feel.FeelException e) {
      engine.incidents.raise(scope, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage()
          + " (completionCondition of ad-hoc sub-process '" + n.id + "')", Retry.COMPLETE);
      return;
    }
    if (!fulfilled) {
      return;
    }
    scope.adHocFulfilled = true;
    engine.state.save(scope);
    if (n.adHoc.cancelRemainingInstances()) {
      engine.lifecycle.terminateChildren(scope, null);
      engine.lifecycle.complete(scope, null);
    }
  }

  /** The incident on the completion condition is resolved: it is evaluated again. */
  void retryCompletionCondition(ElementInstance scope) {
    scope.phase = Phase.ACTIVE;
    engine.state.save(scope);
    pathEnded(scope);
    engine.lifecycle.scopeMayBeDone(scope);
  }

  @Override
  public void childrenEnded(ElementInstance scope, Node n) {
    boolean mayComplete = n.adHoc.jobWorker() ? scope.adHocFulfilled
        : n.adHoc.completionCondition() == null || scope.adHocFulfilled;
    if (scope.phase == Phase.ACTIVE && mayComplete) {
      engine.lifecycle.complete(scope, null);
    }
  }

  /**
   * An element completes (its outputs applied): an ad-hoc sub-process hands its output
   * collection to its scope; an element ending a path inside one adds its output element to the
   * collection. A failing output element throws, for the element's completion incident.
   */
  void completing(ElementInstance ei, Node n, ElementInstance scope) {
    if (n.kind == ProcessModel.Kind.AD_HOC_SUB_PROCESS && n.adHoc.outputCollection() != null
        && scope != null) {
      engine.variables.propagate(scope, n.adHoc.outputCollection(),
          ei.variables.get(n.adHoc.outputCollection()));
    }
    if (scope == null || !n.outgoing.isEmpty()) {
      return;
    }
    Node s = engine.state.node(scope);
    if (s.kind != ProcessModel.Kind.AD_HOC_SUB_PROCESS || s.adHoc.outputCollection() == null) {
      return;
    }
    Object value = engine.feel.evaluate(s.adHoc.outputElement(), engine.variables.visible(ei));
    List<Object> collection = new ArrayList<>();
    if (scope.variables.get(s.adHoc.outputCollection()) instanceof List<?> l) {
      collection.addAll(l);
    }
    collection.add(value);
    engine.variables.setLocal(scope, s.adHoc.outputCollection(), collection);
  }

  // ====================================================================== job-worker form

  /** A path inside ended: the open job is replaced by a new one, unless it is done. */
  private void nextJob(ElementInstance scope, Node n) {
    closeJob(scope);
    if (scope.adHocFulfilled) {
      return;
    }
    try {
      engine.jobs.create(scope, n.id, n.jobType, n.retries, n.headers,
          JobKind.AD_HOC_SUB_PROCESS, null);
    } catch (IncidentException e) {
      engine.incidents.raise(scope, e.type, e.getMessage(), Retry.COMPLETE);
    } catch (Feel.FeelException e) {
      engine.incidents.raise(scope, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
          Retry.COMPLETE);
    }
  }

  private void closeJob(ElementInstance scope) {
    if (scope.jobKey != 0) {
      Job open = engine.state.jobs.get(scope.jobKey);
      if (open != null) {
        engine.jobs.cancel(open);
      }
      scope.jobKey = 0;
    }
    engine.state.save(scope);
  }

  /** Why the job of an ad-hoc sub-process cannot be completed with this result, or null. */
  Refusal checkJobResult(Job j, JobResult result) {
    ElementInstance scope = engine.state.element(j.elementInstanceKey);
    if (scope == null || scope.phase != Phase.ACTIVE) {
      return Refusal.invalidState("Command 'COMPLETE' rejected with code 'INVALID_STATE':"
          + " Expected to complete ad-hoc sub-process job, but the ad-hoc sub-process instance"
          + " is not active (job key '" + j.key + "', type '" + j.type + "', processInstanceKey"
          + " '" + j.processInstanceKey + "')");
    }
    if (!(result instanceof JobResult.AdHocSubProcess a)) {
      return null;
    }
    AdHoc adHoc = engine.state.node(scope).adHoc;
    List<String> unknown = new ArrayList<>();
    for (JobResult.ActivateElement e : a.activateElements()) {
      if (e.elementId() == null || !adHoc.activatable().contains(e.elementId())) {
        unknown.add("'" + e.elementId() + "'");
      }
    }
    if (!unknown.isEmpty()) {
      return Refusal.invalid("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected"
          + " to activate activities for ad-hoc sub-process with key '" + scope.key + "', but"
          + " the given elements " + String.join(", ", unknown) + " do not exist or have"
          + " incoming flows; activatable are " + adHoc.activatable());
    }
    return null;
  }

  /** The worker completed the sub-process's job (its result checked). */
  void jobCompleted(ElementInstance scope, Map<String, Object> variables,
      JobResult.AdHocSubProcess result) {
    engine.state.save(scope);
    if (variables != null && !variables.isEmpty()) {
      engine.variables.applyPayload(scope, variables);
    }
    ProcessModel model = engine.state.model(scope);
    List<ElementInstance> created = new ArrayList<>();
    for (JobResult.ActivateElement e : result.activateElements()) {
      Node inner = model.node(e.elementId());
      ElementInstance child = engine.lifecycle.create(inner, scope,
          inner.loop != null ? Role.BODY : Role.PLAIN);
      e.variables().forEach((k, v) -> engine.variables.setLocal(child, k, v));
      created.add(child);
    }
    for (ElementInstance child : created) {
      if (scope.done) {
        return;
      }
      if (!child.done) {
        engine.lifecycle.start(child);
      }
    }
    if (scope.done || !result.completionConditionFulfilled()) {
      return;
    }
    scope.adHocFulfilled = true;
    closeJob(scope); // a path that ended at once may have asked for a new one
    if (result.cancelRemainingInstances()) {
      engine.lifecycle.terminateChildren(scope, null);
    }
    engine.lifecycle.scopeMayBeDone(scope);
  }
}
