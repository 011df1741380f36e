package dev.baton.engine.workflow;

/**
 * One variable of a running process instance, in the scope that holds it.
 *
 * @param scopeKey the element instance that holds it (the process instance key for the root
 *     scope); pass it to the client's {@code newSetVariablesCommand} to change the variable there
 * @param elementId the BPMN element of that scope (the process id for the root scope)
 * @param name the variable's name
 * @param value its value as JSON text
 */
public record VariableView(long scopeKey, String elementId, String name, String value) {}
