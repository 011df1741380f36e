package dev.baton.engine.workflow.internal;

import java.util.List;
import java.util.Map;

/**
 * A process instance modification as Zeebe's ModifyProcessInstance carries it: elements to
 * activate (each with the variables to set, per scope) and element instances to terminate.
 *
 * @param processInstanceKey the process instance to modify
 * @param activate the activate instructions, applied first, in order
 * @param terminate the element instance keys to terminate, applied after the activations
 */
public record Modification(long processInstanceKey, List<Activate> activate,
    List<Long> terminate) {

  /** Copies the lists. */
  public Modification {
    activate = List.copyOf(activate);
    terminate = List.copyOf(terminate);
  }

  /**
   * Activates an element.
   *
   * @param elementId the BPMN element id
   * @param ancestorKey the element instance in whose hierarchy to activate it; 0 or negative
   *     for the one existing instance of each flow scope
   * @param variables the variables to set before the activation
   */
  public record Activate(String elementId, long ancestorKey, List<Variables> variables) {
    /** Copies the list. */
    public Activate {
      variables = List.copyOf(variables);
    }
  }

  /**
   * Variables to set as local variables of a scope.
   *
   * @param scopeId the element id of the scope (the element itself or one of its flow scopes);
   *     empty for the process instance
   * @param values the variables
   */
  public record Variables(String scopeId, Map<String, Object> values) {}
}
