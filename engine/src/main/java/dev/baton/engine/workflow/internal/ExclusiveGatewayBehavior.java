package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import java.util.Map;

/** Exclusive gateways: the first flow whose condition holds, else the default flow. */
final class ExclusiveGatewayBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ExclusiveGatewayBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.lifecycle.complete(ei, chooseFlow(ei, n));
  }

  private Flow chooseFlow(ElementInstance ei, Node n) {
    if (n.outgoing.size() == 1 && n.outgoing.get(0).condition() == null) {
      return n.outgoing.get(0);
    }
    Map<String, Object> vars = engine.variables.visible(ei);
    for (Flow f : n.outgoing) {
      if (f.condition() != null && !f.id().equals(n.defaultFlow)) {
        boolean ok;
        try {
          ok = engine.feel.condition(f.condition(), vars);
        } catch (Feel.FeelException e) {
          throw new IncidentException(IncidentType.CONDITION_ERROR, e.getMessage()
              + " (sequence flow '" + f.id() + "')");
        }
        if (ok) {
          return f;
        }
      }
    }
    if (n.defaultFlow != null) {
      for (Flow f : n.outgoing) {
        if (f.id().equals(n.defaultFlow)) {
          return f;
        }
      }
    }
    throw new IncidentException(IncidentType.CONDITION_ERROR, "Expected at least one condition"
        + " to evaluate to true, or to have a default flow, at exclusive gateway '" + n.id + "'");
  }
}
