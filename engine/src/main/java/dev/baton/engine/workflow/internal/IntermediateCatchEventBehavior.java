package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Intermediate message, timer and signal catch events, and receive tasks (an activity waiting
 * for its message; the lifecycle opens its boundary events): wait, then complete with the
 * payload, merged as a job's variables would be.
 */
final class IntermediateCatchEventBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  IntermediateCatchEventBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.events.open(ei, List.of(n));
  }

  @Override
  public void onEvent(ElementInstance owner, Node target, Map<String, Object> payload) {
    engine.events.close(owner);
    engine.variables.applyPayload(owner, payload);
    engine.lifecycle.complete(owner, null);
  }
}
