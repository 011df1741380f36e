package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;

/**
 * Elements that complete as soon as they are activated: none start events, undefined and manual
 * tasks, none intermediate throw events.
 */
final class PassThroughBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  PassThroughBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.lifecycle.complete(ei, null);
  }
}
