package dev.baton.engine.workflow;

import dev.baton.engine.workflow.internal.ModelChecks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded engine's deployment checks without deploying: what a designer shows before a
 * deployment (unsupported elements, missing job definitions, bad gateway conditions...), and the
 * FEEL syntax check of Zeebe's {@code =} expressions. Stateless and thread-safe.
 */
public final class WorkflowModelCheck {
  private WorkflowModelCheck() {}

  /**
   * Every problem the embedded engine would refuse a BPMN resource for, in its words (naming the
   * elements concerned); empty when it would deploy it. Nothing is deployed.
   */
  public static List<String> problems(String resourceName, byte[] xml) {
    return ModelChecks.deployProblems(Objects.requireNonNull(resourceName, "resourceName"),
        Objects.requireNonNull(xml, "xml"));
  }

  /**
   * Why a value in Zeebe's expression convention (a leading {@code =}) is not a FEEL
   * expression, in the FEEL engine's words; empty when it parses or is a static string.
   */
  public static Optional<String> feelProblem(String value) {
    return Optional.ofNullable(ModelChecks.feelSyntaxProblem(value));
  }
}
