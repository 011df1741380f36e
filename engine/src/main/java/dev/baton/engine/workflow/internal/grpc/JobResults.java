package dev.baton.engine.workflow.internal.grpc;

import dev.baton.engine.workflow.internal.Commands;
import dev.baton.engine.workflow.internal.JobResult;
import dev.baton.engine.workflow.internal.Outcome;
import dev.baton.engine.workflow.internal.Refusal;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResultActivateElement;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResultCorrections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code result} of a CompleteJob request: {@code userTask} (a task listener's denial
 * or corrections; the default when the type is left out, as older clients do) or
 * {@code adHocSubProcess} (the elements to activate and the completion flags).
 */
final class JobResults {
  static final String USER_TASK = "userTask";
  static final String AD_HOC_SUB_PROCESS = "adHocSubProcess";

  private JobResults() {}

  /** The request's result (accepted null: none), or why it is not one. */
  static Outcome<JobResult> read(CompleteJobRequest request) {
    if (!request.hasResult()) {
      return Outcome.accepted(null);
    }
    GatewayOuterClass.JobResult r = request.getResult();
    String type = r.hasType() ? r.getType() : USER_TASK;
    if (AD_HOC_SUB_PROCESS.equals(type)) {
      List<JobResult.ActivateElement> activate = new ArrayList<>();
      for (JobResultActivateElement e : r.getActivateElementsList()) {
        Outcome<Map<String, Object>> vars = Commands.parseVariables(
            "result.activateElements[].variables", e.getVariables());
        if (vars instanceof Outcome.Refused<Map<String, Object>> bad) {
          return Outcome.refused(bad.refusal());
        }
        activate.add(new JobResult.ActivateElement(e.getElementId(),
            ((Outcome.Accepted<Map<String, Object>>) vars).value()));
      }
      return Outcome.accepted(new JobResult.AdHocSubProcess(activate,
          r.getIsCompletionConditionFulfilled(), r.getIsCancelRemainingInstances()));
    }
    if (!USER_TASK.equals(type) && !type.isEmpty()) {
      return Outcome.refused(new Refusal(Refusal.Kind.INVALID_ARGUMENT, "Expected the job"
          + " result type to be '" + USER_TASK + "' or '" + AD_HOC_SUB_PROCESS + "', but it was '"
          + type + "'"));
    }
    JobResultCorrections c = r.getCorrections();
    JobResult.Corrections corrections = !r.hasCorrections() ? null : new JobResult.Corrections(
        c.hasAssignee() ? c.getAssignee() : null, c.hasDueDate() ? c.getDueDate() : null,
        c.hasFollowUpDate() ? c.getFollowUpDate() : null,
        c.hasCandidateUsers() ? c.getCandidateUsers().getValuesList() : null,
        c.hasCandidateGroups() ? c.getCandidateGroups().getValuesList() : null,
        c.hasPriority() ? c.getPriority() : null);
    return Outcome.accepted(new JobResult.UserTask(r.getDenied(),
        r.hasDeniedReason() ? r.getDeniedReason() : "", corrections));
  }
}
