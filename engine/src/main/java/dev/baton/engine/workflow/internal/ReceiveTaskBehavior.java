package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Receive tasks: an activity that waits for its message (name and correlation key, evaluated
 * when it is entered, like an intermediate message catch event); the message's variables are
 * merged as a job's would be. Its boundary events are opened by the lifecycle.
 */
final class ReceiveTaskBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ReceiveTaskBehavior(WorkflowEngineCore engine) {
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
