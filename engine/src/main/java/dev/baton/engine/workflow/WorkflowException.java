package dev.baton.engine.workflow;

import dev.baton.engine.BatonException;

/** The workflow engine could not start or go on (a taken port, an unusable database). */
public class WorkflowException extends BatonException {
  /** With a message saying what failed and what to do. */
  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }

  /** With a message saying what failed and what to do. */
  public WorkflowException(String message) {
    super(message);
  }
}
