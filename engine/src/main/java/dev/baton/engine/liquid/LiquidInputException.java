package dev.baton.engine.liquid;

import dev.baton.engine.BatonException;

/**
 * Input to the liquid organisation was refused (a bad id, an unknown person or campaign, an
 * impossible demand list): the message says what, where and how to fix it. Nothing was changed.
 */
public class LiquidInputException extends BatonException {
  private static final long serialVersionUID = 1L;

  public LiquidInputException(String message) {
    super(message);
  }
}
