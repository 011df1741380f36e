package dev.baton.engine.workflow.internal;

import static dev.baton.engine.workflow.internal.ProcessModel.blank;
import static dev.baton.engine.workflow.internal.ProcessModel.where;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code zeebe:executionListeners} of an element or process, with Zeebe's limits: no start
 * listeners on start and boundary events, no end listeners on gateways and error end events, one
 * listener per event type and job type. Task listeners ({@code zeebe:taskListeners}) belong to
 * user tasks (see {@link UserTaskModel}) and are refused anywhere else.
 */
final class ExecutionListenerModel {
  private ExecutionListenerModel() {}

  /** One listener: a job of this type (static or FEEL) with these retries. */
  record Listener(String type, String retries) {}

  static void read(BaseElement element, Node n, List<String> problems) {
    if (element.getSingleExtensionElement(ZeebeTaskListeners.class) != null
        && !(element instanceof io.camunda.zeebe.model.bpmn.instance.UserTask)) {
      problems.add(where(n) + ": task listeners (zeebe:taskListeners) belong to user tasks;"
          + " remove them or use execution listeners");
    }
    ZeebeExecutionListeners els = element.getSingleExtensionElement(
        ZeebeExecutionListeners.class);
    if (els == null || n.kind == null) {
      return; // none, or an element already refused
    }
    Set<String> seen = new HashSet<>();
    for (ZeebeExecutionListener l : els.getExecutionListeners()) {
      boolean start = l.getEventType() != ZeebeExecutionListenerEventType.end;
      String event = start ? "start" : "end";
      if (blank(l.getType())) {
        problems.add(where(n) + ": a " + event + " execution listener needs a job type");
        continue;
      }
      if (!seen.add(event + "|" + l.getType())) {
        problems.add(where(n) + ": two " + event + " execution listeners with the job type '"
            + l.getType() + "'; each event type and job type may appear once");
        continue;
      }
      String unsupported = start ? noStart(n) : noEnd(n);
      if (unsupported != null) {
        problems.add(where(n) + ": " + event + " execution listeners are not supported on "
            + unsupported + " (as in Zeebe); listener type '" + l.getType() + "'");
        continue;
      }
      String retries = blank(l.getRetries()) ? ZeebeExecutionListener.DEFAULT_RETRIES
          : l.getRetries();
      (start ? n.startListeners : n.endListeners).add(new Listener(l.getType(), retries));
    }
  }

  private static String noStart(Node n) {
    return switch (n.kind) {
      case START_EVENT -> "start events (use the process's or sub-process's start listeners)";
      case BOUNDARY_EVENT -> "boundary events (use the start listeners of the activity)";
      default -> null;
    };
  }

  private static String noEnd(Node n) {
    return switch (n.kind) {
      case EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, INCLUSIVE_GATEWAY ->
          "gateways (use start listeners of the element after it)";
      case END_EVENT -> n.trigger == Trigger.ERROR
          ? "error end events (put them on the catching event)" : null;
      default -> null;
    };
  }
}
