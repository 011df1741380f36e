package dev.baton.engine.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}), stored as JSON in {@code wf_user_task}. Unlike
 * the other entities its row stays when it ends (state {@code COMPLETED} or {@code CANCELED}):
 * the user-task search reads ended tasks too. Only open tasks are held in memory.
 */
final class UserTask implements State.Entity {
  /** Zeebe's lifecycle of a user task, as the REST API names it. */
  enum Lifecycle { CREATED, COMPLETED, CANCELED }

  long key;
  Lifecycle state = Lifecycle.CREATED;
  long processInstanceKey;
  long elementInstanceKey;
  long processDefinitionKey;
  String bpmnProcessId;
  int version;
  String elementId;
  String name;
  String assignee;
  List<String> candidateGroups = new ArrayList<>();
  List<String> candidateUsers = new ArrayList<>();
  /** ISO-8601 date-times with offset, or null. */
  String dueDate;
  String followUpDate;
  int priority;
  String formKey;
  String formId;
  String externalFormReference;
  Map<String, String> customHeaders = new LinkedHashMap<>();
  /** Epoch millis. */
  long createdAt;
  /** Epoch millis when it completed or was canceled; 0 while open. */
  long endedAt;

  @Override
  public long key() {
    return key;
  }

  @Override
  public State.Table table() {
    return State.Table.USER_TASK;
  }
}
