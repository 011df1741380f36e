package dev.baton.cli;

import dev.baton.engine.audit.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a long run (replay, backtest): a shutdown hook cancels the run and waits until
 * the command has printed what it did so far, so the user gets a report marked cancelled
 * instead of nothing. Close it when the run is over, which removes the hook.
 */
final class CancelOnInterrupt implements AutoCloseable {
  /** How long the hook waits for the report before the process ends anyway. */
  private static final long GRACE_SECONDS = 10;

  private final Cancellation cancellation = Cancellation.create();
  private final CountDownLatch reported = new CountDownLatch(1);
  private final Thread hook = new Thread(this::interrupted, "baton-cancel-on-interrupt");

  /** Installs the hook. */
  static CancelOnInterrupt install() {
    CancelOnInterrupt c = new CancelOnInterrupt();
    Runtime.getRuntime().addShutdownHook(c.hook);
    return c;
  }

  /** The token to pass to the run. */
  Cancellation cancellation() {
    return cancellation;
  }

  /** What the hook does: cancel, then wait for {@link #close()}. */
  void interrupted() {
    cancellation.cancel();
    try {
      reported.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run is over and reported: lets an interrupted process end, removes the hook. */
  @Override
  public void close() {
    reported.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came: the hook is running and ends now that the report is out
    }
  }
}
