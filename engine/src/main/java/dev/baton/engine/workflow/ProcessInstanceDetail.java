package dev.baton.engine.workflow;

import java.util.List;

/**
 * A process instance as an operator inspects it.
 *
 * @param summary its key, process, state and times
 * @param variables the process instance's own (root scope) variables as a JSON object: the
 *     current ones while it runs, the final ones once it ended
 * @param path every element instance it entered, finished ones included, in the order they
 *     started (the process instance itself first)
 * @param openIncidents its incidents that are not resolved
 */
public record ProcessInstanceDetail(ProcessInstanceSummary summary, String variables,
    List<ElementInstanceView> path, List<IncidentView> openIncidents) {
  /** Copies the lists. */
  public ProcessInstanceDetail {
    path = List.copyOf(path);
    openIncidents = List.copyOf(openIncidents);
  }
}
