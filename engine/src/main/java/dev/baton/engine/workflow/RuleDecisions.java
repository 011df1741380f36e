package dev.baton.engine.workflow;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Evaluates Baton rule packs for business rule tasks whose {@code zeebe:calledDecision} names
 * them ({@link RuleDecisionRef}, e.g. {@code decisionId="baton:consent-check@1.1.0"}). The
 * embedded engine calls it in-process when such a task is activated and sets the task's result
 * variable to the returned map; without one configured ({@link
 * WorkflowEngineOptions#withRuleDecisions}), processes with such tasks are refused at
 * deployment.
 *
 * <p>Threading: called on the engine's thread, one call at a time; a call blocks the engine, so
 * keep it to an evaluation and a durable record. Failure: {@link NoSuchElementException} when a
 * pack or version is not published raises the incident {@code CALLED_DECISION_ERROR}; any other
 * exception raises {@code DECISION_EVALUATION_ERROR}; both carry the exception's message and are
 * retried when the incident is resolved. Implementations should be idempotent on the request
 * (the same process and element instance keys): a retried task may call again.
 */
@FunctionalInterface
public interface RuleDecisions {

  /**
   * Evaluates the packs on the task's variables and records the decision.
   *
   * @return the task's result: a JSON-like map (text, numbers, booleans, lists, maps)
   */
  Map<String, Object> decide(Request request);

  /**
   * One business rule task's call.
   *
   * @param decision the packs to evaluate
   * @param variables the variables visible at the task (after its input mappings)
   * @param processInstanceKey the process instance
   * @param elementInstanceKey the task's element instance
   * @param bpmnProcessId the process's id
   * @param elementId the task's id in the process
   * @param nowMillis the engine's clock, in epoch millis
   */
  record Request(RuleDecisionRef decision, Map<String, Object> variables,
      long processInstanceKey, long elementInstanceKey, String bpmnProcessId, String elementId,
      long nowMillis) {
    public Request {
      // variables may hold nulls, which Map.copyOf refuses
      variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
  }
}
