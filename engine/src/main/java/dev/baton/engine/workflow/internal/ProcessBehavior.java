package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process itself, the root scope: it is started at a start event (see
 * {@link ElementLifecycle#createProcessInstance}), completes when nothing is left in it, and
 * then resumes the call activity that called it.
 */
final class ProcessBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  ProcessBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    // reached once the process's start listeners are done, or when an incident on opening its
    // event sub-processes' start events is resolved
    engine.lifecycle.beginProcess(ei, n);
  }

  @Override
  public void childrenEnded(ElementInstance scope, Node n) {
    engine.lifecycle.complete(scope, null);
  }

  @Override
  public void leave(ElementInstance root, Node n, ElementInstance scope, Flow taken,
      ElementLifecycle lifecycle) {
    Map<String, Object> vars = new LinkedHashMap<>(root.variables);
    engine.state.removeElement(root, true);
    engine.processCompleted(root.key, vars);
    if (root.callerElementInstanceKey != 0) {
      ElementInstance call = engine.state.element(root.callerElementInstanceKey);
      if (call != null && !call.done) {
        engine.callActivities.calledProcessCompleted(call, vars);
      }
    }
  }
}
