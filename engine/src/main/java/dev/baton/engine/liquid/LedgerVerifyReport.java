package dev.baton.engine.liquid;

/**
 * The result of checking the collaboration ledger's hash chain.
 *
 * @param intact true when every event's hash matches and the head points at the last event
 * @param checked how many events were checked
 * @param firstBroken the sequence of the first event whose hash does not match, or 0
 * @param problem what is wrong, or null when the chain is intact
 */
public record LedgerVerifyReport(boolean intact, long checked, long firstBroken,
    String problem) {

  /** An intact chain of {@code checked} events. */
  public static LedgerVerifyReport intact(long checked) {
    return new LedgerVerifyReport(true, checked, 0, null);
  }

  /** A broken chain. */
  public static LedgerVerifyReport broken(long checked, long firstBroken, String problem) {
    return new LedgerVerifyReport(false, checked, firstBroken, problem);
  }
}
