package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ExecutionListenerModel.Listener;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.JobKind;
import dev.baton.engine.workflow.internal.State.ListenerEvent;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.List;
import java.util.Map;

/**
 * Execution listeners, as Zeebe runs them: each is a job for a worker, and the element waits for
 * each in model order. Start listeners run after the input mappings and before the element
 * opens its boundary events and does its work; their variables become the element's own. End
 * listeners run after the output mappings and before the element leaves; their variables go to
 * the parent scope, like outputs. A listener job without retries is an incident on the element
 * (resolving retries that job); a listener whose job cannot be created (a bad type expression)
 * is an incident whose resolution runs all listeners of that kind again. Multi-instance bodies
 * run none: each inner instance runs the activity's listeners.
 */
final class ExecutionListeners {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  ExecutionListeners(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  /**
   * Starts an element's start listeners (inputs applied); true when it waits for them. A job
   * that cannot be created throws, for the caller's activation incident.
   */
  boolean beginStart(ElementInstance ei, Node n) {
    if (n.startListeners.isEmpty() || ei.mi == Role.BODY) {
      return false;
    }
    ei.listenerEvent = ListenerEvent.START;
    ei.listenerIndex = 0;
    createJob(ei, n, n.startListeners.get(0), ListenerEvent.START);
    return true;
  }

  /** Starts a new process instance's start listeners; true when it waits for them. */
  boolean beginStartOfProcess(ElementInstance root, Node process) {
    if (process.startListeners.isEmpty()) {
      return false;
    }
    try {
      return beginStart(root, process);
    } catch (IncidentException e) {
      engine.incidents.raise(root, e.type, e.getMessage(), Retry.ACTIVATE);
    } catch (Feel.FeelException e) {
      engine.incidents.raise(root, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
          Retry.ACTIVATE);
    }
    return true;
  }

  /** Starts an element's end listeners (outputs applied); true when it waits for them. */
  boolean beginEnd(ElementInstance ei, Node n) {
    if (n.endListeners.isEmpty() || ei.mi == Role.BODY) {
      return false;
    }
    ei.listenerEvent = ListenerEvent.END;
    ei.listenerIndex = 0;
    next(ei, n, ListenerEvent.END);
    return true;
  }

  /** A listener's job was completed with these variables: the next listener, or go on. */
  void jobCompleted(ElementInstance ei, ListenerEvent event, Map<String, Object> variables) {
    Node n = state.node(ei);
    if (variables != null) {
      if (event == ListenerEvent.START) {
        variables.forEach((k, v) -> engine.variables.setLocal(ei, k, v));
      } else {
        ElementInstance scope = state.parent(ei);
        ElementInstance target = scope == null ? ei : scope;
        variables.forEach((k, v) -> engine.variables.propagate(target, k, v));
      }
    }
    ei.listenerIndex++;
    List<Listener> listeners = event == ListenerEvent.START ? n.startListeners : n.endListeners;
    if (ei.listenerIndex < listeners.size()) {
      next(ei, n, event);
      return;
    }
    ei.listenerEvent = null;
    ei.listenerIndex = 0;
    state.save(ei);
    if (event == ListenerEvent.START) {
      engine.lifecycle.resumeActivation(ei);
    } else {
      engine.lifecycle.finishCompletion(ei);
    }
  }

  /** Creates the current listener's job; a failure is an incident on the element. */
  private void next(ElementInstance ei, Node n, ListenerEvent event) {
    List<Listener> listeners = event == ListenerEvent.START ? n.startListeners : n.endListeners;
    Retry retry = event == ListenerEvent.START ? Retry.ACTIVATE : Retry.COMPLETE;
    try {
      createJob(ei, n, listeners.get(ei.listenerIndex), event);
    } catch (IncidentException e) {
      engine.incidents.raise(ei, e.type, e.getMessage(), retry);
    } catch (Feel.FeelException e) {
      engine.incidents.raise(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), retry);
    }
  }

  private void createJob(ElementInstance ei, Node n, Listener l, ListenerEvent event) {
    state.save(ei);
    engine.jobs.create(ei, n.id, l.type(), l.retries(), n.headers, JobKind.EXECUTION_LISTENER,
        event);
  }
}
