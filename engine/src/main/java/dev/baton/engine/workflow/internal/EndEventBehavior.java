package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Retry;
import java.util.Map;

/**
 * End events: none, terminate (ends its scope's other elements), error (thrown upward), and
 * signal and escalation (thrown as {@link ThrowEventBehavior} throws them, then the path ends).
 */
final class EndEventBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  EndEventBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    if (n.trigger == Trigger.TERMINATE) {
      ElementInstance scope = engine.state.parent(ei);
      engine.lifecycle.terminateChildren(scope, ei);
      scope.joinTokens.clear();
      engine.state.save(scope);
      engine.lifecycle.complete(ei, null);
    } else if (n.trigger == Trigger.ERROR) {
      if (!engine.boundaryEvents.throwError(engine.state.parent(ei), n.errorCode, Map.of())) {
        engine.incidents.raise(ei, IncidentType.UNHANDLED_ERROR_EVENT, "Expected to throw an"
            + " error event with the code '" + n.errorCode + "', but it was not caught. No error"
            + " events are available in the scope.", Retry.ACTIVATE);
      }
    } else if (n.trigger == Trigger.SIGNAL || n.trigger == Trigger.ESCALATION) {
      engine.behaviors.throwEvents().activate(ei, n);
    } else {
      engine.lifecycle.complete(ei, null);
    }
  }
}
