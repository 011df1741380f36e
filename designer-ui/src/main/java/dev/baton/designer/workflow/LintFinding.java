package dev.baton.designer.workflow;

import java.util.List;

/**
 * One finding of the workflow lint, placed on its element.
 *
 * @param elementId the element it concerns, or empty for the whole diagram
 * @param blocking true when the engine would refuse or fail on it (deploying is not offered);
 *     false for a warning the user may deploy anyway (e.g. an unconnected element)
 * @param key the message key of the finding ({@code wf.lint.*}), or {@code wf.lint.engine} for
 *     the engine's own words
 * @param args the message's arguments
 */
public record LintFinding(String elementId, boolean blocking, String key, List<String> args) {

  public LintFinding {
    elementId = elementId == null ? "" : elementId;
    args = List.copyOf(args);
  }
}
