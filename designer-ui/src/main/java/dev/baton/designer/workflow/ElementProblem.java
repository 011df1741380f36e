package dev.baton.designer.workflow;

/**
 * One problem the engine found in a BPMN resource, placed on the element it concerns (unlike
 * the engine's {@code dev.baton.engine.Problem}, which places a problem in a pack file by line,
 * column and path).
 *
 * @param elementId the element it concerns, or empty when it names none
 * @param message the engine's words
 */
public record ElementProblem(String elementId, String message) {}
