package dev.baton.engine.workflow.internal;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BPMN process reduced to what the runtime executes, parsed and checked once at deployment.
 * Everything outside the supported subset is rejected with the element type and id.
 */
final class ProcessModel {
  enum Kind {
    PROCESS, START_EVENT, END_EVENT, JOB_TASK, PASS_THROUGH, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY,
    EVENT_BASED_GATEWAY, CATCH_EVENT, BOUNDARY_EVENT, SUB_PROCESS, CALL_ACTIVITY,
    RECEIVE_TASK, SCRIPT_TASK, INCLUSIVE_GATEWAY, USER_TASK, BUSINESS_RULE_TASK,
    EVENT_SUB_PROCESS, THROW_EVENT, AD_HOC_SUB_PROCESS, COMPENSATION_THROW
  }

  enum Trigger { NONE, MESSAGE, TIMER, ERROR, TERMINATE, SIGNAL, ESCALATION, LINK, COMPENSATION }

  enum TimerKind { DURATION, DATE, CYCLE }

  record Mapping(String source, String target) {}

  record Flow(String id, String source, String target, String condition) {}

  record Loop(boolean sequential, String inputCollection, String inputElement,
      String outputCollection, String outputElement, String completionCondition) {}

  /** One flow node (or the process itself, as the root scope). */
  static final class Node {
    String id;
    String elementType;
    Kind kind;
    Trigger trigger = Trigger.NONE;
    String scopeId;
    final List<Flow> outgoing = new ArrayList<>();
    final List<String> incoming = new ArrayList<>();
    String defaultFlow;
    String jobType;
    String retries = "3";
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<Mapping> inputs = new ArrayList<>();
    final List<Mapping> outputs = new ArrayList<>();
    String messageName;
    String correlationKey;
    String signalName;
    TimerKind timerKind;
    String timerExpression;
    String errorCode;
    String attachedTo;
    boolean cancelActivity = true;
    final List<String> boundaries = new ArrayList<>();
    String noneStart;
    Loop loop;
    String calledProcessId;
    boolean propagateAllChildVariables = true;
    boolean propagateAllParentVariables = true;
    /** A script task's FEEL expression; a script or business rule task's result variable. */
    String scriptExpression;
    String resultVariable;
    /** A business rule task's decision: a DMN decision id (or FEEL), or a Baton rule pack id. */
    String calledDecisionId;
    /** Execution listeners, each kind in model order. */
    final List<ExecutionListenerModel.Listener> startListeners = new ArrayList<>();
    final List<ExecutionListenerModel.Listener> endListeners = new ArrayList<>();
    UserTaskModel.Spec userTask;
    /** Escalation throw and catch events: the code (null on a catch-all). */
    String escalationCode;
    /** Link events: the link name; on a throw, the id of the catch it jumps to. */
    String linkName;
    String linkTarget;
    /** The start event of an event sub-process (its {@code cancelActivity}: interrupting). */
    boolean inEventSubProcess;
    /** A scope's event sub-processes' start events; an event sub-process's own start event. */
    final List<String> eventSubProcessStarts = new ArrayList<>();
    String eventStart;

    /** An ad-hoc sub-process: what it activates on entry and when it completes. */
    AdHocModel.AdHoc adHoc;
    /**
     * Compensation: on a compensation boundary event and on its activity, the handler's id; on a
     * compensation throw or end event, the activity it compensates (null: all in its scope).
     */
    String compensationHandler;
    String compensateActivity;
    /** An activity marked isForCompensation: run only by a compensation throw event. */
    boolean forCompensation;

    boolean isActivity() {
      return kind == Kind.JOB_TASK || kind == Kind.SUB_PROCESS || kind == Kind.CALL_ACTIVITY
          || kind == Kind.RECEIVE_TASK || kind == Kind.SCRIPT_TASK || kind == Kind.USER_TASK
          || kind == Kind.BUSINESS_RULE_TASK || kind == Kind.AD_HOC_SUB_PROCESS
          || kind == Kind.PASS_THROUGH && "task".equals(elementType);
    }
  }

  final String processId;
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Map<String, Flow> flows = new LinkedHashMap<>();
  final List<String> messageStarts = new ArrayList<>();
  final List<String> timerStarts = new ArrayList<>();
  final List<String> signalStarts = new ArrayList<>();

  private ProcessModel(String processId) {
    this.processId = processId;
  }

  Node node(String id) {
    return nodes.get(id);
  }

  Node root() {
    return nodes.get(processId);
  }

  /** A deployment problem: status INVALID_ARGUMENT, message says what and where. */
  static final class InvalidModelException extends RuntimeException {
    InvalidModelException(String message) {
      super(message);
    }
  }

  /** Parses and checks every executable process of a BPMN resource. */
  static List<ProcessModel> parse(String resourceName, byte[] xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      throw new InvalidModelException("'" + resourceName + "': not a valid BPMN file: "
          + rootMessage(e));
    }
    List<String> problems = new ArrayList<>();
    List<ProcessModel> out = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      ProcessModel pm = new ProcessModel(p.getId());
      Node root = new Node();
      root.id = p.getId();
      root.kind = Kind.PROCESS;
      root.elementType = "process";
      pm.nodes.put(root.id, root);
      ExecutionListenerModel.read(p, root, problems);
      pm.readScope(root, p.getFlowElements(), problems);
      pm.resolveBoundaries();
      pm.check(problems);
      if (root.noneStart == null && pm.messageStarts.isEmpty() && pm.timerStarts.isEmpty()
          && pm.signalStarts.isEmpty()) {
        problems.add("process '" + p.getId() + "' has no start event");
      }
      out.add(pm);
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add("no executable process (set isExecutable=\"true\" on the process)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelException("'" + resourceName + "': " + String.join("; ", problems));
    }
    return out;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable c = e.getCause();
    while (c != null && c != e) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
      e = c;
      c = c.getCause();
    }
    return sb.toString();
  }

  private void readScope(Node scope, Collection<FlowElement> elements, List<String> problems) {
    for (FlowElement fe : elements) {
      if (fe instanceof SequenceFlow sf) {
        String cond = sf.getConditionExpression() == null ? null
            : sf.getConditionExpression().getTextContent().trim();
        Flow f = new Flow(sf.getId(), sf.getSource().getId(), sf.getTarget().getId(),
            cond == null || cond.isEmpty() ? null : cond);
        flows.put(f.id(), f);
        continue;
      }
      if (!(fe instanceof FlowNode fn)) {
        continue; // data objects and other non-executable elements
      }
      Node n = new Node();
      n.id = fn.getId();
      n.elementType = fe.getElementType().getTypeName();
      n.scopeId = scope.id;
      nodes.put(n.id, n);
      readNode(scope, fn, n, problems);
      if (fn instanceof Activity a) {
        if (a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
          ZeebeLoopCharacteristics z = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
          String cc = mi.getCompletionCondition() == null ? null
              : mi.getCompletionCondition().getTextContent().trim();
          if (z == null || blank(z.getInputCollection())) {
            problems.add(where(n) + ": multi-instance needs zeebe:loopCharacteristics"
                + " inputCollection");
          } else {
            n.loop = new Loop(mi.isSequential(), z.getInputCollection(),
                emptyToNull(z.getInputElement()), emptyToNull(z.getOutputCollection()),
                emptyToNull(z.getOutputElement()), emptyToNull(cc));
          }
        } else if (a.getLoopCharacteristics() != null) {
          problems.add(where(n) + ": standard loops are not supported (use multi-instance)");
        }
      }
      readMappings(fn, n);
      ExecutionListenerModel.read(fn, n, problems);
    }
    for (Flow f : flows.values()) {
      Node s = nodes.get(f.source());
      Node t = nodes.get(f.target());
      if (s != null && t != null && s.scopeId.equals(scope.id) && !s.outgoing.contains(f)) {
        s.outgoing.add(f);
        t.incoming.add(f.id());
      }
    }
  }

  private void readNode(Node scope, FlowNode fn, Node n, List<String> problems) {
    if (fn instanceof StartEvent se) {
      n.kind = Kind.START_EVENT;
      n.trigger = trigger(se.getEventDefinitions(), n, problems);
      if (scope.kind == Kind.EVENT_SUB_PROCESS) {
        readEventSubProcessStart(scope, se, n, problems);
      } else if (n.trigger == Trigger.NONE) {
        if (scope.noneStart != null) {
          problems.add(where(n) + ": a second none start event in '" + scope.id + "'");
        }
        scope.noneStart = n.id;
      } else if (scope.kind != Kind.PROCESS) {
        problems.add(where(n) + ": an embedded sub-process needs a none start event"
            + " (message, timer, signal, error and escalation starts belong in an event"
            + " sub-process)");
      } else if (n.trigger == Trigger.MESSAGE) {
        messageStarts.add(n.id);
      } else if (n.trigger == Trigger.TIMER) {
        timerStarts.add(n.id);
      } else if (n.trigger == Trigger.SIGNAL) {
        signalStarts.add(n.id);
      } else {
        problems.add(where(n) + ": " + n.trigger.name().toLowerCase() + " start events are not"
            + " supported" + (n.trigger == Trigger.ERROR || n.trigger == Trigger.ESCALATION
            ? " at process level (use one in an event sub-process)" : ""));
      }
    } else if (fn instanceof EndEvent ee) {
      n.kind = Kind.END_EVENT;
      n.trigger = trigger(ee.getEventDefinitions(), n, problems);
      if (n.trigger == Trigger.MESSAGE) {
        TaskElements.readMessageThrow(fn, n, problems); // job-based, as Zeebe
      } else if (n.trigger == Trigger.COMPENSATION) {
        n.kind = Kind.COMPENSATION_THROW;
      } else if (n.trigger != Trigger.NONE && n.trigger != Trigger.ERROR
          && n.trigger != Trigger.TERMINATE && n.trigger != Trigger.SIGNAL
          && n.trigger != Trigger.ESCALATION) {
        problems.add(where(n) + ": " + n.trigger.name().toLowerCase() + " end events are not"
            + " supported");
      }
      if (n.trigger == Trigger.ERROR && n.errorCode == null) {
        problems.add(where(n) + ": an error end event needs an error with an errorCode");
      }
    } else if (fn instanceof IntermediateThrowEvent te && te.getEventDefinitions().stream()
        .anyMatch(d -> d instanceof CompensateEventDefinition)) {
      n.kind = Kind.COMPENSATION_THROW;
      n.trigger = trigger(te.getEventDefinitions(), n, problems);
    } else if (fn instanceof IntermediateThrowEvent te
        && te.getEventDefinitions().stream().anyMatch(d -> d instanceof MessageEventDefinition)) {
      n.trigger = trigger(te.getEventDefinitions(), n, problems);
      TaskElements.readMessageThrow(fn, n, problems); // job-based, as Zeebe
    } else if (fn instanceof ReceiveTask rt) {
      TaskElements.readReceiveTask(rt, n, problems);
    } else if (fn instanceof ScriptTask st) {
      TaskElements.readScriptTask(st, n, problems);
    } else if (fn instanceof InclusiveGateway ig) {
      n.kind = Kind.INCLUSIVE_GATEWAY;
      n.defaultFlow = ig.getDefault() == null ? null : ig.getDefault().getId();
    } else if (fn instanceof BusinessRuleTask
        && fn.getSingleExtensionElement(ZeebeCalledDecision.class) != null) {
      BusinessRuleTaskBehavior.read(fn.getSingleExtensionElement(ZeebeCalledDecision.class), n,
          problems);
    } else if (fn instanceof ServiceTask || fn instanceof SendTask
        || fn instanceof BusinessRuleTask) {
      TaskElements.readJobWorker(fn, n, problems);
    } else if (fn instanceof UserTask) {
      n.kind = Kind.USER_TASK;
      UserTaskModel.read(fn, n, problems);
    } else if (fn instanceof ManualTask || fn.getClass().getSimpleName().equals("TaskImpl")
        && fn instanceof Task) {
      n.kind = Kind.PASS_THROUGH;
    } else if (fn instanceof IntermediateThrowEvent te && te.getEventDefinitions().isEmpty()) {
      n.kind = Kind.PASS_THROUGH;
    } else if (fn instanceof IntermediateThrowEvent te && isThrownByEngine(te)) {
      n.kind = Kind.THROW_EVENT;
      n.trigger = trigger(te.getEventDefinitions(), n, problems);
    } else if (fn instanceof IntermediateCatchEvent ce && ce.getEventDefinitions().size() == 1
        && ce.getEventDefinitions().iterator().next() instanceof LinkEventDefinition) {
      n.kind = Kind.PASS_THROUGH;
      n.trigger = trigger(ce.getEventDefinitions(), n, problems);
    } else if (fn instanceof ExclusiveGateway xg) {
      n.kind = Kind.EXCLUSIVE_GATEWAY;
      n.defaultFlow = xg.getDefault() == null ? null : xg.getDefault().getId();
    } else if (fn instanceof ParallelGateway) {
      n.kind = Kind.PARALLEL_GATEWAY;
    } else if (fn instanceof EventBasedGateway) {
      n.kind = Kind.EVENT_BASED_GATEWAY;
    } else if (fn instanceof IntermediateCatchEvent ce) {
      n.kind = Kind.CATCH_EVENT;
      n.trigger = trigger(ce.getEventDefinitions(), n, problems);
      if (n.trigger != Trigger.MESSAGE && n.trigger != Trigger.TIMER
          && n.trigger != Trigger.SIGNAL) {
        problems.add(where(n) + ": intermediate catch events need a message, timer or signal"
            + " definition");
      }
    } else if (fn instanceof BoundaryEvent be) {
      n.kind = Kind.BOUNDARY_EVENT;
      n.trigger = trigger(be.getEventDefinitions(), n, problems);
      n.attachedTo = be.getAttachedTo() == null ? null : be.getAttachedTo().getId();
      n.cancelActivity = be.cancelActivity();
      if (n.trigger != Trigger.MESSAGE && n.trigger != Trigger.TIMER
          && n.trigger != Trigger.ERROR && n.trigger != Trigger.SIGNAL
          && n.trigger != Trigger.ESCALATION && n.trigger != Trigger.COMPENSATION
          && (n.trigger != Trigger.NONE || be.getEventDefinitions().isEmpty())) {
        problems.add(where(n) + ": boundary events need a timer, error, escalation, message,"
            + " signal or compensation definition");
      }
      if (n.trigger == Trigger.ERROR && !n.cancelActivity) {
        problems.add(where(n) + ": error boundary events are always interrupting");
      }
      if (n.trigger == Trigger.COMPENSATION) {
        CompensationModel.readBoundary(be, n, problems);
      }
      if (n.attachedTo == null) {
        problems.add(where(n) + ": not attached to an activity");
      }
    } else if (fn instanceof AdHocSubProcess ah && !ah.triggeredByEvent()) {
      AdHocModel.read(ah, n, problems);
      readScope(n, ah.getFlowElements(), problems);
      AdHocModel.checkInner(this, n, problems);
    } else if (fn instanceof SubProcess sp) {
      if (sp.triggeredByEvent()) {
        readEventSubProcess(scope, sp, n, problems);
        return;
      }
      if (!sp.getClass().getSimpleName().equals("SubProcessImpl")) {
        problems.add(TaskElements.unsupportedSubProcess(sp, n));
        return;
      }
      n.kind = Kind.SUB_PROCESS;
      readScope(n, sp.getFlowElements(), problems);
      if (n.noneStart == null) {
        problems.add(where(n) + ": an embedded sub-process needs one none start event");
      }
    } else if (fn instanceof CallActivity) {
      n.kind = Kind.CALL_ACTIVITY;
      ZeebeCalledElement ce = fn.getSingleExtensionElement(ZeebeCalledElement.class);
      if (ce == null || blank(ce.getProcessId())) {
        problems.add(where(n) + ": needs zeebe:calledElement with a processId");
      } else {
        n.calledProcessId = ce.getProcessId();
        n.propagateAllChildVariables = ce.isPropagateAllChildVariablesEnabled();
        n.propagateAllParentVariables = ce.isPropagateAllParentVariablesEnabled();
      }
    } else {
      problems.add(unsupported(n));
    }
    if (fn instanceof Activity a && a.isForCompensation()) {
      n.forCompensation = true;
    }
    if (n.kind == Kind.BOUNDARY_EVENT && n.attachedTo != null) {
      // attached after the whole scope is read; the attached activity may come later
      pendingBoundaries.add(n);
    }
    if (n.trigger == Trigger.MESSAGE && n.kind != null && n.kind != Kind.START_EVENT
        && n.kind != Kind.JOB_TASK && blank(n.correlationKey)) {
      problems.add(where(n) + ": a message catch needs zeebe:subscription with a"
          + " correlationKey");
    }
  }

  private final List<Node> pendingBoundaries = new ArrayList<>();

  private void resolveBoundaries() {
    for (var it = pendingBoundaries.iterator(); it.hasNext(); ) {
      Node b = it.next();
      Node host = nodes.get(b.attachedTo);
      if (host != null) {
        host.boundaries.add(b.id);
        it.remove();
      }
    }
  }

  private Trigger trigger(Collection<EventDefinition> defs, Node n, List<String> problems) {
    if (defs.isEmpty()) {
      return Trigger.NONE;
    }
    if (defs.size() > 1) {
      problems.add(where(n) + ": multiple event definitions are not supported");
    }
    EventDefinition d = defs.iterator().next();
    if (d instanceof MessageEventDefinition m) {
      if (m.getMessage() == null || blank(m.getMessage().getName())) {
        problems.add(where(n) + ": the message needs a name");
      } else {
        n.messageName = m.getMessage().getName();
        ZeebeSubscription s = m.getMessage().getSingleExtensionElement(ZeebeSubscription.class);
        n.correlationKey = s == null ? null : s.getCorrelationKey();
      }
      return Trigger.MESSAGE;
    }
    if (d instanceof TimerEventDefinition t) {
      if (t.getTimeDuration() != null) {
        n.timerKind = TimerKind.DURATION;
        n.timerExpression = t.getTimeDuration().getTextContent().trim();
      } else if (t.getTimeDate() != null) {
        n.timerKind = TimerKind.DATE;
        n.timerExpression = t.getTimeDate().getTextContent().trim();
      } else if (t.getTimeCycle() != null) {
        n.timerKind = TimerKind.CYCLE;
        n.timerExpression = t.getTimeCycle().getTextContent().trim();
      } else {
        problems.add(where(n) + ": the timer needs timeDuration, timeDate or timeCycle");
      }
      return Trigger.TIMER;
    }
    if (d instanceof ErrorEventDefinition e) {
      n.errorCode = e.getError() == null ? null : emptyToNull(e.getError().getErrorCode());
      return Trigger.ERROR;
    }
    if (d instanceof CompensateEventDefinition c) {
      CompensationModel.readDefinition(c, n, problems);
      return Trigger.COMPENSATION;
    }
    if (d instanceof TerminateEventDefinition) {
      return Trigger.TERMINATE;
    }
    if (d instanceof EscalationEventDefinition e) {
      n.escalationCode = e.getEscalation() == null ? null
          : emptyToNull(e.getEscalation().getEscalationCode());
      return Trigger.ESCALATION;
    }
    if (d instanceof LinkEventDefinition l) {
      n.linkName = emptyToNull(l.getName());
      return Trigger.LINK;
    }
    if (d instanceof SignalEventDefinition s) {
      if (s.getSignal() == null || blank(s.getSignal().getName())) {
        problems.add(where(n) + ": the signal needs a name");
      } else {
        n.signalName = s.getSignal().getName();
      }
      return Trigger.SIGNAL;
    }
    problems.add(TaskElements.unsupportedDefinition(d, n));
    return Trigger.NONE;
  }

  private static void readMappings(FlowNode fn, Node n) {
    ZeebeIoMapping io = fn.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    io.getInputs().forEach(i -> n.inputs.add(new Mapping(i.getSource(), i.getTarget())));
    io.getOutputs().forEach(o -> n.outputs.add(new Mapping(o.getSource(), o.getTarget())));
  }

  /** Final checks once all nodes are read. */
  void check(List<String> problems) {
    checkEventSubProcessesAndThrowEvents(problems);
    for (Node b : pendingBoundaries) {
      problems.add(where(b) + ": attached to '" + b.attachedTo + "', which is not an element of"
          + " the same process");
    }
    for (Node n : nodes.values()) {
      for (Flow f : n.outgoing) {
        String syntax = f.condition() == null ? null : Feel.conditionSyntaxProblem(f.condition());
        if (syntax != null) {
          problems.add("sequence flow '" + f.id() + "': the condition '" + f.condition().trim()
              + "' is not a valid FEEL expression: " + syntax);
        }
      }
      if (n.kind == Kind.EXCLUSIVE_GATEWAY && n.outgoing.size() > 1) {
        for (Flow f : n.outgoing) {
          if (f.condition() == null && !f.id().equals(n.defaultFlow)) {
            problems.add("sequence flow '" + f.id() + "' leaving exclusive gateway '" + n.id
                + "' needs a condition (or must be the default flow)");
          }
        }
      }
      if (n.kind == Kind.INCLUSIVE_GATEWAY) {
        TaskElements.checkInclusiveGateway(n, problems);
      }
      if (n.kind == Kind.EVENT_BASED_GATEWAY) {
        if (n.outgoing.size() < 2) {
          problems.add(where(n) + ": an event-based gateway needs at least two outgoing flows");
        }
        for (Flow f : n.outgoing) {
          Node t = nodes.get(f.target());
          if (t == null || t.kind != Kind.CATCH_EVENT) {
            problems.add(where(n) + ": flow '" + f.id() + "' must lead to an intermediate"
                + " message, timer or signal catch event");
          }
        }
      }
      if (n.kind == Kind.BOUNDARY_EVENT) {
        Node host = nodes.get(n.attachedTo);
        if (host != null && host.kind == null) {
          problems.add(where(n) + ": attached to " + where(host) + ", an element that Baton's"
              + " embedded engine does not support (see the error about '" + host.id + "')");
        } else if (host != null && !host.isActivity()) {
          problems.add(where(n) + ": attached to '" + host.id + "', which is not an activity");
        }
      }
    }
    CompensationModel.check(this, problems);
  }

  // ====================================================================== event sub-processes,
  // escalation, signal and link throw events (their behaviour: EventSubProcessBehavior,
  // ThrowEventBehavior, Escalations)

  /** Intermediate throw events the engine throws itself: signal, escalation, link. */
  private static boolean isThrownByEngine(IntermediateThrowEvent te) {
    if (te.getEventDefinitions().size() != 1) {
      return false;
    }
    EventDefinition d = te.getEventDefinitions().iterator().next();
    return d instanceof SignalEventDefinition || d instanceof EscalationEventDefinition
        || d instanceof LinkEventDefinition;
  }

  private void readEventSubProcess(Node scope, SubProcess sp, Node n, List<String> problems) {
    n.kind = Kind.EVENT_SUB_PROCESS;
    n.elementType = "eventSubProcess";
    readScope(n, sp.getFlowElements(), problems);
    if (n.eventStart == null) {
      problems.add(where(n) + ": an event sub-process needs one message, timer, signal, error"
          + " or escalation start event");
      return;
    }
    if (!sp.getIncoming().isEmpty() || !sp.getOutgoing().isEmpty()) {
      problems.add(where(n) + ": an event sub-process has no incoming or outgoing sequence"
          + " flows");
    }
    scope.eventSubProcessStarts.add(n.eventStart);
  }

  private void readEventSubProcessStart(Node esp, StartEvent se, Node n, List<String> problems) {
    n.inEventSubProcess = true;
    n.cancelActivity = se.isInterrupting();
    if (esp.eventStart != null) {
      problems.add(where(n) + ": an event sub-process has exactly one start event ('"
          + esp.id + "' already starts at '" + esp.eventStart + "')");
      return;
    }
    esp.eventStart = n.id;
    switch (n.trigger) {
      case MESSAGE, TIMER, SIGNAL, ESCALATION -> { }
      case ERROR -> {
        if (!n.cancelActivity) {
          problems.add(where(n) + ": an error start event of an event sub-process is always"
              + " interrupting (set isInterrupting=\"true\")");
        }
      }
      case NONE -> problems.add(where(n) + ": an event sub-process needs a message, timer,"
          + " signal, error or escalation start event, not a none start event");
      default -> problems.add(where(n) + ": " + n.trigger.name().toLowerCase() + " start events"
          + " are not supported in event sub-processes");
    }
    if (n.trigger == Trigger.MESSAGE && blank(n.correlationKey)) {
      problems.add(where(n) + ": a message start event of an event sub-process needs"
          + " zeebe:subscription with a correlationKey");
    }
  }

  private void checkEventSubProcessesAndThrowEvents(List<String> problems) {
    Map<String, Map<String, String>> catchLinks = new LinkedHashMap<>();
    for (Node n : nodes.values()) {
      if (n.trigger == Trigger.LINK && n.kind == Kind.PASS_THROUGH) {
        if (n.linkName == null) {
          problems.add(where(n) + ": a link catch event needs a link name");
          continue;
        }
        String other = catchLinks.computeIfAbsent(n.scopeId, k -> new LinkedHashMap<>())
            .putIfAbsent(n.linkName, n.id);
        if (other != null) {
          problems.add(where(n) + ": link name '" + n.linkName + "' is already caught by '"
              + other + "' in the same scope; a link catch event's name must be unique");
        }
      }
    }
    for (Node n : nodes.values()) {
      if (n.trigger == Trigger.LINK && n.kind == Kind.THROW_EVENT) {
        String target = n.linkName == null ? null
            : catchLinks.getOrDefault(n.scopeId, Map.of()).get(n.linkName);
        if (target == null) {
          problems.add(where(n) + ": no link catch event named '" + n.linkName + "' in the"
              + " same scope ('" + n.scopeId + "') to jump to; add an intermediate catch event"
              + " with a link event definition of that name");
        }
        n.linkTarget = target;
        if (!n.outgoing.isEmpty()) {
          problems.add(where(n) + ": a link throw event has no outgoing sequence flows");
        }
      }
      if ((n.kind == Kind.THROW_EVENT || n.kind == Kind.END_EVENT)
          && n.trigger == Trigger.ESCALATION && n.escalationCode == null) {
        problems.add(where(n) + ": an escalation throw event needs an escalation with an"
            + " escalationCode");
      }
      if (n.kind == Kind.BOUNDARY_EVENT && n.trigger == Trigger.ESCALATION) {
        Node host = nodes.get(n.attachedTo);
        if (host != null && host.kind != Kind.SUB_PROCESS && host.kind != Kind.CALL_ACTIVITY) {
          problems.add(where(n) + ": an escalation boundary event can only be attached to a"
              + " sub-process or a call activity, not to '" + host.id + "'");
        }
      }
      if (n.escalationCode != null && Feel.isExpression(n.escalationCode)
          && n.kind != Kind.THROW_EVENT && n.kind != Kind.END_EVENT) {
        problems.add(where(n) + ": the escalationCode of a catch event must be a static value");
      }
      // at most one catch event per escalation code (and one catch-all) on an activity and
      // among the event sub-processes of a scope
      for (Trigger t : List.of(Trigger.ESCALATION, Trigger.ERROR)) {
        checkUniqueCodes(n, n.eventSubProcessStarts, t, problems);
        checkUniqueCodes(n, n.boundaries, t, problems);
      }
    }
  }

  private void checkUniqueCodes(Node scope, List<String> catchers, Trigger t,
      List<String> problems) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String id : catchers) {
      Node c = nodes.get(id);
      if (c == null || c.trigger != t) {
        continue;
      }
      String code = t == Trigger.ESCALATION ? c.escalationCode : c.errorCode;
      String key = code == null ? "" : code;
      String before = seen.putIfAbsent(key, c.id);
      if (before != null) {
        problems.add(where(c) + ": '" + before + "' already catches "
            + (code == null ? "every " + t.name().toLowerCase() : t.name().toLowerCase()
            + " code '" + code + "'") + " for '" + scope.id + "'");
      }
    }
  }

  private static String unsupported(Node n) {
    return "element '" + n.elementType + "' with id '" + n.id + "' is not supported by Baton's"
        + " embedded engine (see docs/workflow.md for the supported elements)";
  }

  static String where(Node n) {
    return n.elementType + " '" + n.id + "'";
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }
}
