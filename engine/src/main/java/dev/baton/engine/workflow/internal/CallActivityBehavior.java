package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Call activities: start the latest version of the called process as a child instance, and
 * complete with its variables when it completes; terminating one terminates the child.
 */
final class CallActivityBehavior implements ElementBehavior {
  /** The deepest chain of called process instances, as Zeebe's default maximum depth. */
  static final int MAX_CALL_DEPTH = 1000;
  private final WorkflowEngineCore engine;

  CallActivityBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    Object id = engine.feel.evaluate(n.calledProcessId, engine.variables.visible(ei));
    Definition d = id instanceof String s ? engine.state.latest(s) : null;
    if (d == null) {
      throw new IncidentException(IncidentType.CALLED_ELEMENT_ERROR, "Expected process with"
          + " BPMN process id '" + id + "' to be deployed, but not found.");
    }
    if (d.model.root().noneStart == null) {
      throw new IncidentException(IncidentType.CALLED_ELEMENT_ERROR, "Expected process with"
          + " BPMN process id '" + id + "' to have a none start event, but not found.");
    }
    if (callDepth(ei) >= MAX_CALL_DEPTH) {
      throw new IncidentException(IncidentType.CALLED_ELEMENT_ERROR, "Expected to call process '"
          + id + "', but the depth of nested called process instances reached its limit of "
          + MAX_CALL_DEPTH + " (a cycle of call activities?).");
    }
    Map<String, Object> vars = n.propagateAllParentVariables ? engine.variables.visible(ei)
        : new LinkedHashMap<>(ei.variables);
    // known before the child runs: what it throws at once may terminate this call activity
    engine.lifecycle.createProcessInstance(d, vars, d.model.root().noneStart, ei.key, child -> {
      ei.calledInstanceKey = child.key;
      engine.state.save(ei);
    });
  }

  /** How many process instances call one another above this element. */
  private int callDepth(ElementInstance ei) {
    int depth = 1;
    ElementInstance root = engine.state.element(ei.processInstanceKey);
    while (root != null && root.callerElementInstanceKey > 0) {
      ElementInstance caller = engine.state.element(root.callerElementInstanceKey);
      root = caller == null ? null : engine.state.element(caller.processInstanceKey);
      depth++;
    }
    return depth;
  }

  /** The called process instance completed with these variables. */
  void calledProcessCompleted(ElementInstance call, Map<String, Object> variables) {
    call.calledInstanceKey = 0;
    engine.state.save(call);
    Node n = engine.state.node(call);
    engine.variables.applyPayload(call, n.propagateAllChildVariables ? variables : Map.of());
    engine.lifecycle.complete(call, null);
  }

  @Override
  public void terminate(ElementInstance ei) {
    if (ei.calledInstanceKey != 0) {
      ElementInstance called = engine.state.element(ei.calledInstanceKey);
      ei.calledInstanceKey = 0;
      if (called != null) {
        engine.lifecycle.terminate(called);
      }
    }
  }
}
