package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.Commands.DecisionEvaluation;
import dev.baton.engine.workflow.internal.Commands.EvaluatedDecision;
import dev.baton.engine.workflow.internal.Commands.MatchedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates a deployed decision version and describes the evaluation. Engine thread only. */
final class DecisionCalls {
  private DecisionCalls() {}

  static DecisionEvaluation evaluate(EngineState state, Decisions.Decision d,
      Map<String, Object> variables) {
    Decisions.Drg g = state.decisions.drgOf(d);
    DmnResource.Result r = g.resource.evaluate(d.decisionId, variables);
    List<EvaluatedDecision> evaluated = new ArrayList<>();
    for (DmnResource.EvaluatedDecision e : r.evaluated()) {
      Decisions.Decision x = g.decisions.stream()
          .filter(y -> y.decisionId.equals(e.decisionId())).findFirst().orElse(d);
      List<MatchedRule> rules = e.matchedRules().stream()
          .map(m -> new MatchedRule(m.ruleId(), m.ruleIndex())).toList();
      evaluated.add(new EvaluatedDecision(x.key, x.decisionId, x.name, x.version,
          e.decisionType(), Json.write(e.output()), rules));
    }
    return new DecisionEvaluation(d.key, d.decisionId, d.name, d.version, g.drgId, g.key,
        state.newKey(), r.failed() ? null : Json.write(r.output()), List.copyOf(evaluated),
        r.failedDecisionId(), r.failureMessage());
  }
}
