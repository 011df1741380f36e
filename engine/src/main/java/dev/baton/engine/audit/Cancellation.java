package dev.baton.engine.audit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A token to stop a long run (replay, backtest) from another thread. The run checks it between
 * records and returns a report marked cancelled with what it did so far. Thread-safe.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private Cancellation() {}

  /** A new token, not cancelled. */
  public static Cancellation create() {
    return new Cancellation();
  }

  /** Asks the run to stop; it stops after the records in hand. */
  public void cancel() {
    cancelled.set(true);
  }

  /** True once {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled.get();
  }
}
