package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Intermediate throw events and end events that the engine throws itself:
 * <ul>
 *   <li>signal: broadcasts the signal (name static or FEEL) with the event's local variables
 *       (its input mappings), as {@code BroadcastSignal} does, then goes on;</li>
 *   <li>escalation: throws the escalation code (static or FEEL) to the nearest catch event; the
 *       event goes on unless an interrupting catch terminated it — uncaught, it just goes on;</li>
 *   <li>link (intermediate only): jumps to the link catch event of the same name in its scope.</li>
 * </ul>
 * An end event that goes on simply ends its path.
 */
final class ThrowEventBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ThrowEventBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    if (n.trigger == Trigger.SIGNAL) {
      String name = text(n.signalName, ei, "signal name", n);
      engine.events.broadcastSignal(name, new LinkedHashMap<>(ei.variables));
    } else if (n.trigger == Trigger.ESCALATION) {
      String code = text(n.escalationCode, ei, "escalationCode", n);
      engine.escalations.throwEscalation(ei, code);
    }
    if (!ei.done) {
      engine.lifecycle.complete(ei, null);
    }
  }

  @Override
  public void leave(ElementInstance ei, Node n, ElementInstance scope, Flow taken,
      ElementLifecycle lifecycle) {
    if (n.trigger == Trigger.LINK) {
      taken = new Flow(n.id + "->" + n.linkTarget, n.id, n.linkTarget, null);
    }
    lifecycle.takeFlowsAndLeave(ei, n, scope, taken);
  }

  private String text(String value, ElementInstance ei, String what, Node n) {
    if (!Feel.isExpression(value)) {
      return value;
    }
    Map<String, Object> vars = engine.variables.visible(ei);
    Object v = engine.feel.evaluate(value, vars);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the " + what
          + " '" + value + "' of '" + n.id + "' to be a non-empty string, but it was "
          + Feel.describe(v));
    }
    return s;
  }
}
