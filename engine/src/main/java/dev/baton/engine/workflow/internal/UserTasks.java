package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * User tasks: creating them from a user task element (a Camunda user task, or the job of a
 * job-worker user task with Zeebe's headers), and the commands a task application sends
 * (assign, unassign, update, complete), each checked against the task's state first; a refused
 * command changes nothing. Call the commands only in work
 * {@link WorkflowEngineCore#submit}ted to the engine thread.
 */
public final class UserTasks {
  /** The headers Zeebe sets on the job of a job-worker user task. */
  static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String CANDIDATE_USERS = "io.camunda.zeebe:candidateUsers";
  static final String FORM_KEY = "io.camunda.zeebe:formKey";
  static final String DUE_DATE = "io.camunda.zeebe:dueDate";
  static final String FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";

  private final WorkflowEngineCore engine;
  private final EngineState state;

  UserTasks(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  // ====================================================================== from the element

  /** Creates the task of an activated user task element; bad expressions are incidents. */
  void create(ElementInstance ei, Node n) {
    UserTaskModel.Spec spec = n.userTask;
    Map<String, Object> vars = engine.variables.visible(ei);
    String assignee = text(spec.assignee(), vars, n, "assignee");
    List<String> groups = list(spec.candidateGroups(), vars, n, "candidateGroups");
    List<String> users = list(spec.candidateUsers(), vars, n, "candidateUsers");
    String due = date(spec.dueDate(), vars, n, "dueDate");
    String followUp = date(spec.followUpDate(), vars, n, "followUpDate");
    if (!spec.camunda()) {
      engine.jobs.create(ei, n);
      Job j = state.jobs.get(ei.jobKey);
      putIfSet(j.headers, ASSIGNEE, assignee);
      putIfSet(j.headers, CANDIDATE_GROUPS, groups.isEmpty() ? null : Json.write(groups));
      putIfSet(j.headers, CANDIDATE_USERS, users.isEmpty() ? null : Json.write(users));
      putIfSet(j.headers, FORM_KEY, spec.formKey());
      putIfSet(j.headers, DUE_DATE, due);
      putIfSet(j.headers, FOLLOW_UP_DATE, followUp);
      state.save(j);
      return;
    }
    Object p = engine.feel.evaluate(spec.priority(), vars);
    int priority;
    try {
      priority = p instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
          ? num.intValue() : Integer.parseInt(String.valueOf(p).trim());
    } catch (NumberFormatException e) {
      priority = -1;
    }
    if (priority < 0 || priority > 100) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the priority of"
          + " user task '" + n.id + "' to be an integer in the range [0,100], but it was "
          + Feel.describe(p));
    }
    String external = text(spec.externalReference(), vars, n, "externalReference");
    UserTask t = new UserTask();
    t.key = state.newKey();
    t.processInstanceKey = ei.processInstanceKey;
    t.elementInstanceKey = ei.key;
    t.processDefinitionKey = ei.processDefinitionKey;
    t.bpmnProcessId = ei.bpmnProcessId;
    t.version = ei.version;
    t.elementId = ei.elementId;
    t.name = spec.name();
    t.assignee = assignee;
    t.candidateGroups = groups;
    t.candidateUsers = users;
    t.dueDate = due;
    t.followUpDate = followUp;
    t.priority = priority;
    t.formKey = spec.formKey();
    t.formId = spec.formId();
    t.externalFormReference = external;
    t.customHeaders.putAll(n.headers);
    t.createdAt = state.now();
    state.addUserTask(t);
  }

  /** The element of an open task is terminated (a boundary event, a cancelled instance). */
  void cancel(ElementInstance ei) {
    UserTask t = state.userTaskOfElement.get(ei.key);
    if (t != null) {
      t.state = UserTask.Lifecycle.CANCELED;
      t.endedAt = state.now();
      state.endUserTask(t);
    }
  }

  private static void putIfSet(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  private String text(String expr, Map<String, Object> vars, Node n, String what) {
    if (expr == null) {
      return null;
    }
    Object v = engine.feel.evaluate(expr, vars);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the " + what
          + " of user task '" + n.id + "' to be a string, but it was " + Feel.describe(v));
    }
    return s.isBlank() ? null : s;
  }

  private List<String> list(String expr, Map<String, Object> vars, Node n, String what) {
    List<String> out = new ArrayList<>();
    if (expr == null) {
      return out;
    }
    Object v = engine.feel.evaluate(expr, vars);
    if (v instanceof String s) { // static: comma-separated
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
      return out;
    }
    if (v instanceof Collection<?> c && c.stream().allMatch(x -> x instanceof String)) {
      c.forEach(x -> out.add((String) x));
      return out;
    }
    if (v == null) {
      return out;
    }
    throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the " + what
        + " of user task '" + n.id + "' to be a list of strings, but it was "
        + Feel.describe(v));
  }

  private String date(String expr, Map<String, Object> vars, Node n, String what) {
    if (expr == null) {
      return null;
    }
    Object v = engine.feel.evaluate(expr, vars);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    String normal = normalDate(String.valueOf(v));
    if (normal == null) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the " + what
          + " of user task '" + n.id + "' to be an ISO-8601 date-time with an offset or zone"
          + " (e.g. 2025-06-30T17:00:00+02:00), but it was " + Feel.describe(v));
    }
    return normal;
  }

  /** An ISO-8601 date-time with offset (or zone) as an offset date-time, or null. */
  static String normalDate(String text) {
    try {
      return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(text).toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  // ====================================================================== commands

  /** What to change on a task; a null field stays as it is, an empty date or list clears it. */
  public record Changeset(String dueDate, String followUpDate, List<String> candidateGroups,
      List<String> candidateUsers, Integer priority) {}

  private Outcome<UserTask> open(long key, String verb) {
    UserTask t = state.userTasks.get(key);
    if (t == null) {
      return Outcome.refused(Refusal.notFound("Command '" + verb.toUpperCase(java.util.Locale.ROOT)
          + "' rejected with code 'NOT_FOUND': Expected to " + verb + " user task with key '"
          + key + "', but no such user task was found (it may be completed or canceled)"));
    }
    return Outcome.accepted(t);
  }

  private static <T> Outcome<T> refusedAs(Outcome<?> refused) {
    return Outcome.refused(((Outcome.Refused<?>) refused).refusal());
  }

  /**
   * Assigns a task. With allowOverride false a task assigned to someone else is refused
   * (INVALID_STATE); the same assignee again is accepted.
   */
  public Outcome<Long> assign(long key, String assignee, boolean allowOverride) {
    Outcome<UserTask> o = open(key, "assign");
    if (!(o instanceof Outcome.Accepted<UserTask> a)) {
      return refusedAs(o);
    }
    UserTask t = a.value();
    if (assignee == null || assignee.isBlank()) {
      return Outcome.refused(Refusal.invalid("Expected to assign user task with key '" + key
          + "' to a non-empty assignee, but none was given"));
    }
    if (!allowOverride && t.assignee != null && !t.assignee.equals(assignee)) {
      return Outcome.refused(Refusal.invalidState("Command 'CLAIM' rejected with code"
          + " 'INVALID_STATE': Expected to claim user task with key '" + key + "', but it has"
          + " already been assigned to '" + t.assignee + "' (send allowOverride true to"
          + " reassign it)"));
    }
    t.assignee = assignee;
    state.save(t);
    return Outcome.accepted(key);
  }

  /** Removes a task's assignee. */
  public Outcome<Long> unassign(long key) {
    Outcome<UserTask> o = open(key, "unassign");
    if (!(o instanceof Outcome.Accepted<UserTask> a)) {
      return refusedAs(o);
    }
    a.value().assignee = null;
    state.save(a.value());
    return Outcome.accepted(key);
  }

  /** Updates a task's dates, candidates or priority. */
  public Outcome<Long> update(long key, Changeset c) {
    Outcome<UserTask> o = open(key, "update");
    if (!(o instanceof Outcome.Accepted<UserTask> a)) {
      return refusedAs(o);
    }
    String due = null;
    String followUp = null;
    for (String[] d : new String[][] {{"dueDate", c.dueDate()},
        {"followUpDate", c.followUpDate()}}) {
      if (d[1] != null && !d[1].isEmpty() && normalDate(d[1]) == null) {
        return Outcome.refused(Refusal.invalid("The value for changeset." + d[0] + " is '" + d[1]
            + "' but must be an RFC 3339 date-time with an offset (e.g."
            + " 2025-06-30T17:00:00+02:00), or empty to clear it."));
      }
    }
    if (c.priority() != null && (c.priority() < 0 || c.priority() > 100)) {
      return Outcome.refused(Refusal.invalid("The value for changeset.priority is '"
          + c.priority() + "' but must be between 0 and 100."));
    }
    UserTask t = a.value();
    if (c.dueDate() != null) {
      t.dueDate = c.dueDate().isEmpty() ? null : normalDate(c.dueDate());
    }
    if (c.followUpDate() != null) {
      t.followUpDate = c.followUpDate().isEmpty() ? null : normalDate(c.followUpDate());
    }
    if (c.candidateGroups() != null) {
      t.candidateGroups = new ArrayList<>(c.candidateGroups());
    }
    if (c.candidateUsers() != null) {
      t.candidateUsers = new ArrayList<>(c.candidateUsers());
    }
    if (c.priority() != null) {
      t.priority = c.priority();
    }
    state.save(t);
    return Outcome.accepted(key);
  }

  /**
   * Completes a task: its element completes with the variables, merged as a job's completion
   * variables are (set locally first when the element has output mappings).
   */
  public Outcome<Long> complete(long key, Map<String, Object> variables) {
    Outcome<UserTask> o = open(key, "complete");
    if (!(o instanceof Outcome.Accepted<UserTask> a)) {
      return refusedAs(o);
    }
    UserTask t = a.value();
    ElementInstance ei = state.element(t.elementInstanceKey);
    t.state = UserTask.Lifecycle.COMPLETED;
    t.endedAt = state.now();
    state.endUserTask(t);
    engine.variables.applyPayload(ei, variables);
    engine.lifecycle.complete(ei, null);
    return Outcome.accepted(key);
  }
}
