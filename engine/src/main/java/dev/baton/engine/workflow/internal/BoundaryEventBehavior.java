package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.Map;

/**
 * Boundary events: their timers and subscriptions belong to the activity they are attached to
 * (opened when it activates). When one fires, an interrupting event terminates the activity; a
 * non-interrupting one leaves it running. Error boundary events catch BPMN errors thrown in the
 * activity or below it, up through call activities.
 */
final class BoundaryEventBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  BoundaryEventBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Where a thrown error is caught: the activity and its error boundary event. */
  record Catcher(ElementInstance host, Node boundary) {}

  @Override
  public void activate(ElementInstance ei, Node n) {
    throw new IllegalStateException("a boundary event is triggered on its activity");
  }

  /** An event of a boundary event happened; owner is the activity it is attached to. */
  @Override
  public void onEvent(ElementInstance owner, Node target, Map<String, Object> payload) {
    ElementInstance scope = engine.state.parent(owner);
    if (target.cancelActivity) {
      engine.events.close(owner);
      ElementInstance event = engine.lifecycle.create(target, scope, Role.PLAIN);
      engine.lifecycle.terminate(owner);
      engine.variables.applyPayload(event, payload);
      engine.lifecycle.complete(event, null);
    } else {
      ElementInstance event = engine.lifecycle.create(target, scope, Role.PLAIN);
      engine.variables.applyPayload(event, payload);
      engine.lifecycle.complete(event, null);
    }
  }

  /** The nearest error boundary event that catches the code, from a scope upward; or null. */
  Catcher findCatcher(ElementInstance from, String code) {
    ElementInstance cur = from;
    while (cur != null) {
      Node n = engine.state.node(cur);
      if (cur.mi != Role.INNER) {
        ProcessModel model = engine.state.model(cur);
        for (String b : n.boundaries) {
          Node bn = model.node(b);
          if (bn.trigger == Trigger.ERROR && (bn.errorCode == null || bn.errorCode.equals(code))) {
            return new Catcher(cur, bn);
          }
        }
      }
      if (n.kind == Kind.PROCESS) {
        cur = cur.callerElementInstanceKey == 0 ? null
            : engine.state.element(cur.callerElementInstanceKey);
      } else {
        cur = engine.state.parent(cur);
      }
    }
    return null;
  }

  /** Throws a BPMN error from a scope upward; true when a boundary event caught it. */
  boolean throwError(ElementInstance from, String code, Map<String, Object> variables) {
    Catcher c = findCatcher(from, code);
    if (c == null) {
      return false;
    }
    ElementInstance scope = engine.state.parent(c.host());
    engine.events.close(c.host());
    ElementInstance event = engine.lifecycle.create(c.boundary(), scope, Role.PLAIN);
    engine.lifecycle.terminate(c.host());
    engine.variables.applyPayload(event, variables);
    engine.lifecycle.complete(event, null);
    return true;
  }
}
