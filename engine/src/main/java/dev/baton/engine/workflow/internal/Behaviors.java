package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import java.util.EnumMap;
import java.util.Map;

/** The behaviour of each element kind: the one place a new kind is registered. */
final class Behaviors {
  private final Map<Kind, ElementBehavior> byKind = new EnumMap<>(Kind.class);

  Behaviors(WorkflowEngineCore engine) {
    byKind.put(Kind.PROCESS, new ProcessBehavior(engine));
    byKind.put(Kind.START_EVENT, new PassThroughBehavior(engine));
    byKind.put(Kind.PASS_THROUGH, new PassThroughBehavior(engine));
    byKind.put(Kind.END_EVENT, new EndEventBehavior(engine));
    byKind.put(Kind.JOB_TASK, new JobTaskBehavior(engine));
    byKind.put(Kind.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior(engine));
    byKind.put(Kind.PARALLEL_GATEWAY, new ParallelGatewayBehavior(engine));
    byKind.put(Kind.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior(engine));
    byKind.put(Kind.CATCH_EVENT, new IntermediateCatchEventBehavior(engine));
    byKind.put(Kind.BOUNDARY_EVENT, engine.boundaryEvents);
    byKind.put(Kind.SUB_PROCESS, new SubProcessBehavior(engine));
    byKind.put(Kind.CALL_ACTIVITY, new CallActivityBehavior(engine));
    byKind.put(Kind.RECEIVE_TASK, new IntermediateCatchEventBehavior(engine));
    byKind.put(Kind.SCRIPT_TASK, new ScriptTaskBehavior(engine));
    byKind.put(Kind.INCLUSIVE_GATEWAY, engine.inclusiveGateways);
    byKind.put(Kind.USER_TASK, new UserTaskBehavior(engine));
    byKind.put(Kind.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior(engine));
    byKind.put(Kind.EVENT_SUB_PROCESS, engine.eventSubProcesses);
    byKind.put(Kind.THROW_EVENT, new ThrowEventBehavior(engine));
    byKind.put(Kind.AD_HOC_SUB_PROCESS, engine.adHocSubProcesses);
    byKind.put(Kind.COMPENSATION_THROW, engine.compensation);
    for (Kind k : Kind.values()) {
      if (!byKind.containsKey(k)) {
        throw new IllegalStateException("no behaviour for element kind " + k);
      }
    }
  }

  /** Signal, escalation and link throws (end events with a signal or escalation use it too). */
  ElementBehavior throwEvents() {
    return byKind.get(Kind.THROW_EVENT);
  }

  ElementBehavior of(Node n) {
    return byKind.get(n.kind);
  }
}
