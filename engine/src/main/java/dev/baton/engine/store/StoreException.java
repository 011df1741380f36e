package dev.baton.engine.store;

import dev.baton.engine.BatonException;

/** The database failed or refused an operation; nothing was changed by it. */
public class StoreException extends BatonException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
