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

  /**
   * Where a thrown error is caught: the activity and its error boundary event, or the scope and
   * the error start event of one of its event sub-processes.
   */
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

  /**
   * The nearest error catch event for the code, from a scope upward: in each scope an error
   * event sub-process inside it, then an error boundary event on it; or null.
   */
  Catcher findCatcher(ElementInstance from, String code) {
    ElementInstance cur = from;
    while (cur != null) {
      Node n = engine.state.node(cur);
      if (!n.eventSubProcessStarts.isEmpty() && cur.mi != Role.BODY
          && !engine.eventSubProcesses.interrupted(cur)) {
        Catcher inside = errorEventSubProcess(cur, n, code);
        if (inside != null) {
          return inside;
        }
      }
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

  private Catcher errorEventSubProcess(ElementInstance scope, Node n, String code) {
    ProcessModel model = engine.state.model(scope);
    Node catchAll = null;
    for (String id : n.eventSubProcessStarts) {
      Node start = model.node(id);
      if (start.trigger == Trigger.ERROR) {
        if (code.equals(start.errorCode)) {
          return new Catcher(scope, start);
        }
        if (start.errorCode == null && catchAll == null) {
          catchAll = start;
        }
      }
    }
    return catchAll == null ? null : new Catcher(scope, catchAll);
  }

  /** Throws a BPMN error from a scope upward; true when a catch event caught it. */
  boolean throwError(ElementInstance from, String code, Map<String, Object> variables) {
    Catcher c = findCatcher(from, code);
    if (c == null) {
      return false;
    }
    if (c.boundary().inEventSubProcess) {
      engine.eventSubProcesses.trigger(c.host(), c.boundary(), variables);
      return true;
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
