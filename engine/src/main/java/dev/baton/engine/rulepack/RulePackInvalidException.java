package dev.baton.engine.rulepack;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.util.List;

/** A pack failed validation; {@link #problems()} lists every problem with its place. */
public class RulePackInvalidException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public RulePackInvalidException(String source, List<Problem> problems) {
    super("The rule pack " + source + " is not valid", problems);
  }
}
