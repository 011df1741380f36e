package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.DueKind;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobKind;
import dev.baton.engine.workflow.internal.State.JobState;
import dev.baton.engine.workflow.internal.State.ListenerEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Jobs for workers: created by job-based tasks, activated, completed, failed, timed out. */
final class Jobs {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  Jobs(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  /** Creates the job of a job-based task; bad type or retries expressions are incidents. */
  void create(ElementInstance ei, Node n) {
    create(ei, n.id, n.jobType, n.retries, n.headers, JobKind.BPMN_ELEMENT, null);
  }

  /** Creates a job of an element: its own, or an execution listener's. */
  void create(ElementInstance ei, String elementId, String jobType, String retriesExpression,
      Map<String, String> headers, JobKind kind, ListenerEvent listenerEvent) {
    Map<String, Object> vars = engine.variables.visible(ei);
    Object type = engine.feel.evaluate(jobType, vars);
    String what = listenerEvent == null ? "the job type of '" + elementId + "'"
        : "the job type of the " + listenerEvent.name().toLowerCase()
            + (kind == JobKind.TASK_LISTENER ? " task listener '" : " execution listener '")
            + jobType + "' of '" + elementId + "'";
    if (!(type instanceof String t) || t.isBlank()) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected " + what
          + " to be a non-empty string, but it was " + Feel.describe(type));
    }
    Object retries = engine.feel.evaluate(retriesExpression, vars);
    int r;
    try {
      r = retries instanceof Number num ? num.intValue() : Integer.parseInt(
          String.valueOf(retries).trim());
    } catch (NumberFormatException e) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the retries of '"
          + elementId + "' to be a number, but it was " + Feel.describe(retries));
    }
    Job j = new Job();
    j.key = state.newKey();
    j.type = t;
    j.processInstanceKey = ei.processInstanceKey;
    j.elementInstanceKey = ei.key;
    j.processDefinitionKey = ei.processDefinitionKey;
    j.bpmnProcessId = ei.bpmnProcessId;
    j.version = ei.version;
    j.elementId = ei.elementId;
    j.retries = r;
    j.headers.putAll(headers);
    j.kind = kind;
    j.listenerEvent = listenerEvent;
    state.addJob(j);
    ei.jobKey = j.key;
    state.save(ei);
    makeActivatable(j);
  }

  void makeActivatable(Job j) {
    j.state = JobState.ACTIVATABLE;
    j.worker = "";
    j.deadline = 0;
    state.save(j);
    state.ready(j);
    engine.jobsAvailable(j.type);
  }

  /** Marks a job activated by a worker until now + timeout. */
  void activate(Job j, String worker, long timeoutMs) {
    state.unready(j);
    j.state = JobState.ACTIVATED;
    j.worker = worker;
    j.deadline = state.now() + Math.max(0, timeoutMs);
    state.save(j);
    state.due(j.deadline, DueKind.JOB_TIMEOUT, j.key);
  }

  /** Activates up to max activatable jobs of a type, oldest first. */
  List<JobActivation> activateNext(String type, int max, String worker, long timeoutMs,
      List<String> fetchVariables) {
    List<JobActivation> out = new ArrayList<>();
    Set<Long> ready = state.activatable.get(type);
    if (ready == null) {
      return out;
    }
    for (Iterator<Long> it = ready.iterator(); it.hasNext() && out.size() < max; ) {
      Job j = state.jobs.get(it.next());
      it.remove();
      if (j != null) {
        out.add(activation(j, worker, timeoutMs, fetchVariables));
      }
    }
    return out;
  }

  boolean hasActivatable(String type) {
    Set<Long> ready = state.activatable.get(type);
    return ready != null && !ready.isEmpty();
  }

  private JobActivation activation(Job j, String worker, long timeoutMs, List<String> fetch) {
    activate(j, worker, timeoutMs);
    Map<String, Object> vars = engine.variables.visible(state.element(j.elementInstanceKey));
    if (!fetch.isEmpty()) {
      Map<String, Object> f = new LinkedHashMap<>();
      for (String name : fetch) {
        if (vars.containsKey(name)) {
          f.put(name, vars.get(name));
        }
      }
      vars = f;
    }
    return new JobActivation(j.key, j.type, j.processInstanceKey, j.bpmnProcessId, j.version,
        j.processDefinitionKey, j.elementId, j.elementInstanceKey, j.headers, worker, j.retries,
        j.deadline, vars, j.kind.name(),
        j.listenerEvent == null ? "UNSPECIFIED" : j.listenerEvent.name(),
        j.kind == JobKind.TASK_LISTENER ? engine.userTasks.listenerView(j) : null);
  }

  /** Gives an activated job back at once (its worker went away) unless it changed since. */
  void giveBack(long jobKey, long deadline) {
    Job j = state.jobs.get(jobKey);
    if (j != null && j.state == JobState.ACTIVATED && j.deadline == deadline) {
      makeActivatable(j);
    }
  }

  /** A job's time-out or retry back-off fell due. */
  void due(DueKind kind, long key, long at) {
    Job j = state.jobs.get(key);
    if (j == null) {
      return;
    }
    if (kind == DueKind.JOB_TIMEOUT && j.state == JobState.ACTIVATED && j.deadline == at) {
      makeActivatable(j); // timed out: another worker may take it
    } else if (kind == DueKind.JOB_RETRY && j.state == JobState.FAILED && j.retries > 0
        && j.retryAt == at) {
      makeActivatable(j);
    }
  }

  /** Fails a job: retries left (maybe after a back-off) or an incident. */
  void fail(Job j, int retries, String message, long backOffMs) {
    j.retries = retries;
    j.errorMessage = message == null ? "" : message;
    j.worker = "";
    j.deadline = 0;
    if (retries > 0 && backOffMs <= 0) {
      makeActivatable(j);
      return;
    }
    j.state = JobState.FAILED;
    state.unready(j);
    if (retries > 0) {
      j.retryAt = state.now() + backOffMs;
      state.due(j.retryAt, DueKind.JOB_RETRY, j.key);
      state.save(j);
      return;
    }
    state.save(j);
    engine.incidents.raiseForJob(j, IncidentType.JOB_NO_RETRIES,
        message == null || message.isBlank() ? "No more retries left." : message, null);
  }

  /**
   * Completes a job with the worker's variables and result (null: none): its element completes,
   * or the listener or ad-hoc sub-process it serves goes on. The result was checked before.
   */
  void complete(Job j, Map<String, Object> variables, JobResult result) {
    state.removeJob(j);
    ElementInstance ei = state.element(j.elementInstanceKey);
    ei.jobKey = 0;
    if (j.kind == JobKind.EXECUTION_LISTENER) {
      engine.executionListeners.jobCompleted(ei, j.listenerEvent, variables);
      return;
    }
    if (j.kind == JobKind.TASK_LISTENER) {
      state.save(ei);
      engine.userTasks.listenerCompleted(ei, result instanceof JobResult.UserTask u ? u
          : new JobResult.UserTask(false, null, null));
      return;
    }
    if (j.kind == JobKind.AD_HOC_SUB_PROCESS) {
      engine.adHocSubProcesses.jobCompleted(ei, variables, result
          instanceof JobResult.AdHocSubProcess a ? a : new JobResult.AdHocSubProcess(null,
              false, false));
      return;
    }
    engine.variables.applyPayload(ei, variables);
    engine.lifecycle.complete(ei, null);
  }

  /** Creates an incident for an error thrown by a job that nothing caught. */
  void errorNotCaught(Job j, String code, String message) {
    j.state = JobState.ERROR_THROWN;
    j.errorMessage = message == null ? "" : message;
    state.unready(j);
    state.save(j);
    engine.incidents.raiseForJob(j, IncidentType.UNHANDLED_ERROR_EVENT, "Expected to throw an"
        + " error event with the code '" + code + "' with message '"
        + (message == null ? "" : message) + "', but it was not caught. No error events are"
        + " available in the scope.", code);
  }

  /** Removes a job and its incidents (its element ends or is interrupted). */
  void cancel(Job j) {
    state.removeJob(j);
    for (var i : new ArrayList<>(state.incidents.values())) {
      if (i.jobKey == j.key) {
        state.removeIncident(i);
      }
    }
  }
}
