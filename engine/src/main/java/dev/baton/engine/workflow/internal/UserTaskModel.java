package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.List;

/**
 * A BPMN user task as Zeebe 8.8 reads it: with {@code zeebe:userTask} a Camunda user task (the
 * engine keeps it as a user task), without it a job-worker user task (a job of type
 * {@value #JOB_TYPE} with the assignment, schedule and form as headers). Assignee, candidates,
 * dates and priority are static values or FEEL expressions ({@code =...}), evaluated when the
 * task is activated.
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
   */
  record Spec(boolean camunda, String name, String assignee, String candidateGroups,
      String candidateUsers, String dueDate, String followUpDate, String priority,
      String formKey, String formId, String externalReference) {}

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
        f == null ? null : orNull(f.getExternalReference()));
    if (!camunda && p != null) {
      problems.add("userTask '" + n.id + "': zeebe:priorityDefinition needs a Camunda user task"
          + " (add zeebe:userTask); a job-worker user task has no priority");
    }
    if (fn.getSingleExtensionElement(ZeebeTaskListeners.class) != null) {
      problems.add("userTask '" + n.id + "': task listeners (zeebe:taskListeners) are not"
          + " supported by Baton's embedded engine; remove them or use a Camunda 8 cluster");
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

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
