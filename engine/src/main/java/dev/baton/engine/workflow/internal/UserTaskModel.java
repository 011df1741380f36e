package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ExecutionListenerModel.Listener;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ListenerEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A BPMN user task as Zeebe 8.8 reads it: with {@code zeebe:userTask} a Camunda user task (the
 * engine keeps it as a user task), without it a job-worker user task (a job of type
 * {@value #JOB_TYPE} with the assignment, schedule and form as headers). Assignee, candidates,
 * dates and priority are static values or FEEL expressions ({@code =...}), evaluated when the
 * task is activated. A Camunda user task may have task listeners ({@code zeebe:taskListeners}) for
 * the creating, assigning, updating and completing events, each a job of a static type (see
 * {@link UserTasks}); canceling listeners are refused, as are FEEL expressions in a listener's
 * type or retries.
 */
final class UserTaskModel {
  /** The job type of a job-worker user task. */
  static final String JOB_TYPE = "io.camunda.zeebe:userTask";
  /** Zeebe's default priority of a Camunda user task. */
  static final String DEFAULT_PRIORITY = "50";

  private UserTaskModel() {}

  /**
   * What a user task element declares.
   *
   * @param camunda whether it has {@code zeebe:userTask} (else it is a job-worker user task)
   * @param name the element's name (the task's name), or its id when it has none
   * @param listeners the task listeners by event, in model order
   */
  record Spec(boolean camunda, String name, String assignee, String candidateGroups,
      String candidateUsers, String dueDate, String followUpDate, String priority,
      String formKey, String formId, String externalReference,
      Map<ListenerEvent, List<Listener>> listeners) {
    Spec {
      listeners = Map.copyOf(listeners);
    }

    /** The task listeners of an event (none: empty). */
    List<Listener> listenersOf(ListenerEvent event) {
      return listeners.getOrDefault(event, List.of());
    }
  }

  static void read(FlowNode fn, Node n, List<String> problems) {
    boolean camunda = fn.getSingleExtensionElement(ZeebeUserTask.class) != null;
    ZeebeAssignmentDefinition a = fn.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule s = fn.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition p = fn.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition f = fn.getSingleExtensionElement(ZeebeFormDefinition.class);
    String priority = p == null || blank(p.getPriority()) ? DEFAULT_PRIORITY : p.getPriority();
    n.userTask = new Spec(camunda, blank(fn.getName()) ? fn.getId() : fn.getName(),
        a == null ? null : orNull(a.getAssignee()),
        a == null ? null : orNull(a.getCandidateGroups()),
        a == null ? null : orNull(a.getCandidateUsers()),
        s == null ? null : orNull(s.getDueDate()),
        s == null ? null : orNull(s.getFollowUpDate()), priority,
        f == null ? null : orNull(f.getFormKey()), f == null ? null : orNull(f.getFormId()),
        f == null ? null : orNull(f.getExternalReference()),
        taskListeners(fn, n, camunda, problems));
    if (!camunda && p != null) {
      problems.add("userTask '" + n.id + "': zeebe:priorityDefinition needs a Camunda user task"
          + " (add zeebe:userTask); a job-worker user task has no priority");
    }
    if (!camunda) {
      n.jobType = JOB_TYPE;
      n.retries = "1";
    }
    ZeebeTaskHeaders th = fn.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (th != null) {
      for (ZeebeHeader h : th.getHeaders()) {
        n.headers.put(h.getKey(), h.getValue());
      }
    }
  }

  private static Map<ListenerEvent, List<Listener>> taskListeners(FlowNode fn, Node n,
      boolean camunda, List<String> problems) {
    Map<ListenerEvent, List<Listener>> out = new EnumMap<>(ListenerEvent.class);
    ZeebeTaskListeners tls = fn.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (tls == null) {
      return out;
    }
    if (!camunda) {
      problems.add("userTask '" + n.id + "': task listeners (zeebe:taskListeners) need a Camunda"
          + " user task (add zeebe:userTask); a job-worker user task has none, as in Zeebe");
      return out;
    }
    for (ZeebeTaskListener l : tls.getTaskListeners()) {
      ListenerEvent event = l.getEventType() == null ? null : switch (l.getEventType()) {
        case create, creating -> ListenerEvent.CREATING;
        case assignment, assigning -> ListenerEvent.ASSIGNING;
        case update, updating -> ListenerEvent.UPDATING;
        case complete, completing -> ListenerEvent.COMPLETING;
        case cancel, canceling -> ListenerEvent.CANCELING;
      };
      String where = "userTask '" + n.id + "': the " + (event == null ? "task"
          : event.name().toLowerCase(java.util.Locale.ROOT)) + " task listener";
      if (event == null) {
        problems.add(where + " needs an eventType (creating, assigning, updating, completing)");
        continue;
      }
      if (event == ListenerEvent.CANCELING) {
        problems.add(where + " '" + l.getType() + "' is not supported by Baton's embedded"
            + " engine (the task's cancellation would have to wait for it); remove it, or react"
            + " to the cancellation with an end execution listener or a boundary event");
        continue;
      }
      if (blank(l.getType())) {
        problems.add(where + " needs a job type");
        continue;
      }
      String retries = blank(l.getRetries()) ? ZeebeTaskListener.DEFAULT_RETRIES
          : l.getRetries().trim();
      if (Feel.isExpression(l.getType()) || Feel.isExpression(retries)) {
        problems.add(where + " '" + l.getType() + "': FEEL expressions in a task listener's"
            + " type or retries are not supported by Baton's embedded engine; use a static job"
            + " type and a number of retries");
        continue;
      }
      try {
        Integer.parseInt(retries);
      } catch (NumberFormatException e) {
        problems.add(where + " '" + l.getType() + "': retries must be a whole number, but was '"
            + retries + "'");
        continue;
      }
      out.computeIfAbsent(event, e -> new ArrayList<>()).add(new Listener(l.getType().trim(),
          retries));
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
