package dev.baton.engine.workflow.internal;

import static dev.baton.engine.workflow.internal.ProcessModel.blank;
import static dev.baton.engine.workflow.internal.ProcessModel.where;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Transaction;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.List;

/**
 * Reading the task-like elements beyond service tasks: receive tasks, script tasks (in-engine
 * FEEL or a job worker), job-based message throw and end events; the inclusive gateway's flow
 * check; and the refusals that name what is not supported.
 */
final class TaskElements {
  private TaskElements() {}

  /** A receive task: waits for a message, like an intermediate message catch event. */
  static void readReceiveTask(ReceiveTask rt, Node n, List<String> problems) {
    n.kind = Kind.RECEIVE_TASK;
    n.trigger = Trigger.MESSAGE;
    if (rt.instantiate()) {
      problems.add(where(n) + ": instantiating receive tasks (instantiate=\"true\") are not"
          + " supported; use a message start event");
    }
    if (rt.getMessage() == null || blank(rt.getMessage().getName())) {
      problems.add(where(n) + ": a receive task needs a message (messageRef) with a name");
      return;
    }
    n.messageName = rt.getMessage().getName();
    ZeebeSubscription s = rt.getMessage().getSingleExtensionElement(ZeebeSubscription.class);
    n.correlationKey = s == null ? null : s.getCorrelationKey();
  }

  /**
   * A script task: a {@code zeebe:script} FEEL expression evaluated by the engine, or a
   * {@code zeebe:taskDefinition} for a job worker (then it is a job task).
   */
  static void readScriptTask(ScriptTask st, Node n, List<String> problems) {
    ZeebeScript script = st.getSingleExtensionElement(ZeebeScript.class);
    ZeebeTaskDefinition td = st.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (script != null && td != null) {
      problems.add(where(n) + ": has both zeebe:script and zeebe:taskDefinition; keep one");
      return;
    }
    if (td != null) {
      readJobWorker(st, n, problems);
      return;
    }
    n.kind = Kind.SCRIPT_TASK;
    if (script == null) {
      problems.add(where(n) + ": a script task needs zeebe:script (a FEEL expression and a"
          + " resultVariable) or zeebe:taskDefinition (a job worker)");
      return;
    }
    if (blank(script.getExpression()) || !Feel.isExpression(script.getExpression())) {
      problems.add(where(n) + ": zeebe:script expression must be a FEEL expression starting"
          + " with '=', but was '" + script.getExpression() + "'");
    }
    if (blank(script.getResultVariable())) {
      problems.add(where(n) + ": zeebe:script needs a resultVariable");
    }
    n.scriptExpression = script.getExpression();
    n.resultVariable = script.getResultVariable();
  }

  /** A message intermediate throw or end event: a job for a worker, as in Zeebe. */
  static void readMessageThrow(FlowNode fn, Node n, List<String> problems) {
    n.trigger = Trigger.NONE; // it throws; nothing waits for the message
    if (fn.getSingleExtensionElement(ZeebeTaskDefinition.class) == null) {
      n.kind = Kind.JOB_TASK;
      problems.add(where(n) + ": a message throw or end event is job-based and needs"
          + " zeebe:taskDefinition with a type (a worker publishes the message)");
      return;
    }
    readJobWorker(fn, n, problems);
  }

  /** The job worker form: zeebe:taskDefinition type and retries, zeebe:taskHeaders. */
  static void readJobWorker(FlowNode fn, Node n, List<String> problems) {
    n.kind = Kind.JOB_TASK;
    ZeebeTaskDefinition td = fn.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (td == null || blank(td.getType())) {
      problems.add(where(n) + ": needs zeebe:taskDefinition with a type");
    } else {
      n.jobType = td.getType();
      if (!blank(td.getRetries())) {
        n.retries = td.getRetries();
      }
    }
    ZeebeTaskHeaders th = fn.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (th != null) {
      for (ZeebeHeader h : th.getHeaders()) {
        n.headers.put(h.getKey(), h.getValue());
      }
    }
  }

  /** Every flow leaving a forking inclusive gateway needs a condition, but the default. */
  static void checkInclusiveGateway(Node n, List<String> problems) {
    if (n.outgoing.size() <= 1) {
      return;
    }
    for (Flow f : n.outgoing) {
      if (f.condition() == null && !f.id().equals(n.defaultFlow)) {
        problems.add("sequence flow '" + f.id() + "' leaving inclusive gateway '" + n.id
            + "' needs a condition (or must be the default flow)");
      }
    }
  }

  /** Sub-process variants the engine does not run, named. */
  static String unsupportedSubProcess(SubProcess sp, Node n) {
    String what = sp instanceof Transaction ? "transaction sub-processes"
        : n.elementType + " elements";
    return where(n) + ": " + what + " are not supported by Baton's embedded engine (see"
        + " docs/workflow.md for the supported elements)";
  }

  /** An event definition the engine does not support, named. */
  static String unsupportedDefinition(EventDefinition d, Node n) {
    return where(n) + ": event definition '" + d.getElementType().getTypeName()
        + "' is not supported";
  }
}
