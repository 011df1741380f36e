package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import dev.baton.engine.workflow.internal.State.Subscription;
import dev.baton.engine.workflow.internal.State.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event sub-processes, as Zeebe runs them. The message, timer and signal start events of a
 * scope's event sub-processes wait from the moment the scope (a process instance or an embedded
 * sub-process) is activated until it ends; their timers and subscriptions belong to the scope.
 * Error and escalation starts do not wait: they catch what is thrown inside the scope
 * ({@link BoundaryEventBehavior#findCatcher}, {@link Escalations}).
 *
 * <p>When a start event fires, an interrupting event sub-process first terminates every other
 * element instance of the scope (other event sub-process instances included) and closes the
 * scope's other event sub-process waits, so it runs once; a non-interrupting one runs beside
 * them and may fire again. The event's variables go to the start event and are merged from
 * there as Zeebe merges them (into the nearest scope that has the variable, else the process
 * instance). The scope completes once nothing, the triggered instances included, is left in it.
 */
final class EventSubProcessBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;
  /** The triggering event's variables, handed from {@link #trigger} to {@link #activate}. */
  private Map<String, Object> pendingPayload = Map.of();

  EventSubProcessBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Opens the waiting start events of a scope's event sub-processes (on its activation). */
  void open(ElementInstance scope, Node scopeNode) {
    if (scopeNode.eventSubProcessStarts.isEmpty() || scope.mi == Role.BODY) {
      return;
    }
    ProcessModel model = engine.state.model(scope);
    List<Node> waiting = new ArrayList<>();
    for (String id : scopeNode.eventSubProcessStarts) {
      Node start = model.node(id);
      if (start.trigger == Trigger.MESSAGE || start.trigger == Trigger.TIMER
          || start.trigger == Trigger.SIGNAL) {
        waiting.add(start);
      }
    }
    engine.events.open(scope, waiting);
  }

  /**
   * Whether an interrupting event sub-process runs in the scope: then none of the scope's event
   * sub-processes catches anything any more (what is thrown goes further out).
   */
  boolean interrupted(ElementInstance scope) {
    ProcessModel model = engine.state.model(scope);
    for (ElementInstance child : engine.state.childrenOf(scope)) {
      Node n = model.node(child.elementId);
      if (n.kind == Kind.EVENT_SUB_PROCESS && model.node(n.eventStart).cancelActivity) {
        return true;
      }
    }
    return false;
  }

  /** A start event of an event sub-process in a scope fired or caught something. */
  void trigger(ElementInstance scope, Node start, Map<String, Object> payload) {
    if (scope.done || interrupted(scope)) {
      return;
    }
    Node esp = engine.state.model(scope).node(start.scopeId);
    if (start.cancelActivity) {
      closeWaits(scope);
      engine.lifecycle.terminateChildren(scope, null);
      scope.joinTokens.clear();
      engine.state.save(scope);
    }
    ElementInstance ei = engine.lifecycle.create(esp, scope, Role.PLAIN);
    pendingPayload = payload == null ? Map.of() : payload;
    try {
      engine.lifecycle.start(ei);
    } finally {
      pendingPayload = Map.of();
    }
  }

  /** The event sub-process is active (inputs applied): its start event runs with the event. */
  @Override
  public void activate(ElementInstance ei, Node n) {
    open(ei, n);
    Node start = engine.state.model(ei).node(n.eventStart);
    ElementInstance startEvent = engine.lifecycle.create(start, ei, Role.PLAIN);
    engine.variables.applyPayload(startEvent, pendingPayload);
    engine.lifecycle.start(startEvent);
  }

  @Override
  public void childrenEnded(ElementInstance scope, Node n) {
    engine.lifecycle.complete(scope, null);
  }

  /** Closes the timers and subscriptions of a scope's event sub-processes (not its boundaries). */
  private void closeWaits(ElementInstance scope) {
    ProcessModel model = engine.state.model(scope);
    boolean changed = false;
    for (Long k : new ArrayList<>(scope.waitKeys)) {
      Timer t = engine.state.timers.get(k);
      Subscription s = engine.state.subscriptions.get(k);
      String target = t != null ? t.targetElementId : s != null ? s.targetElementId : null;
      if (target == null || !model.node(target).inEventSubProcess) {
        continue;
      }
      if (t != null) {
        engine.state.removeTimer(t);
      } else {
        engine.state.removeSubscription(s);
      }
      scope.waitKeys.remove(k);
      changed = true;
    }
    if (changed) {
      engine.state.save(scope);
    }
  }
}
