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
  /**
   * Zeebe's lifecycle of a user task, as the REST API names it; the -ING states are transitions
   * waiting for their task listeners.
   */
  enum Lifecycle {
    CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, COMPLETED, CANCELED;

    /** Whether the task is still open (not completed or canceled). */
    boolean open() {
      return this != COMPLETED && this != CANCELED;
    }
  }

  /**
   * A transition waiting for its task listeners, stored with the task: the event, the index of
   * the listener whose job is open, what the task will look like when it is done (the command's
   * changes and the listeners' corrections so far), and what the command carried. A denial
   * drops it and leaves the task as it was.
   */
  static final class Transition {
    State.ListenerEvent event;
    int index;
    /** The command's action as Zeebe names it: assign, claim, unassign, update, complete. */
    String action = "";
    /** The attributes the command changes (for the listener jobs' changedAttributes). */
    List<String> changed = new ArrayList<>();
    String assignee;
    List<String> candidateGroups = new ArrayList<>();
    List<String> candidateUsers = new ArrayList<>();
    String dueDate;
    String followUpDate;
    int priority;
    /** The completion's variables. */
    Map<String, Object> variables = new LinkedHashMap<>();
  }

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
  /** The transition waiting for task listeners, or null. */
  Transition transition;

  @Override
  public long key() {
    return key;
  }

  @Override
  public State.Table table() {
    return State.Table.USER_TASK;
  }
}
