package dev.baton.engine.workflow.internal;

import java.util.List;
import java.util.Map;

/**
 * A job handed to a worker, with the variables it asked for; a user task listener's job also
 * carries its task as the transition sees it (else userTask is null).
 */
public record JobActivation(long key, String type, long processInstanceKey, String bpmnProcessId,
    int processDefinitionVersion, long processDefinitionKey, String elementId,
    long elementInstanceKey, Map<String, String> customHeaders, String worker, int retries,
    long deadline, Map<String, Object> variables, String kind, String listenerEventType,
    UserTaskProperties userTask) {

  /** A task listener job's view of its user task, as Zeebe's {@code userTask} property. */
  public record UserTaskProperties(long userTaskKey, String action, String assignee,
      List<String> candidateGroups, List<String> candidateUsers, List<String> changedAttributes,
      String dueDate, String followUpDate, int priority) {
    public UserTaskProperties {
      candidateGroups = List.copyOf(candidateGroups);
      candidateUsers = List.copyOf(candidateUsers);
      changedAttributes = List.copyOf(changedAttributes);
    }
  }
}
