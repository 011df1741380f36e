package dev.baton.engine;

import java.util.List;
import java.util.stream.Collectors;

/** An input was rejected; carries every problem found, not just the first. Nothing was changed. */
public class ValidationException extends BatonException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ValidationException(String what, List<Problem> problems) {
    super(what + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in source order. */
  public List<Problem> problems() {
    return problems;
  }
}
