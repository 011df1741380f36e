package dev.baton.engine.audit;

import dev.baton.engine.BatonException;

/**
 * A decision was not acknowledged as recorded: the log is closed, the writer did not confirm it
 * in time, or the database refused it. A caller that must not lose the decision retries with
 * the same request id: recording is idempotent, so a retry never makes a second record.
 */
public class DecisionLogException extends BatonException {
  private static final long serialVersionUID = 1L;

  public DecisionLogException(String message) {
    super(message);
  }

  public DecisionLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
