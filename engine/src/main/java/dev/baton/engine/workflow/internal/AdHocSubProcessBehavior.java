package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.AdHocModel.AdHoc;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Ad-hoc sub-processes as Zeebe 8.8 runs them without a job worker. On entry (after its input
 * mappings) it sets {@code adHocSubProcessElements} and activates the inner elements whose ids
 * {@code activeElementsCollection} lists; an empty or absent list activates nothing and the
 * sub-process stays active. Each time a path inside ends (an inner element completes without
 * taking a flow) the {@code completionCondition} is evaluated: when it holds, the remaining inner
 * instances are terminated and the sub-process completes ({@code cancelRemainingInstances}, the
 * default), or it completes once they are done. Without a condition it completes when no inner
 * element is active any more.
 */
final class AdHocSubProcessBehavior implements ElementBehavior {
  static final String ELEMENTS_VARIABLE = "adHocSubProcessElements";

  private final WorkflowEngineCore engine;

  AdHocSubProcessBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
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
    if (scope.phase == Phase.ACTIVE
        && (n.adHoc.completionCondition() == null || scope.adHocFulfilled)) {
      engine.lifecycle.complete(scope, null);
    }
  }
}
