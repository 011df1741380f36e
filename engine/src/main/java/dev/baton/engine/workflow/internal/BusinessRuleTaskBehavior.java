package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.RuleDecisionRef;
import dev.baton.engine.workflow.RuleDecisions;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.IncidentType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Business rule tasks with {@code zeebe:calledDecision}: activating evaluates the latest version
 * of the deployed DMN decision, or the Baton rule packs a {@code baton:} decision id names
 * (through {@link RuleDecisions}), on the variables visible at the task, sets the result
 * variable and completes. A missing decision or pack raises {@code CALLED_DECISION_ERROR}, a
 * failed evaluation {@code DECISION_EVALUATION_ERROR}; resolving the incident evaluates again.
 * (The job-worker form, {@code zeebe:taskDefinition}, is a job task.)
 */
final class BusinessRuleTaskBehavior implements ElementBehavior {
  private final WorkflowEngineCore engine;

  BusinessRuleTaskBehavior(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Reads {@code zeebe:calledDecision} at deployment. */
  static void read(ZeebeCalledDecision cd, Node n, List<String> problems) {
    n.kind = Kind.BUSINESS_RULE_TASK;
    String where = n.elementType + " '" + n.id + "'";
    if (cd.getDecisionId() == null || cd.getDecisionId().isBlank()) {
      problems.add(where + ": zeebe:calledDecision needs a decisionId");
    }
    if (cd.getResultVariable() == null || cd.getResultVariable().isBlank()) {
      problems.add(where + ": zeebe:calledDecision needs a resultVariable");
    }
    ZeebeBindingType binding = cd.getBindingType();
    if (binding != null && binding != ZeebeBindingType.latest) {
      problems.add(where + ": zeebe:calledDecision bindingType '" + binding + "' is not"
          + " supported by Baton's embedded engine; use 'latest' (the default)");
    }
    n.calledDecisionId = cd.getDecisionId() == null ? null : cd.getDecisionId().trim();
    n.resultVariable = cd.getResultVariable();
  }

  @Override
  public void activate(ElementInstance ei, Node n) {
    Map<String, Object> variables = engine.variables.visible(ei);
    Object evaluatedId = engine.feel.evaluate(n.calledDecisionId, variables);
    if (!(evaluatedId instanceof String id) || id.isBlank()) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the decision id"
          + " of '" + n.id + "' (" + n.calledDecisionId + ") to be a string, but it was '"
          + evaluatedId + "'");
    }
    Object result = RuleDecisionRef.isRuleDecision(id) ? rulePacks(ei, id, variables)
        : dmn(id, variables);
    Map<String, Object> payload = new HashMap<>();
    payload.put(n.resultVariable, result);
    engine.variables.applyPayload(ei, payload);
    engine.lifecycle.complete(ei, null);
  }

  private Object dmn(String id, Map<String, Object> variables) {
    Decisions.Decision d = engine.state.decisions.latest(id);
    if (d == null) {
      throw new IncidentException(IncidentType.CALLED_DECISION_ERROR, "Expected to evaluate"
          + " decision '" + id + "', but no decision found for id '" + id + "'");
    }
    DmnResource.Result r = engine.state.decisions.drgOf(d).resource.evaluate(id, variables);
    if (r.failed()) {
      throw new IncidentException(IncidentType.DECISION_EVALUATION_ERROR, r.failureMessage());
    }
    return r.output();
  }

  private Object rulePacks(ElementInstance ei, String id, Map<String, Object> variables) {
    RuleDecisions rules = engine.ruleDecisions;
    if (rules == null) {
      throw new IncidentException(IncidentType.CALLED_DECISION_ERROR, "Expected to evaluate"
          + " the Baton rule packs '" + id + "', but this engine evaluates no rule packs"
          + " (WorkflowEngineOptions.withRuleDecisions is not set)");
    }
    RuleDecisionRef ref;
    try {
      ref = RuleDecisionRef.parse(id);
    } catch (IllegalArgumentException e) {
      throw new IncidentException(IncidentType.CALLED_DECISION_ERROR, e.getMessage());
    }
    try {
      return rules.decide(new RuleDecisions.Request(ref, variables, ei.processInstanceKey,
          ei.key, ei.bpmnProcessId, ei.elementId, engine.now()));
    } catch (NoSuchElementException e) {
      throw new IncidentException(IncidentType.CALLED_DECISION_ERROR, "Expected to evaluate"
          + " the Baton rule packs '" + id + "', but " + e.getMessage());
    } catch (RuntimeException e) {
      throw new IncidentException(IncidentType.DECISION_EVALUATION_ERROR, "Expected to"
          + " evaluate the Baton rule packs '" + id + "', but " + e.getMessage());
    }
  }
}
