package dev.baton.engine.rules;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.util.List;

/** Input facts did not fit the packs' declared types; nothing was evaluated. */
public class FactsInvalidException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public FactsInvalidException(List<Problem> problems) {
    super("The input facts are not valid", problems);
  }
}
