package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;

/**
 * User tasks: activating creates a Camunda user task (or, without {@code zeebe:userTask}, a
 * job of type {@code io.camunda.zeebe:userTask}); the task's completion completes the element
 * (see {@link UserTasks#complete}), after its completing task listeners when it has any. Terminating the element (an interrupting boundary event, a
 * cancelled instance) cancels its task; a job-worker task's job closes with its other waits.
 */
final class UserTaskBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  UserTaskBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.userTasks.create(ei, n);
  }

  @Override
  public void terminate(ElementInstance ei) {
    engine.userTasks.cancel(ei);
  }
}
