package dev.baton.engine.audit;

import java.time.Instant;

/**
 * Which recorded decisions a backtest re-evaluates: those recorded in {@code [from, to)} whose
 * pipeline held the pack {@code packId}, which the candidate replaces.
 *
 * @param packId the pack the candidate replaces; null means the candidate's own id
 * @param from recorded at or after this time, or null
 * @param to recorded before this time, or null
 */
public record BacktestScope(String packId, Instant from, Instant to) {

  /** Every recorded decision that used the candidate's pack id. */
  public static BacktestScope all() {
    return new BacktestScope(null, null, null);
  }

  /** The decisions recorded in {@code [from, to)} that used the candidate's pack id. */
  public static BacktestScope between(Instant from, Instant to) {
    return new BacktestScope(null, from, to);
  }
}
