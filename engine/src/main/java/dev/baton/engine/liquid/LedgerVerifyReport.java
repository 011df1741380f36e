package dev.baton.engine.liquid;

/**
 * The result of checking the collaboration ledger's hash chain.
 *
 * @param checked how many events were checked
 * @param firstBroken the sequence of the first event whose hash does not match, or 0
 * @param problem what is wrong, or null when the chain is intact
 */
public record LedgerVerifyReport(long checked, long firstBroken, String problem) {
  /** True when every event's hash matches and the head points at the last event. */
  public boolean intact() {
    return problem == null;
  }
}
