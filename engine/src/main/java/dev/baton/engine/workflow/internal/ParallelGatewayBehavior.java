package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;

/**
 * Parallel gateways: a fork takes every outgoing flow; a join is activated once a token has
 * arrived over each incoming flow (the tokens wait in the scope's join tokens).
 */
final class ParallelGatewayBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ParallelGatewayBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public boolean admits(ElementInstance scope, Node n, Flow via) {
    if (n.incoming.size() <= 1) {
      return true;
    }
    scope.joinTokens.merge(ElementInstance.joinKey(n.id, via.id()), 1, Integer::sum);
    engine.state.save(scope);
    for (String in : n.incoming) {
      if (scope.joinTokens.getOrDefault(ElementInstance.joinKey(n.id, in), 0) == 0) {
        return false; // waiting for the other branches
      }
    }
    for (String in : n.incoming) {
      scope.joinTokens.computeIfPresent(ElementInstance.joinKey(n.id, in),
          (k, v) -> v > 1 ? v - 1 : null);
    }
    return true;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.lifecycle.complete(ei, null);
  }
}
