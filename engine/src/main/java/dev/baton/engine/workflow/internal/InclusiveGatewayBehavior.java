package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inclusive gateways, as Zeebe documents them. A fork takes every outgoing flow whose condition
 * is true, else the default flow; none and no default is a CONDITION_ERROR incident. A join
 * (several incoming flows) keeps the tokens that arrived in its scope's join tokens and is
 * activated once every incoming flow has a token, or once no active element of the scope has a
 * path to an incoming flow that has none. It is checked again whenever an element of the scope
 * ends, since the branch that ended may have been the last that could still arrive.
 */
final class InclusiveGatewayBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;
  /** The flows a fork chose, from its activation to its leaving (within one command). */
  private final Map<Long, List<Flow>> chosen = new HashMap<>();

  InclusiveGatewayBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public boolean admits(ElementInstance scope, Node n, Flow via) {
    if (n.incoming.size() <= 1) {
      return true;
    }
    scope.joinTokens.merge(ElementInstance.joinKey(n.id, via.id()), 1, Integer::sum);
    engine.state.save(scope);
    return consumeIfReady(scope, n);
  }

  /** Activates the joins of a scope that no longer wait for anything (a branch ended). */
  void rejoin(ElementInstance scope) {
    ProcessModel model = engine.state.model(scope);
    Set<String> gateways = new HashSet<>();
    for (String key : scope.joinTokens.keySet()) {
      String id = key.substring(0, key.indexOf('|'));
      Node g = model.node(id);
      if (g != null && g.kind == Kind.INCLUSIVE_GATEWAY) {
        gateways.add(id);
      }
    }
    for (String id : gateways) {
      Node g = model.node(id);
      if (!scope.done && consumeIfReady(scope, g)) {
        engine.lifecycle.activate(g, scope);
      }
    }
  }

  private boolean consumeIfReady(ElementInstance scope, Node n) {
    List<String> missing = new ArrayList<>();
    boolean any = false;
    for (String in : n.incoming) {
      if (scope.joinTokens.getOrDefault(ElementInstance.joinKey(n.id, in), 0) == 0) {
        missing.add(in);
      } else {
        any = true;
      }
    }
    if (!any || !missing.isEmpty() && canStillArrive(scope, n, missing)) {
      return false;
    }
    for (String in : n.incoming) {
      scope.joinTokens.computeIfPresent(ElementInstance.joinKey(n.id, in),
          (k, v) -> v > 1 ? v - 1 : null);
    }
    engine.state.save(scope);
    return true;
  }

  /** Whether an active element of the scope has a path to one of the flows. */
  private boolean canStillArrive(ElementInstance scope, Node gateway, List<String> flowIds) {
    ProcessModel model = engine.state.model(scope);
    Set<String> reaching = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String f : flowIds) {
      todo.add(model.flows.get(f).source());
    }
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (id.equals(gateway.id) || !reaching.add(id)) {
        continue; // a path through the join itself does not count
      }
      Node node = model.node(id);
      for (String in : node.incoming) {
        todo.add(model.flows.get(in).source());
      }
      if (node.kind == Kind.BOUNDARY_EVENT && node.attachedTo != null) {
        todo.add(node.attachedTo);
      }
    }
    for (ElementInstance child : engine.state.childrenOf(scope)) {
      if (reaching.contains(child.elementId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    chosen.put(ei.key, chooseFlows(ei, n));
    engine.lifecycle.complete(ei, null);
  }

  @Override
  public void leave(ElementInstance ei, Node n, ElementInstance scope, Flow taken,
      ElementLifecycle lifecycle) {
    List<Flow> flows = chosen.remove(ei.key);
    if (flows == null) {
      flows = chooseFlows(ei, n); // completed again after an incident
    }
    for (Flow f : flows) {
      if (ei.done || scope.done) {
        break;
      }
      lifecycle.takeFlow(f, scope);
    }
    engine.state.removeElement(ei, true);
    lifecycle.scopeMayBeDone(scope);
  }

  @Override
  public void terminate(ElementInstance ei) {
    chosen.remove(ei.key);
  }

  private List<Flow> chooseFlows(ElementInstance ei, Node n) {
    if (n.outgoing.size() == 1 && n.outgoing.get(0).condition() == null) {
      return List.of(n.outgoing.get(0));
    }
    Map<String, Object> vars = engine.variables.visible(ei);
    List<Flow> out = new ArrayList<>();
    for (Flow f : n.outgoing) {
      if (f.condition() != null && !f.id().equals(n.defaultFlow)) {
        try {
          if (engine.feel.condition(f.condition(), vars)) {
            out.add(f);
          }
        } catch (Feel.FeelException e) {
          throw new IncidentException(IncidentType.CONDITION_ERROR, e.getMessage()
              + " (sequence flow '" + f.id() + "')");
        }
      }
    }
    if (out.isEmpty() && n.defaultFlow != null) {
      for (Flow f : n.outgoing) {
        if (f.id().equals(n.defaultFlow)) {
          out.add(f);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IncidentException(IncidentType.CONDITION_ERROR, "Expected at least one"
          + " condition to evaluate to true, or to have a default flow, at inclusive gateway '"
          + n.id + "'");
    }
    return out;
  }
}
