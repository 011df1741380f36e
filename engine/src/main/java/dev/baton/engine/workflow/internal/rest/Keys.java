package dev.baton.engine.workflow.internal.rest;

/** Keys in paths and bodies: positive 64-bit numbers written in decimal. */
final class Keys {
  private Keys() {}

  static long parse(String what, String text) {
    try {
      long k = Long.parseLong(text.trim());
      if (k > 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest("The provided " + what + " '" + text + "' is not a valid key: expected"
        + " a positive number (e.g. 2251799813685249).");
  }
}
