package dev.baton.engine.audit;

/**
 * Told how far a replay or backtest is: after every {@link DecisionLogOptions#progressEvery()}
 * records and once at the end. Called from the thread that runs it; must return quickly. A throw
 * stops the run and is thrown by it.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = p -> { };

  /** The run has processed {@code progress.done()} of {@code progress.total()} records. */
  void onProgress(Progress progress);
}
