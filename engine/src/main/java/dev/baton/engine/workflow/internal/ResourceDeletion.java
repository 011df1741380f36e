package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Subscription;
import dev.baton.engine.workflow.internal.State.Timer;
import java.util.ArrayList;

/**
 * DeleteResource for process definitions, as Zeebe 8.8 documents it: refused while the version
 * has running process instances; a deleted version can no longer be started (NOT_FOUND) and its
 * number is never reused; when the latest version is deleted, the previous one becomes the
 * latest, and its timer, message and signal start events are opened again.
 */
final class ResourceDeletion {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  ResourceDeletion(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  Outcome<Long> delete(long resourceKey) {
    Definition d = state.definitions.get(resourceKey);
    if (d == null) {
      return Outcome.refused(Refusal.notFound("Command 'DELETE' rejected with code"
          + " 'NOT_FOUND': Expected to delete resource but no resource found with key `"
          + resourceKey + "`"));
    }
    for (ElementInstance ei : state.elements.values()) {
      if (ei.parentKey == 0 && ei.processDefinitionKey == d.key) {
        return Outcome.refused(Refusal.invalidState("Command 'DELETE' rejected with code"
            + " 'INVALID_STATE': Expected to delete resource with key `" + d.key + "` but there"
            + " are still running instances (for example process instance '" + ei.key + "' of"
            + " '" + d.bpmnProcessId + "' version " + d.version + "). Cancel them or let them"
            + " complete first."));
      }
    }
    boolean wasLatest = state.latest(d.bpmnProcessId) == d;
    state.removeDefinition(d);
    if (wasLatest) {
      closeStartEvents(d);
      Definition latest = state.latest(d.bpmnProcessId);
      if (latest != null) {
        engine.events.openStartEvents(latest, null);
      }
    }
    return Outcome.accepted(resourceKey);
  }

  private void closeStartEvents(Definition d) {
    for (Subscription s : new ArrayList<>(state.subscriptions.values())) {
      if (s.processInstanceKey == 0 && s.processDefinitionKey == d.key) {
        state.removeSubscription(s);
      }
    }
    for (Timer t : new ArrayList<>(state.timers.values())) {
      if (t.processInstanceKey == 0 && t.processDefinitionKey == d.key) {
        state.removeTimer(t);
      }
    }
  }
}
