package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ExecutionListenerModel.Listener;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobKind;
import dev.baton.engine.workflow.internal.State.ListenerEvent;
import dev.baton.engine.workflow.internal.UserTask.Transition;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * User tasks: creating them from a user task element (a Camunda user task, or the job of a
 * job-worker user task with Zeebe's headers), and the commands a task application sends
 * (assign, unassign, update, complete), each checked against the task's state first; a refused
 * command changes nothing. Call the commands only in work
 * {@link WorkflowEngineCore#submit}ted to the engine thread.
 *
 * <p>Task listeners run as Zeebe 8.8 runs them: creating the task, and the assign (claim,
 * unassign), update and complete commands, start a transition (the task is CREATING, ASSIGNING,
 * UPDATING or COMPLETING) that waits for a job of each listener of that event, one after the
 * other in model order. A listener's job result may correct the assignee, candidates, dates and
 * priority (applied when the transition ends) or, for assigning, updating and completing, deny
 * it: the task goes back to CREATED as it was and the command is refused. While a transition
 * waits, other commands on the task are refused (INVALID_STATE). The transition is stored with
 * the task, so it survives a restart; the command's answer waits for it
 * ({@link #whenTransitionEnds}).
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
  /** Who waits for the end of a task's transition (a command's answer), by task key. */
  private final Map<Long, Consumer<Outcome<Long>>> waiting = new HashMap<>();

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
    Transition creating = proposal(t, ListenerEvent.CREATING, "", List.of());
    if (!spec.listenersOf(ListenerEvent.CREATING).isEmpty()) {
      t.state = UserTask.Lifecycle.CREATING;
      t.transition = creating;
      createListenerJob(t, n, ei); // a static type: it cannot fail, so nothing is half-made
      state.addUserTask(t);
      return;
    }
    state.addUserTask(t);
    finish(t, creating);
  }

  /** The element of an open task is terminated (a boundary event, a cancelled instance). */
  void cancel(ElementInstance ei) {
    UserTask t = state.userTaskOfElement.get(ei.key);
    if (t != null) {
      if (t.transition != null) {
        answer(t.key, Outcome.refused(Refusal.invalidState("Command '"
            + command(t.transition) + "' rejected with code 'INVALID_STATE': Expected to "
            + t.transition.action + " user task with key '" + t.key + "', but it was canceled"
            + " while its task listeners ran")));
        t.transition = null;
      }
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
    if (t.state != UserTask.Lifecycle.CREATED) {
      return Outcome.refused(Refusal.invalidState("Command '" + verb.toUpperCase(Locale.ROOT)
          + "' rejected with code 'INVALID_STATE': Expected to " + verb + " user task with key"
          + " '" + key + "', but it is in state '" + t.state + "' (its task listeners are"
          + " running; try again when they are done)"));
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
    Outcome<UserTask> o = open(key, allowOverride ? "assign" : "claim");
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
    Transition tr = proposal(t, ListenerEvent.ASSIGNING, allowOverride ? "assign" : "claim",
        List.of("assignee"));
    tr.assignee = assignee;
    return run(t, tr);
  }

  /** Removes a task's assignee. */
  public Outcome<Long> unassign(long key) {
    Outcome<UserTask> o = open(key, "unassign");
    if (!(o instanceof Outcome.Accepted<UserTask> a)) {
      return refusedAs(o);
    }
    Transition tr = proposal(a.value(), ListenerEvent.ASSIGNING, "unassign",
        List.of("assignee"));
    tr.assignee = null;
    return run(a.value(), tr);
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
    List<String> changed = new ArrayList<>();
    Transition tr = proposal(t, ListenerEvent.UPDATING, "update", changed);
    if (c.dueDate() != null) {
      tr.dueDate = c.dueDate().isEmpty() ? null : normalDate(c.dueDate());
      tr.changed.add("dueDate");
    }
    if (c.followUpDate() != null) {
      tr.followUpDate = c.followUpDate().isEmpty() ? null : normalDate(c.followUpDate());
      tr.changed.add("followUpDate");
    }
    if (c.candidateGroups() != null) {
      tr.candidateGroups = new ArrayList<>(c.candidateGroups());
      tr.changed.add("candidateGroups");
    }
    if (c.candidateUsers() != null) {
      tr.candidateUsers = new ArrayList<>(c.candidateUsers());
      tr.changed.add("candidateUsers");
    }
    if (c.priority() != null) {
      tr.priority = c.priority();
      tr.changed.add("priority");
    }
    return run(t, tr);
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
    Transition tr = proposal(a.value(), ListenerEvent.COMPLETING, "complete", List.of());
    tr.variables = variables == null ? new LinkedHashMap<>() : new LinkedHashMap<>(variables);
    return run(a.value(), tr);
  }

  // ====================================================================== task listeners

  /**
   * Registers what to do when the transition the command just run started on a task ends:
   * accepted when it is done, refused when a listener denied it or the task was canceled.
   * False (and nothing registered) when no transition waits: the command was done at once.
   * Only the latest registration per task is kept; none survives a restart.
   */
  public boolean whenTransitionEnds(long key, Consumer<Outcome<Long>> done) {
    UserTask t = state.userTasks.get(key);
    if (t == null || t.transition == null) {
      return false;
    }
    waiting.put(key, done);
    return true;
  }

  private void answer(long key, Outcome<Long> outcome) {
    Consumer<Outcome<Long>> w = waiting.remove(key);
    if (w != null) {
      w.accept(outcome);
    }
  }

  /** What the task will be after a transition, before the command's changes. */
  private static Transition proposal(UserTask t, ListenerEvent event, String action,
      List<String> changed) {
    Transition tr = new Transition();
    tr.event = event;
    tr.action = action;
    tr.changed = new ArrayList<>(changed);
    tr.assignee = t.assignee;
    tr.candidateGroups = new ArrayList<>(t.candidateGroups);
    tr.candidateUsers = new ArrayList<>(t.candidateUsers);
    tr.dueDate = t.dueDate;
    tr.followUpDate = t.followUpDate;
    tr.priority = t.priority;
    return tr;
  }

  private Node node(UserTask t) {
    return state.node(state.element(t.elementInstanceKey));
  }

  /** Runs a command's transition: its listeners first when the event has any, else at once. */
  private Outcome<Long> run(UserTask t, Transition tr) {
    Node n = node(t);
    if (n.userTask.listenersOf(tr.event).isEmpty()) {
      finish(t, tr);
      return Outcome.accepted(t.key);
    }
    t.state = switch (tr.event) {
      case ASSIGNING -> UserTask.Lifecycle.ASSIGNING;
      case UPDATING -> UserTask.Lifecycle.UPDATING;
      default -> UserTask.Lifecycle.COMPLETING;
    };
    t.transition = tr;
    createListenerJob(t, n, state.element(t.elementInstanceKey));
    state.save(t);
    return Outcome.accepted(t.key);
  }

  private void createListenerJob(UserTask t, Node n, ElementInstance ei) {
    Listener l = n.userTask.listenersOf(t.transition.event).get(t.transition.index);
    engine.jobs.create(ei, n.id, l.type(), l.retries(), n.headers, JobKind.TASK_LISTENER,
        t.transition.event);
  }

  /** Ends a transition: the task takes its values and the event's step is done. */
  private void finish(UserTask t, Transition tr) {
    t.transition = null;
    t.assignee = tr.assignee;
    t.candidateGroups = new ArrayList<>(tr.candidateGroups);
    t.candidateUsers = new ArrayList<>(tr.candidateUsers);
    t.dueDate = tr.dueDate;
    t.followUpDate = tr.followUpDate;
    t.priority = tr.priority;
    if (tr.event == ListenerEvent.COMPLETING) {
      ElementInstance ei = state.element(t.elementInstanceKey);
      t.state = UserTask.Lifecycle.COMPLETED;
      t.endedAt = state.now();
      state.endUserTask(t);
      answer(t.key, Outcome.accepted(t.key));
      engine.variables.applyPayload(ei, tr.variables);
      engine.lifecycle.complete(ei, null);
      return;
    }
    t.state = UserTask.Lifecycle.CREATED;
    Node n = node(t);
    if (tr.event == ListenerEvent.CREATING && t.assignee != null
        && !n.userTask.listenersOf(ListenerEvent.ASSIGNING).isEmpty()) {
      // as in Zeebe, a task created with an assignee is then assigned, running its
      // assigning listeners
      Transition assigning = proposal(t, ListenerEvent.ASSIGNING, "assign",
          List.of("assignee"));
      t.assignee = null;
      run(t, assigning);
      return;
    }
    state.save(t);
    answer(t.key, Outcome.accepted(t.key));
  }

  /** The view of its task a listener job's worker gets (the transition's values). */
  JobActivation.UserTaskProperties listenerView(Job j) {
    UserTask t = state.userTaskOfElement.get(j.elementInstanceKey);
    if (t == null) {
      return null;
    }
    Transition tr = t.transition != null ? t.transition
        : proposal(t, ListenerEvent.CREATING, "", List.of());
    return new JobActivation.UserTaskProperties(t.key, tr.action, tr.assignee,
        tr.candidateGroups, tr.candidateUsers, tr.changed, tr.dueDate, tr.followUpDate,
        tr.priority);
  }

  /**
   * Why a task listener's job cannot be completed so (Zeebe's rules), or null: no variables; a
   * denial only for assigning, updating and completing, and without corrections; no assignee
   * correction while creating a task whose model sets one; valid dates and priority.
   */
  Refusal checkListenerResult(Job j, Map<String, Object> variables, JobResult result) {
    String which = "(job key '" + j.key + "', type '" + j.type + "', processInstanceKey '"
        + j.processInstanceKey + "')";
    if (variables != null && !variables.isEmpty()) {
      return Refusal.invalid("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Task"
          + " Listener job completion with variables payload provided is not supported " + which
          + "; complete it without variables (correct the task through the job result)");
    }
    if (!(result instanceof JobResult.UserTask u)) {
      return null;
    }
    ListenerEvent event = j.listenerEvent;
    List<String> corrected = u.corrections().names();
    if (u.denied() && event != ListenerEvent.ASSIGNING && event != ListenerEvent.UPDATING
        && event != ListenerEvent.COMPLETING) {
      return Refusal.invalid("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Denying"
          + " result is not supported for '" + event + "' task listener jobs " + which
          + ". Only the following listener event types support denying: [ASSIGNING,"
          + " COMPLETING, UPDATING].");
    }
    if (u.denied() && !corrected.isEmpty()) {
      return Refusal.invalid("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected"
          + " to complete task listener job with corrections, but the job result is denied "
          + which + ". The corrections would be reverted by the denial. Either complete the job"
          + " with corrections without setting denied, or complete the job with a denied result"
          + " but no corrections.");
    }
    ElementInstance ei = state.element(j.elementInstanceKey);
    Node n = ei == null ? null : state.node(ei);
    if (event == ListenerEvent.CREATING && u.corrections().assignee() != null && n != null
        && n.userTask.assignee() != null) {
      return Refusal.invalid("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected"
          + " to complete task listener job, but correcting the assignee on 'CREATING' event is"
          + " not supported when the user task has an assignee defined in the model " + which
          + ". Use the 'CREATING' event to set an assignee only if it was not defined. Use the"
          + " 'ASSIGNING' event to correct an assignee that is already defined.");
    }
    for (String[] d : new String[][] {{"dueDate", u.corrections().dueDate()},
        {"followUpDate", u.corrections().followUpDate()}}) {
      if (d[1] != null && !d[1].isEmpty() && normalDate(d[1]) == null) {
        return Refusal.invalid("The value for result.corrections." + d[0] + " is '" + d[1]
            + "' but must be an RFC 3339 date-time with an offset (e.g."
            + " 2025-06-30T17:00:00+02:00), or empty to clear it.");
      }
    }
    Integer p = u.corrections().priority();
    if (p != null && (p < 0 || p > 100)) {
      return Refusal.invalid("The value for result.corrections.priority is '" + p
          + "' but must be between 0 and 100.");
    }
    return null;
  }

  /** A task listener's job was completed (its result checked): the next one, or the end. */
  void listenerCompleted(ElementInstance ei, JobResult.UserTask result) {
    UserTask t = state.userTaskOfElement.get(ei.key);
    if (t == null || t.transition == null) {
      return; // the task ended meanwhile
    }
    Transition tr = t.transition;
    if (result.denied()) {
      t.transition = null;
      t.state = UserTask.Lifecycle.CREATED;
      state.save(t);
      String what = switch (tr.event) {
        case ASSIGNING -> "Assignment";
        case UPDATING -> "Update";
        default -> "Completion";
      };
      answer(t.key, Outcome.refused(Refusal.invalidState("Command '" + command(tr)
          + "' rejected with code 'INVALID_STATE': " + what + " of the User Task with key '"
          + t.key + "' was denied by Task Listener. Reason to deny: '" + result.deniedReason()
          + "'")));
      return;
    }
    JobResult.Corrections c = result.corrections();
    if (c.assignee() != null) {
      tr.assignee = c.assignee().isEmpty() ? null : c.assignee();
    }
    if (c.candidateGroups() != null) {
      tr.candidateGroups = new ArrayList<>(c.candidateGroups());
    }
    if (c.candidateUsers() != null) {
      tr.candidateUsers = new ArrayList<>(c.candidateUsers());
    }
    if (c.dueDate() != null) {
      tr.dueDate = c.dueDate().isEmpty() ? null : normalDate(c.dueDate());
    }
    if (c.followUpDate() != null) {
      tr.followUpDate = c.followUpDate().isEmpty() ? null : normalDate(c.followUpDate());
    }
    if (c.priority() != null) {
      tr.priority = c.priority();
    }
    for (String name : c.names()) {
      if (!tr.changed.contains(name)) {
        tr.changed.add(name);
      }
    }
    tr.index++;
    Node n = node(t);
    if (tr.index < n.userTask.listenersOf(tr.event).size()) {
      createListenerJob(t, n, ei);
      state.save(t);
      return;
    }
    finish(t, tr);
  }

  private static String command(Transition tr) {
    return tr.action.isEmpty() ? "CREATE" : tr.action.toUpperCase(Locale.ROOT);
  }
}
