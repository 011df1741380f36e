package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;

/**
 * Job-based tasks (service and send tasks): activating creates a job for workers; the job's
 * completion completes the task (see {@link Jobs#complete}). Its job is cancelled with the
 * element's other waits.
 */
final class JobTaskBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  JobTaskBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    engine.jobs.create(ei, n);
  }
}
