package dev.baton.engine.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result a worker may send with a job's completion, as Zeebe 8.8 defines it: for a user task
 * listener's job, a denial or corrections of the task; for the job of an ad-hoc sub-process, the
 * inner elements to activate and whether its completion condition is fulfilled.
 */
public sealed interface JobResult {

  /**
   * A task listener's answer: denied (with a reason) reverts the transition; otherwise the
   * corrections apply to the task.
   */
  record UserTask(boolean denied, String deniedReason, Corrections corrections)
      implements JobResult {
    public UserTask {
      deniedReason = deniedReason == null ? "" : deniedReason;
      corrections = corrections == null ? Corrections.NONE : corrections;
    }
  }

  /**
   * Corrected task attributes; null means not corrected, an empty text clears the assignee or
   * a date. The lists are copied.
   */
  record Corrections(String assignee, String dueDate, String followUpDate,
      List<String> candidateUsers, List<String> candidateGroups, Integer priority) {
    static final Corrections NONE = new Corrections(null, null, null, null, null, null);

    public Corrections {
      candidateUsers = candidateUsers == null ? null : List.copyOf(candidateUsers);
      candidateGroups = candidateGroups == null ? null : List.copyOf(candidateGroups);
    }

    /** The names of the corrected attributes, as Zeebe names them. */
    List<String> names() {
      List<String> out = new ArrayList<>();
      if (assignee != null) {
        out.add("assignee");
      }
      if (candidateGroups != null) {
        out.add("candidateGroups");
      }
      if (candidateUsers != null) {
        out.add("candidateUsers");
      }
      if (dueDate != null) {
        out.add("dueDate");
      }
      if (followUpDate != null) {
        out.add("followUpDate");
      }
      if (priority != null) {
        out.add("priority");
      }
      return out;
    }
  }

  /** The job worker of an ad-hoc sub-process decides what runs next. */
  record AdHocSubProcess(List<ActivateElement> activateElements,
      boolean completionConditionFulfilled, boolean cancelRemainingInstances)
      implements JobResult {
    public AdHocSubProcess {
      activateElements = activateElements == null ? List.of() : List.copyOf(activateElements);
    }
  }

  /** An inner element to activate, with variables local to its new instance. */
  record ActivateElement(String elementId, Map<String, Object> variables) {
    public ActivateElement {
      variables = variables == null ? Map.of() : new LinkedHashMap<>(variables);
    }
  }
}
