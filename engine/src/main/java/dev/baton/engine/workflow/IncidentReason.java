package dev.baton.engine.workflow;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incident's message as a message key with arguments, for a user interface that shows it in
 * the user's language. The incident keeps the engine's English message (the Camunda API returns
 * it, and operators search for it); this is derived from that message and its error type, so
 * incidents raised before this class existed render the same way.
 *
 * <p>Keys and their arguments (expressions, ids and values as the message has them):
 * <ul>
 *   <li>{@code incident.conditionNotBoolean}: condition, what it was; with {@code .flow}: and
 *       the sequence flow;</li>
 *   <li>{@code incident.expressionFailed}: expression, FEEL's own message; with {@code .flow}:
 *       and the sequence flow;</li>
 *   <li>{@code incident.noFlowTaken}: gateway;</li>
 *   <li>{@code incident.processNotDeployed}: BPMN process id;</li>
 *   <li>{@code incident.decisionNotFound}: decision id;</li>
 *   <li>{@code incident.type.<errorType>}: none (a message of another shape: the user interface
 *       shows the original message with it); {@code incident.type.other} for an unknown
 *       type.</li>
 * </ul>
 *
 * @param key the message key
 * @param args the arguments, shown as they are (they are expressions, ids and values)
 */
public record IncidentReason(String key, List<String> args) {

  private static final String FLOW = "(?: \\(sequence flow '(.*)'\\))?";
  private static final Pattern NOT_BOOLEAN = Pattern.compile(
      "expected the condition '(.*)' to be a boolean, but it was (.*?)" + FLOW, Pattern.DOTALL);
  private static final Pattern FAILED = Pattern.compile(
      "failed to evaluate expression '(.*?)': (.*?)" + FLOW, Pattern.DOTALL);
  private static final Pattern NO_FLOW = Pattern.compile("Expected at least one condition to"
      + " evaluate to true, or to have a default flow, at (?:exclusive|inclusive) gateway '(.*)'");
  private static final Pattern NO_PROCESS = Pattern.compile(
      "Expected process with BPMN process id '(.*)' to be deployed, but not found\\.");
  private static final Pattern NO_DECISION = Pattern.compile(
      "Expected to evaluate decision '(.*)', but no decision found for id '.*'");
  private static final List<String> TYPES = List.of("JOB_NO_RETRIES", "UNHANDLED_ERROR_EVENT",
      "EXTRACT_VALUE_ERROR", "CONDITION_ERROR", "CALLED_ELEMENT_ERROR", "CALLED_DECISION_ERROR",
      "DECISION_EVALUATION_ERROR", "UNKNOWN");

  public IncidentReason {
    args = List.copyOf(args);
  }

  /** The reason of an incident. */
  public static IncidentReason of(IncidentView incident) {
    return of(incident.errorType(), incident.errorMessage());
  }

  /** The reason of an incident's error type and message (see the class comment). */
  public static IncidentReason of(String errorType, String errorMessage) {
    String m = errorMessage == null ? "" : errorMessage;
    Matcher x = NOT_BOOLEAN.matcher(m);
    if (x.matches()) {
      return withFlow("incident.conditionNotBoolean", x.group(1), x.group(2), x.group(3));
    }
    if ((x = FAILED.matcher(m)).matches()) {
      return withFlow("incident.expressionFailed", x.group(1), x.group(2), x.group(3));
    }
    if ((x = NO_FLOW.matcher(m)).matches()) {
      return new IncidentReason("incident.noFlowTaken", List.of(x.group(1)));
    }
    if ((x = NO_PROCESS.matcher(m)).matches()) {
      return new IncidentReason("incident.processNotDeployed", List.of(x.group(1)));
    }
    if ((x = NO_DECISION.matcher(m)).matches()) {
      return new IncidentReason("incident.decisionNotFound", List.of(x.group(1)));
    }
    return new IncidentReason("incident.type."
        + (TYPES.contains(errorType) ? errorType : "other"), List.of());
  }

  private static IncidentReason withFlow(String key, String expression, String detail,
      String flow) {
    return flow == null ? new IncidentReason(key, List.of(expression, detail))
        : new IncidentReason(key + ".flow", List.of(expression, detail, flow));
  }
}
