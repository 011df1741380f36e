package dev.baton.designer.workflow;

import java.util.List;

/** The engine refused a deployment; nothing was deployed. */
public class WorkflowRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ElementProblem> problems;

  public WorkflowRefusedException(String message, List<ElementProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** The problems, each on the element it names where it names one. */
  public List<ElementProblem> problems() {
    return problems;
  }
}
