package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event-based gateways: wait on the events of the catch events after them; the first that
 * happens completes that catch event and ends the gateway.
 */
final class EventBasedGatewayBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  EventBasedGatewayBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    ProcessModel model = engine.state.model(ei);
    List<Node> targets = new ArrayList<>();
    for (Flow f : n.outgoing) {
      targets.add(model.node(f.target()));
    }
    engine.events.open(ei, targets);
  }

  @Override
  public void onEvent(ElementInstance gateway, Node target, Map<String, Object> payload) {
    ElementInstance scope = engine.state.parent(gateway);
    engine.events.close(gateway);
    ElementInstance event = engine.lifecycle.create(target, scope, Role.PLAIN);
    engine.state.removeElement(gateway, true);
    engine.variables.applyPayload(event, payload);
    engine.lifecycle.complete(event, null);
  }
}
