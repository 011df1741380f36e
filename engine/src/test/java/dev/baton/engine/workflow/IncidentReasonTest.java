package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentReasonTest {

  @Test
  void shouldGiveTheConditionAndFlowWhenAConditionIsNotABoolean() {
    assertThat(IncidentReason.of("CONDITION_ERROR", "expected the condition '=amount > 100' to"
        + " be a boolean, but it was null (sequence flow 'Flow_big')")).isEqualTo(
            new IncidentReason("incident.conditionNotBoolean.flow",
                List.of("=amount > 100", "null", "Flow_big")));
    assertThat(IncidentReason.of("CONDITION_ERROR", "expected the condition 'x' to be a boolean,"
        + " but it was '3' (Long)")).isEqualTo(new IncidentReason(
            "incident.conditionNotBoolean", List.of("x", "'3' (Long)")));
  }

  @Test
  void shouldRecogniseTheOtherMessagesOfTheEngine() {
    assertThat(IncidentReason.of("CONDITION_ERROR", "failed to evaluate expression '=a +': syntax"
        + " error (sequence flow 'F1')")).isEqualTo(new IncidentReason(
            "incident.expressionFailed.flow", List.of("=a +", "syntax error", "F1")));
    assertThat(IncidentReason.of("CONDITION_ERROR", "Expected at least one condition to evaluate"
        + " to true, or to have a default flow, at exclusive gateway 'Gw'")).isEqualTo(
            new IncidentReason("incident.noFlowTaken", List.of("Gw")));
    assertThat(IncidentReason.of("CALLED_ELEMENT_ERROR", "Expected process with BPMN process id"
        + " 'child' to be deployed, but not found.")).isEqualTo(
            new IncidentReason("incident.processNotDeployed", List.of("child")));
    assertThat(IncidentReason.of("CALLED_DECISION_ERROR", "Expected to evaluate decision 'd1',"
        + " but no decision found for id 'd1'")).isEqualTo(
            new IncidentReason("incident.decisionNotFound", List.of("d1")));
  }

  @Test
  void shouldFallBackToTheErrorTypeWhenTheMessageHasAnotherShape() {
    assertThat(IncidentReason.of("JOB_NO_RETRIES", "payment service down"))
        .isEqualTo(new IncidentReason("incident.type.JOB_NO_RETRIES", List.of()));
    assertThat(IncidentReason.of("SOMETHING_NEW", "x"))
        .isEqualTo(new IncidentReason("incident.type.other", List.of()));
  }
}
