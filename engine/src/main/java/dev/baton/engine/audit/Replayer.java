package dev.baton.engine.audit;

import dev.baton.engine.rulepack.RulePack;

/**
 * Re-evaluates recorded decisions. Replay uses the exact pack versions each decision used,
 * fetched by content hash, and reports every field that comes out differently; a backtest puts
 * a candidate pack (e.g. a draft) in place of one pack of each pipeline and summarises how the
 * actions would have changed.
 *
 * <p>Both read the log page by page in chain order, evaluate on {@link
 * DecisionLogOptions#replayThreads()} threads, report progress and can be cancelled between
 * records. Their scope is the log as it is when they start: decisions recorded meanwhile are
 * left for the next run. Nothing is written. Thread-safe: runs may go on at the same time. A decision that
 * cannot be re-evaluated (a pack's content is missing or was changed, the input does not fit)
 * is counted and listed as failed; the run goes on. A database error throws {@link
 * dev.baton.engine.store.StoreException}.
 */
public interface Replayer {

  /** Replays the decisions in scope. */
  ReplayReport replay(ReplayScope scope, ProgressListener progress, Cancellation cancellation);

  /** Replays the decisions in scope, without progress or cancellation. */
  default ReplayReport replay(ReplayScope scope) {
    return replay(scope, ProgressListener.NONE, Cancellation.create());
  }

  /**
   * Backtests a candidate pack on the recorded decisions in scope.
   *
   * @throws dev.baton.engine.rulepack.RulePackInvalidException when the candidate does not
   *     compile; nothing was evaluated
   */
  BacktestReport backtest(RulePack candidate, BacktestScope scope, ProgressListener progress,
      Cancellation cancellation);

  /** Backtests a candidate pack, without progress or cancellation. */
  default BacktestReport backtest(RulePack candidate, BacktestScope scope) {
    return backtest(candidate, scope, ProgressListener.NONE, Cancellation.create());
  }
}
