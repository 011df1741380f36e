package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Compensation as Zeebe 8.8 runs it. Each scope remembers its completed activities that have a
 * compensation boundary event (once per completion; a multi-instance activity once, when its
 * body completes); a completed embedded sub-process hands what its own scope remembered to its
 * parent, so compensation reaches nested sub-processes but not child processes of call
 * activities. A compensation intermediate throw or end event invokes the handlers of all of them
 * in its scope (or of the one its {@code activityRef} names) at once, most recently completed
 * first, each handler once per completion, and waits until they have all completed; with
 * nothing to compensate it completes at once. Active and terminated activities are not
 * compensated, and an activity is compensated only once.
 */
final class CompensationBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  CompensationBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** A compensation throw or end event: invoke the handlers, wait for them. */
  @Override
  public void activate(ElementInstance ei, Node n) {
    ElementInstance scope = engine.state.parent(ei);
    List<Node> handlers = new ArrayList<>();
    ProcessModel model = engine.state.model(ei);
    List<String> done = scope.compensable;
    if (done != null) {
      for (int i = done.size() - 1; i >= 0; i--) {
        String activity = done.get(i);
        if (n.compensateActivity == null || n.compensateActivity.equals(activity)) {
          handlers.add(model.node(model.node(activity).compensationHandler));
          done.remove(i);
        }
      }
      if (done.isEmpty()) {
        scope.compensable = null;
      }
      engine.state.save(scope);
    }
    if (handlers.isEmpty()) {
      engine.lifecycle.complete(ei, null); // nothing to compensate
      return;
    }
    List<ElementInstance> created = new ArrayList<>();
    for (Node h : handlers) {
      ElementInstance handler = engine.lifecycle.create(h, scope,
          h.loop != null ? Role.BODY : Role.PLAIN);
      handler.compensationThrowKey = ei.key;
      created.add(handler);
    }
    ei.compensationPending = created.size();
    engine.state.save(ei);
    for (ElementInstance handler : created) {
      if (ei.done || scope.done) {
        return;
      }
      if (!handler.done) {
        engine.lifecycle.start(handler);
      }
    }
  }

  /**
   * An element completed and leaves: a scope remembers it when it has a compensation handler,
   * and what a completed sub-process (or multi-instance body) remembered moves up with it.
   */
  void completed(ElementInstance ei, Node n, ElementInstance scope) {
    if (scope == null || ei.compensationThrowKey != 0) {
      return;
    }
    boolean own = n.compensationHandler != null && ei.mi != Role.INNER;
    if (ei.compensable == null && !own) {
      return;
    }
    List<String> into = scope.compensable == null ? new ArrayList<>() : scope.compensable;
    if (ei.compensable != null) {
      into.addAll(ei.compensable);
    }
    if (own) {
      into.add(n.id);
    }
    scope.compensable = into;
    engine.state.save(scope);
  }

  /** A compensation handler completed: its throw event completes with the last of them. */
  void handlerCompleted(ElementInstance handler, ElementInstance scope) {
    engine.state.removeElement(handler, true);
    ElementInstance thrower = engine.state.element(handler.compensationThrowKey);
    if (thrower != null && !thrower.done) {
      thrower.compensationPending--;
      engine.state.save(thrower);
      if (thrower.compensationPending <= 0) {
        engine.lifecycle.complete(thrower, null);
      }
    }
    engine.lifecycle.scopeMayBeDone(scope);
  }
}
