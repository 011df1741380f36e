package dev.baton.engine.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}) of the embedded engine, open or ended. Job-worker
 * user tasks (without {@code zeebe:userTask}) are jobs, not user tasks, as in Zeebe.
 *
 * @param userTaskKey the key the client's user-task commands take
 * @param state {@code CREATED} while open, then {@code COMPLETED} or {@code CANCELED}
 * @param name the element's name (its id when it has none)
 * @param assignee who it is assigned to, or null
 * @param dueDate an ISO-8601 date-time with offset, or null
 * @param followUpDate an ISO-8601 date-time with offset, or null
 * @param priority 0 to 100 (50 unless the model says otherwise)
 * @param formKey the {@code zeebe:formDefinition} formKey (a custom form key), or null
 * @param formId the id of a linked Camunda form, or null
 * @param externalFormReference an external form's reference, or null
 * @param createdAt when it was created
 * @param endedAt when it completed or was canceled; null while open
 */
public record UserTaskView(long userTaskKey, String state, String name, String elementId,
    long elementInstanceKey, long processInstanceKey, long processDefinitionKey,
    String bpmnProcessId, int processDefinitionVersion, String assignee,
    List<String> candidateGroups, List<String> candidateUsers, String dueDate,
    String followUpDate, int priority, String formKey, String formId,
    String externalFormReference, Map<String, String> customHeaders, Instant createdAt,
    Instant endedAt) {

  /** Copies the collections. */
  public UserTaskView {
    candidateGroups = List.copyOf(candidateGroups);
    candidateUsers = List.copyOf(candidateUsers);
    customHeaders = Map.copyOf(customHeaders);
  }

  /** Whether it still waits for completion. */
  public boolean open() {
    return "CREATED".equals(state);
  }
}
