package dev.baton.engine.workflow.internal;

import static dev.baton.engine.workflow.internal.ProcessModel.where;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import java.util.List;

/**
 * Reading compensation as Zeebe 8.8 models it: a compensation boundary event on an activity,
 * associated with its handler (an activity marked {@code isForCompensation}, with no flows), and
 * compensation intermediate throw and end events that compensate every completed activity of
 * their scope or the one named by {@code activityRef}.
 */
final class CompensationModel {
  private CompensationModel() {}

  /** The compensate event definition of a throw, end or boundary event. */
  static void readDefinition(CompensateEventDefinition c, Node n, List<String> problems) {
    // only an explicit "false" counts: the model's default (attribute absent) reads as false
    if ("false".equals(c.getAttributeValue("waitForCompletion"))) {
      problems.add(where(n) + ": waitForCompletion=\"false\" on a compensation event is not"
          + " supported; the event waits for its compensation handlers, as in Zeebe");
    }
    if (c.getActivity() != null) {
      n.compensateActivity = c.getActivity().getId();
    }
  }

  /** A compensation boundary event: its handler is the activity its association points to. */
  static void readBoundary(BoundaryEvent be, Node n, List<String> problems) {
    n.compensateActivity = null; // an activityRef means nothing on a boundary event
    for (Association a : be.getModelInstance().getModelElementsByType(Association.class)) {
      if (a.getSource() != null && be.getId().equals(a.getSource().getId())) {
        if (a.getTarget() instanceof Activity handler && handler.isForCompensation()) {
          n.compensationHandler = handler.getId();
        } else {
          problems.add(where(n) + ": its association must lead to a compensation handler (an"
              + " activity with isForCompensation=\"true\"), but leads to '"
              + (a.getTarget() == null ? null : a.getTarget().getId()) + "'");
          return;
        }
      }
    }
    if (n.compensationHandler == null) {
      problems.add(where(n) + ": a compensation boundary event needs an association to its"
          + " compensation handler (an activity with isForCompensation=\"true\")");
    }
  }

  /** Once every element is read: handlers, hosts and activityRefs are consistent. */
  static void check(ProcessModel model, List<String> problems) {
    for (Node n : model.nodes.values()) {
      if (n.kind == Kind.BOUNDARY_EVENT && n.trigger == Trigger.COMPENSATION
          && n.compensationHandler != null) {
        Node host = model.node(n.attachedTo);
        if (host != null) {
          if (host.compensationHandler != null) {
            problems.add(where(host) + ": has more than one compensation boundary event");
          }
          host.compensationHandler = n.compensationHandler;
        }
      }
      if (n.forCompensation) {
        if (!n.incoming.isEmpty() || !n.outgoing.isEmpty()) {
          problems.add(where(n) + ": a compensation handler must not have incoming or outgoing"
              + " sequence flows");
        }
        if (!n.boundaries.isEmpty()) {
          problems.add(where(n) + ": a compensation handler must not have boundary events");
        }
      }
    }
    for (Node n : model.nodes.values()) {
      if (n.kind != Kind.COMPENSATION_THROW || n.compensateActivity == null) {
        continue;
      }
      Node target = model.node(n.compensateActivity);
      if (target == null || target.compensationHandler == null
          || !target.scopeId.equals(n.scopeId)) {
        problems.add(where(n) + ": activityRef '" + n.compensateActivity + "' must name an"
            + " activity with a compensation boundary event in the same scope");
      }
    }
  }
}
