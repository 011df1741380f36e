package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multi-instance activities: a body over the input collection, with one inner instance per item
 * (all at once, or one after another when sequential). The body hosts the boundary events,
 * collects the output collection and completes when every inner instance has, or when the
 * completion condition holds. The inner instances behave as their element kind does.
 */
final class MultiInstanceBehavior {
  private final WorkflowEngineCore engine;

  MultiInstanceBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Activates a body: evaluates the collection, then starts the first inner instance(s). */
  void activate(ElementInstance body, Node n) {
    Object items = engine.feel.evaluate(n.loop.inputCollection(), engine.variables.visible(body));
    if (!(items instanceof List<?> list)) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the"
          + " inputCollection '" + n.loop.inputCollection() + "' of '" + n.id + "' to be a list,"
          + " but it was " + Feel.describe(items));
    }
    if (!n.boundaries.isEmpty()) {
      engine.events.open(body, engine.lifecycle.boundaryEventsOf(body, n));
    }
    body.miItems = new ArrayList<>(list);
    body.miStarted = 0;
    body.miCompleted = 0;
    if (n.loop.outputCollection() != null) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(null);
      }
      engine.variables.setLocal(body, n.loop.outputCollection(), out);
    }
    engine.state.save(body);
    if (list.isEmpty()) {
      engine.lifecycle.complete(body, null);
      return;
    }
    int first = n.loop.sequential() ? 1 : list.size();
    for (int i = 0; i < first && !body.done; i++) {
      startInner(body, n);
    }
  }

  private void startInner(ElementInstance body, Node n) {
    int index = body.miStarted++;
    engine.state.save(body);
    ElementInstance inner = engine.lifecycle.create(n, body, Role.INNER);
    inner.loopCounter = index + 1;
    inner.variables.put("loopCounter", index + 1);
    if (n.loop.inputElement() != null) {
      inner.variables.put(n.loop.inputElement(), body.miItems.get(index));
    }
    engine.lifecycle.start(inner);
  }

  /** A body completes: its output collection goes to the enclosing scope. */
  void completingBody(ElementInstance body, Node n, ElementInstance scope) {
    if (n.loop.outputCollection() != null && scope != null) {
      engine.variables.propagate(scope, n.loop.outputCollection(),
          body.variables.get(n.loop.outputCollection()));
    }
  }

  /** An inner instance completes: its output element goes into the body's collection. */
  void completingInner(ElementInstance inner, Node n, ElementInstance body) {
    if (n.loop.outputElement() == null) {
      return;
    }
    Object out = engine.feel.evaluate(n.loop.outputElement(), engine.variables.visible(inner));
    @SuppressWarnings("unchecked")
    List<Object> coll = (List<Object>) body.variables.get(n.loop.outputCollection());
    if (coll != null) {
      List<Object> copy = new ArrayList<>(coll);
      while (copy.size() < inner.loopCounter) {
        copy.add(null);
      }
      copy.set(inner.loopCounter - 1, out);
      engine.variables.setLocal(body, n.loop.outputCollection(), copy);
    }
  }

  /** An inner instance left: the body completes, or starts the next (sequential). */
  void innerCompleted(ElementInstance body, Node n, ElementInstance inner) {
    body.miCompleted++;
    engine.state.save(body);
    boolean finished = body.miCompleted >= body.miItems.size();
    if (!finished && n.loop.completionCondition() != null) {
      Map<String, Object> vars = engine.variables.visible(inner);
      vars.put("numberOfInstances", body.miItems.size());
      vars.put("numberOfCompletedInstances", body.miCompleted);
      vars.put("numberOfActiveInstances", body.miStarted - body.miCompleted);
      try {
        finished = engine.feel.condition(n.loop.completionCondition(), vars);
      } catch (Feel.FeelException e) {
        engine.incidents.raise(body, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(),
            Retry.COMPLETE);
        return;
      }
    }
    if (finished) {
      engine.lifecycle.terminateChildren(body, null);
      engine.lifecycle.complete(body, null);
    } else if (n.loop.sequential() && body.miStarted < body.miItems.size()) {
      startInner(body, n);
    }
  }

  /** The completion condition failed with an incident: evaluate it again on the body. */
  void retryCompletionCondition(ElementInstance body) {
    body.miCompleted--;
    innerCompleted(body, engine.state.node(body), body);
  }
}
