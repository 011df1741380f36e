package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The steps every element goes through: activate, complete, leave over its flows, terminate.
 * What differs by element kind is in its {@link ElementBehavior}; multi-instance bodies and
 * their inner instances are driven by {@link MultiInstanceBehavior}.
 */
final class ElementLifecycle {
  /**
   * How many elements one command may activate one inside the other without reaching a wait
   * state (a loop of sequence flows without one would run for ever); past it the element gets
   * an incident, so the engine thread goes on with other work and the instance can be cancelled.
   */
  static final int MAX_STEPS_WITHOUT_WAIT = 10_000;
  private final WorkflowEngineCore engine;
  private final EngineState state;
  private int depth;

  ElementLifecycle(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  /** Creates a process instance and runs it until it waits; created is told it first. */
  ElementInstance createProcessInstance(Definition d, Map<String, Object> variables,
      String startId, long callerKey, Consumer<ElementInstance> created) {
    return createProcessInstance(d, variables, callerKey, created, root -> {
      root.startElementId = startId;
      if (!engine.executionListeners.beginStartOfProcess(root, d.model.root())) {
        beginProcess(root, d.model.root()); // else it begins once the start listeners are done
      }
    });
  }

  /**
   * Creates a process instance and starts it as {@code start} does: at its start element, or at
   * the elements of start instructions (after opening its event sub-processes; a process with
   * start listeners is refused such instructions before this).
   */
  ElementInstance createProcessInstance(Definition d, Map<String, Object> variables,
      long callerKey, Consumer<ElementInstance> created, Consumer<ElementInstance> start) {
    ElementInstance root = new ElementInstance();
    root.key = state.newKey();
    root.processInstanceKey = root.key;
    root.processDefinitionKey = d.key;
    root.bpmnProcessId = d.bpmnProcessId;
    root.version = d.version;
    root.elementId = d.bpmnProcessId;
    root.variables = new LinkedHashMap<>(variables);
    root.callerElementInstanceKey = callerKey;
    state.addElement(root, null);
    created.accept(root);
    start.accept(root);
    return root;
  }

  /**
   * Opens the process's event sub-processes and, the first time, activates its start element.
   * Called when the instance is created (or its start listeners are done) and again when an
   * incident on opening the event sub-processes is resolved (then the start element already ran).
   */
  void beginProcess(ElementInstance root, Node rootNode) {
    try {
      engine.eventSubProcesses.open(root, rootNode);
    } catch (IncidentException | Feel.FeelException e) {
      // the instance runs on; resolving the incident opens the event sub-processes again
      engine.incidents.raise(root, e instanceof IncidentException i ? i.type
          : IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), Retry.ACTIVATE);
      root.phase = Phase.ACTIVE;
      state.save(root);
    }
    String startId = root.startElementId;
    if (startId != null) {
      root.startElementId = null;
      activate(state.model(root).node(startId), root);
    }
  }

  /** A new element instance in a scope, not yet activated. */
  ElementInstance create(Node node, ElementInstance scope, Role role) {
    ElementInstance ei = new ElementInstance();
    ei.key = state.newKey();
    ei.processInstanceKey = scope.processInstanceKey;
    ei.parentKey = scope.key;
    ei.processDefinitionKey = scope.processDefinitionKey;
    ei.bpmnProcessId = scope.bpmnProcessId;
    ei.version = scope.version;
    ei.elementId = node.id;
    ei.mi = role;
    state.addElement(ei, scope);
    return ei;
  }

  /** Creates and activates an element in a scope (a multi-instance body when it loops). */
  void activate(Node node, ElementInstance scope) {
    start(create(node, scope, node.loop != null ? Role.BODY : Role.PLAIN));
  }

  /** Activates an element: input mappings, boundary events, then its behaviour. */
  void start(ElementInstance ei) {
    Node n = state.node(ei);
    depth++;
    try {
      engine.events.close(ei);
      ei.phase = Phase.ACTIVE;
      state.save(ei);
      if (depth > MAX_STEPS_WITHOUT_WAIT) {
        throw new IncidentException(IncidentType.UNKNOWN, "More than "
            + MAX_STEPS_WITHOUT_WAIT + " elements were activated in a row without reaching a"
            + " wait state (a loop of sequence flows without a task or event that waits?);"
            + " cancel the instance, or resolve the incident to go on for as many again.");
      }
      if (ei.mi == Role.BODY) {
        engine.multiInstance.activate(ei, n);
        return;
      }
      if (n.kind != Kind.PROCESS) {
        engine.variables.applyInputs(ei, n);
      }
      if (engine.executionListeners.beginStart(ei, n)) {
        return; // goes on in resumeActivation once its start listeners' jobs are completed
      }
      openWaitsAndActivate(ei, n);
    } catch (IncidentException e) {
      engine.incidents.raise(ei, e.type, e.getMessage(), Retry.ACTIVATE);
    } catch (Feel.FeelException e) {
      engine.incidents.raise(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
          Retry.ACTIVATE);
    } finally {
      depth--;
    }
  }

  private void openWaitsAndActivate(ElementInstance ei, Node n) {
    if (!n.boundaries.isEmpty() && ei.mi != Role.INNER) {
      engine.events.open(ei, boundaryEventsOf(ei, n));
    }
    engine.behaviors.of(n).activate(ei, n);
  }

  /** The element's start listeners are done: its boundary events open and its work runs. */
  void resumeActivation(ElementInstance ei) {
    try {
      openWaitsAndActivate(ei, state.node(ei));
    } catch (IncidentException e) {
      engine.incidents.raise(ei, e.type, e.getMessage(), Retry.ACTIVATE);
    } catch (Feel.FeelException e) {
      engine.incidents.raise(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
          Retry.ACTIVATE);
    }
  }

  /** The boundary events an element waits on (error boundaries catch, they do not wait). */
  List<Node> boundaryEventsOf(ElementInstance ei, Node n) {
    ProcessModel model = state.model(ei);
    List<Node> out = new ArrayList<>();
    for (String b : n.boundaries) {
      Node bn = model.node(b);
      if (bn.trigger != Trigger.ERROR && bn.trigger != Trigger.ESCALATION) {
        out.add(bn);
      }
    }
    return out;
  }

  /** Completes an element and moves on; taken is the chosen flow of an exclusive gateway. */
  void complete(ElementInstance ei, Flow taken) {
    if (ei.done) {
      return;
    }
    Node n = state.node(ei);
    ElementInstance scope = state.parent(ei);
    try {
      ei.phase = Phase.COMPLETING;
      if (ei.mi == Role.BODY) {
        engine.multiInstance.completingBody(ei, n, scope);
      } else if (n.kind != Kind.PROCESS) {
        engine.variables.applyOutputs(ei, n, scope);
      }
      if (ei.mi != Role.INNER && n.kind != Kind.PROCESS) {
        engine.adHocSubProcesses.completing(ei, n, scope); // output collections
      }
      if (ei.mi == Role.INNER) {
        engine.multiInstance.completingInner(ei, n, scope);
      }
    } catch (Feel.FeelException e) {
      engine.incidents.raise(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
          Retry.COMPLETE);
      return;
    }
    ei.phase = Phase.ACTIVE;
    engine.events.close(ei);
    if (engine.executionListeners.beginEnd(ei, n)) {
      return; // leaves in finishCompletion once its end listeners' jobs are completed
    }
    leave(ei, n, scope, taken);
  }

  /** The element's end listeners are done: it leaves. */
  void finishCompletion(ElementInstance ei) {
    leave(ei, state.node(ei), state.parent(ei), null);
  }

  private void leave(ElementInstance ei, Node n, ElementInstance scope, Flow taken) {
    engine.compensation.completed(ei, n, scope);
    if (ei.mi == Role.INNER) {
      state.removeElement(ei, true);
      engine.multiInstance.innerCompleted(scope, n, ei);
      return;
    }
    if (ei.compensationThrowKey != 0) {
      engine.compensation.handlerCompleted(ei, scope);
      return;
    }
    engine.behaviors.of(n).leave(ei, n, scope, taken, this);
  }

  /** Takes the chosen flow, or all outgoing flows, then leaves the scope. */
  void takeFlowsAndLeave(ElementInstance ei, Node n, ElementInstance scope, Flow taken) {
    if (taken != null) {
      takeFlow(taken, scope);
    } else {
      for (Flow f : n.outgoing) {
        if (ei.done || scope.done) {
          break;
        }
        takeFlow(f, scope);
      }
    }
    state.removeElement(ei, true);
    if (taken == null && n.outgoing.isEmpty() && scope != null && !scope.done
        && state.node(scope).kind == Kind.AD_HOC_SUB_PROCESS) {
      engine.adHocSubProcesses.pathEnded(scope); // a path inside an ad-hoc sub-process ended
    }
    scopeMayBeDone(scope);
  }

  void takeFlow(Flow f, ElementInstance scope) {
    Node target = state.model(scope).node(f.target());
    if (engine.behaviors.of(target).admits(scope, target, f)) {
      activate(target, scope);
    }
  }

  /** A scope whose last child ended may complete (a process, a sub-process). */
  void scopeMayBeDone(ElementInstance scope) {
    if (scope != null && !scope.done && !scope.joinTokens.isEmpty()) {
      engine.inclusiveGateways.rejoin(scope); // a branch ended: a waiting join may go on
    }
    if (scope == null || scope.done || scope.activeChildren > 0 || !scope.joinTokens.isEmpty()
        || scope.mi == Role.BODY) {
      return; // multi-instance bodies complete through their inner instances
    }
    Node n = state.node(scope);
    engine.behaviors.of(n).childrenEnded(scope, n);
  }

  /** Terminates an element and everything below it; no flows are taken. */
  void terminate(ElementInstance ei) {
    if (ei == null || ei.done) {
      return;
    }
    for (ElementInstance child : state.childrenOf(ei)) {
      terminate(child);
    }
    engine.events.close(ei);
    engine.behaviors.of(state.node(ei)).terminate(ei);
    state.removeElement(ei, false);
  }

  /** Terminates every child of a scope but one (which may be null). */
  void terminateChildren(ElementInstance scope, ElementInstance except) {
    for (ElementInstance child : state.childrenOf(scope)) {
      if (child != except) {
        terminate(child);
      }
    }
  }
}
