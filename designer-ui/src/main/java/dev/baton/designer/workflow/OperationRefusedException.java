package dev.baton.designer.workflow;

import java.util.List;

/**
 * An operator's change that was refused (bad input, or the workflow engine said no); nothing
 * changed. It carries a message key and its arguments so that the view can say it in the user's
 * language.
 */
public class OperationRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient List<String> args;

  public OperationRefusedException(String key, String... args) {
    super(key + " " + String.join(", ", args));
    this.key = key;
    this.args = List.of(args);
  }

  /** The message bundle key. */
  public String key() {
    return key;
  }

  /** Its arguments. */
  public Object[] args() {
    return args.toArray();
  }
}
