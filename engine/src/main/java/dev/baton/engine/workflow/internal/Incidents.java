package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Incidents: raised where an element or job cannot go on, resolved by retrying that step. */
final class Incidents {
  private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);

  private final WorkflowEngineCore engine;

  Incidents(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** An incident on an element: it stays in the phase that failed until resolved. */
  void raise(ElementInstance ei, IncidentType type, String message, Retry retry) {
    ei.phase = retry == Retry.ACTIVATE ? Phase.ACTIVATING : Phase.COMPLETING;
    engine.state.save(ei);
    add(ei, type, message, retry, 0, null);
  }

  /** An incident on a job's element: resolving makes the job activatable again. */
  void raiseForJob(Job j, IncidentType type, String message, String errorCode) {
    add(engine.state.element(j.elementInstanceKey), type, message, Retry.JOB, j.key, errorCode);
  }

  private void add(ElementInstance ei, IncidentType type, String message, Retry retry,
      long jobKey, String errorCode) {
    Incident i = new Incident();
    i.key = engine.state.newKey();
    i.errorType = type;
    i.errorMessage = message;
    i.processInstanceKey = ei.processInstanceKey;
    i.elementInstanceKey = ei.key;
    i.elementId = ei.elementId;
    i.retry = retry;
    i.jobKey = jobKey;
    i.errorCode = errorCode;
    engine.state.addIncident(i);
    LOG.info("Incident {} on '{}' of process instance {}: {}", type, ei.elementId,
        ei.processInstanceKey, message);
  }

  /** Resolves an incident: retries what failed. */
  void resolve(Incident i) {
    engine.state.removeIncident(i);
    if (i.retry == Retry.JOB) {
      Job j = engine.state.jobs.get(i.jobKey);
      if (j != null) {
        engine.jobs.makeActivatable(j);
      }
      return;
    }
    ElementInstance ei = engine.state.element(i.elementInstanceKey);
    if (ei == null) {
      return;
    }
    if (i.retry == Retry.COMPLETE) {
      if (ei.mi == Role.BODY && ei.miCompleted < (ei.miItems == null ? 0 : ei.miItems.size())) {
        engine.multiInstance.retryCompletionCondition(ei);
      } else if (ei.mi != Role.BODY
          && engine.state.node(ei).kind == ProcessModel.Kind.AD_HOC_SUB_PROCESS
          && !ei.adHocFulfilled) {
        engine.adHocSubProcesses.retryCompletionCondition(ei); // its completionCondition failed
      } else {
        engine.lifecycle.complete(ei, null);
      }
    } else {
      engine.lifecycle.start(ei);
    }
  }
}
