package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Script tasks with {@code zeebe:script}: the engine evaluates the FEEL expression in the
 * task's scope and completes the task with the result in {@code resultVariable} (merged as a
 * job's variables would be, so output mappings can pick it up). A failing expression is an
 * EXTRACT_VALUE_ERROR incident (raised by the lifecycle); resolving it evaluates again.
 */
final class ScriptTaskBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ScriptTaskBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    Object result = engine.feel.evaluate(n.scriptExpression, engine.variables.visible(ei));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(n.resultVariable, result);
    engine.variables.applyPayload(ei, payload);
    engine.lifecycle.complete(ei, null);
  }
}
