package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Escalations, as Zeebe documents them: thrown by an intermediate throw or end event, caught by
 * at most one catch event, the one in the nearest enclosing flow scope — an escalation start
 * event of an event sub-process in that scope, or an escalation boundary event on it (up through
 * call activities). Within one scope the catch event with the thrown code wins over a catch-all.
 * An escalation nobody catches is not an incident: the throwing event simply goes on.
 */
final class Escalations {
  private final WorkflowEngineCore engine;

  Escalations(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Where an escalation is caught: the scope (or the activity) and the catching event. */
  record Catcher(ElementInstance host, Node event) {}

  /**
   * Throws an escalation from an element instance; whether it was caught. An interrupting catch
   * terminates the thrower with its scope (check {@code thrower.done}).
   */
  boolean throwEscalation(ElementInstance thrower, String code) {
    Catcher c = find(engine.state.parent(thrower), code);
    if (c == null) {
      return false;
    }
    if (c.event().kind == Kind.BOUNDARY_EVENT) {
      engine.boundaryEvents.onEvent(c.host(), c.event(), Map.of());
    } else {
      engine.eventSubProcesses.trigger(c.host(), c.event(), Map.of());
    }
    return true;
  }

  /** The nearest catch event for the code, from a scope outward; or null. */
  Catcher find(ElementInstance from, String code) {
    for (ElementInstance cur = from; cur != null; ) {
      Node n = engine.state.node(cur);
      ProcessModel model = engine.state.model(cur);
      List<String> candidates = new ArrayList<>();
      if (!n.eventSubProcessStarts.isEmpty() && cur.mi != Role.BODY
          && !engine.eventSubProcesses.interrupted(cur)) {
        candidates.addAll(n.eventSubProcessStarts);
      }
      if (cur.mi != Role.INNER) {
        candidates.addAll(n.boundaries);
      }
      Node catchAll = null;
      for (String id : candidates) {
        Node e = model.node(id);
        if (e.trigger != Trigger.ESCALATION) {
          continue;
        }
        if (code.equals(e.escalationCode)) {
          return new Catcher(cur, e);
        }
        if (e.escalationCode == null && catchAll == null) {
          catchAll = e;
        }
      }
      if (catchAll != null) {
        return new Catcher(cur, catchAll);
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
}
