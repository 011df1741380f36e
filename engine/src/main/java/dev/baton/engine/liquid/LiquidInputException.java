package dev.baton.engine.liquid;

import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import java.util.List;

/**
 * Input to the liquid organisation was refused (a bad id, an unknown person or campaign, an
 * impossible demand list): the message says what, where and how to fix it. Nothing was changed.
 */
public class LiquidInputException extends BatonException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public LiquidInputException(String message) {
    this(message, List.of());
  }

  /**
   * Refused input with one problem per bad item (e.g. per event of a list, the path naming it as
   * {@code [3].personId}); the message lists them too.
   */
  public LiquidInputException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, each with its path; empty when the message says it all. */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }
}
