package dev.baton.engine.audit;

import java.util.List;

/**
 * The result of a replay: {@code total = identical + different + failed}.
 *
 * @param total decisions re-evaluated (fewer than in scope when cancelled)
 * @param identical decisions reproduced exactly
 * @param different decisions that came out differently
 * @param failed decisions that could not be re-evaluated
 * @param differences the different ones, field by field (at most {@link
 *     DecisionLogOptions#maxListed()})
 * @param failures the failed ones with the reason (at most {@link DecisionLogOptions#maxListed()})
 * @param cancelled true when the run was cancelled before the end of its scope
 */
public record ReplayReport(
    long total,
    long identical,
    long different,
    long failed,
    List<ReplayDifference> differences,
    List<ReplayFailure> failures,
    boolean cancelled) {

  public ReplayReport {
    differences = List.copyOf(differences);
    failures = List.copyOf(failures);
  }

  /** True when every decision in scope was reproduced exactly and the run was not cancelled. */
  public boolean allIdentical() {
    return !cancelled && identical == total;
  }
}
