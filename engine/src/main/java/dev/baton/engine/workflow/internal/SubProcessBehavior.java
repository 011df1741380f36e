package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;

/**
 * Embedded sub-processes: a scope started at its none start event (its event sub-processes'
 * start events open first), done when it is empty.
 */
final class SubProcessBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  SubProcessBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.eventSubProcesses.open(ei, n);
    engine.lifecycle.activate(engine.state.model(ei).node(n.noneStart), ei);
  }

  @Override
  public void childrenEnded(ElementInstance scope, Node n) {
    engine.lifecycle.complete(scope, null);
  }
}
