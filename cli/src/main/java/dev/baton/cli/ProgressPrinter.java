package dev.baton.cli;

import dev.baton.engine.audit.Progress;
import dev.baton.engine.audit.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress of a replay or backtest on stderr, one line per report ({@code 1000 of 5000 decisions
 * (20%)}), so that stdout holds only the result.
 */
final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;
  private final String prefix;

  ProgressPrinter(PrintWriter err, String prefix) {
    this.err = err;
    this.prefix = prefix;
  }

  @Override
  public void onProgress(Progress p) {
    long percent = p.total() == 0 ? 100 : p.done() * 100 / p.total();
    err.printf("%s: %d of %d decisions (%d%%)%n", prefix, p.done(), p.total(), percent);
    err.flush();
  }
}
