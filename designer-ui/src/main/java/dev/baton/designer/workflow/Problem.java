package dev.baton.designer.workflow;

/**
 * One problem the engine found in a BPMN resource.
 *
 * @param elementId the element it concerns, or empty when it names none
 * @param message the engine's words
 */
public record Problem(String elementId, String message) {}
