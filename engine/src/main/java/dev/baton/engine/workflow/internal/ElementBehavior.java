package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import java.util.Map;

/**
 * What one BPMN element kind does at each step of its lifecycle. {@link ElementLifecycle} runs
 * the steps every element shares (input and output mappings, boundary events, taking flows,
 * incidents) and calls the element's behaviour for the rest. A new element kind is one new
 * implementation, registered in {@link Behaviors}.
 *
 * <p>Engine thread only. A behaviour throws {@link IncidentException} (or a FEEL failure) where
 * the element cannot go on; the lifecycle turns that into an incident on the element.
 */
interface ElementBehavior {

  /**
   * The element's own work once it is active (its inputs are applied and its boundary events
   * open): it completes at once through {@link ElementLifecycle#complete}, or waits.
   */
  void activate(ElementInstance ei, Node n);

  /**
   * A token arrives over a flow: whether the element is activated now (a joining gateway waits
   * for its other branches).
   */
  default boolean admits(ElementInstance scope, Node n, Flow via) {
    return true;
  }

  /**
   * The element completed (outputs applied, waits closed): it leaves. By default it takes its
   * outgoing flows, or the one chosen, and leaves its scope.
   */
  default void leave(ElementInstance ei, Node n, ElementInstance scope, Flow taken,
      ElementLifecycle lifecycle) {
    lifecycle.takeFlowsAndLeave(ei, n, scope, taken);
  }

  /** The element is a scope whose last child ended: by default nothing happens. */
  default void childrenEnded(ElementInstance scope, Node n) {}

  /** The element is terminated: release what it holds beyond its waits and children. */
  default void terminate(ElementInstance ei) {}

  /** A timer, message or signal that the element itself waits on happened. */
  default void onEvent(ElementInstance owner, Node target, Map<String, Object> payload) {
    throw new IllegalStateException("'" + owner.elementId + "' does not wait on '" + target.id
        + "'");
  }
}
