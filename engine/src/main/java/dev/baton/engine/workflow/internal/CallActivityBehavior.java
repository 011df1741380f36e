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
    Map<String, Object> vars = n.propagateAllParentVariables ? engine.variables.visible(ei)
        : new LinkedHashMap<>(ei.variables);
    // known before the child runs: what it throws at once may terminate this call activity
    engine.lifecycle.createProcessInstance(d, vars, d.model.root().noneStart, ei.key, child -> {
      ei.calledInstanceKey = child.key;
      engine.state.save(ei);
    });
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
