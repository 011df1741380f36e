package dev.baton.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a backtest: what a candidate pack would have changed in recorded decisions.
 *
 * <p>A decision <em>changed</em> when its final action names, counted with repeats, differ
 * between the recorded decision and the candidate's. Action parameters do not count (a grade A
 * that became B is not a change of action). Its <em>flip</em> is what went and what came: the
 * names the recorded decision had beyond the candidate's ({@code removed}) and the names the
 * candidate's has beyond the recorded one ({@code added}), each side sorted. Actions both have
 * are left out, so a customer whose sales task became a content pack flips {@code
 * CREATE_SALES_TASK → PUSH_CONTENT_PACK} whatever else both decisions did. {@code total = changed
 * + unchanged + failed}.
 *
 * @param total decisions re-evaluated (fewer than in scope when cancelled)
 * @param changed decisions whose actions changed
 * @param unchanged decisions whose actions stayed the same
 * @param failed decisions that could not be re-evaluated with the candidate
 * @param flips every distinct flip with how many decisions and customers it concerns, most
 *     frequent first
 * @param affected the changed decisions (at most {@link DecisionLogOptions#maxListed()}), in
 *     chain order
 * @param failures the failed ones with the reason (at most {@link DecisionLogOptions#maxListed()})
 * @param cancelled true when the run was cancelled before the end of its scope
 */
public record BacktestReport(
    long total,
    long changed,
    long unchanged,
    long failed,
    List<Flip> flips,
    List<AffectedDecision> affected,
    List<ReplayFailure> failures,
    boolean cancelled) {

  public BacktestReport {
    flips = List.copyOf(flips);
    affected = List.copyOf(affected);
    failures = List.copyOf(failures);
  }

  /** Flip label to number of decisions, most frequent first. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    flips.forEach(f -> out.put(f.label(), f.decisions()));
    return out;
  }

  /** One line per flip, e.g. {@code 312 decisions, 312 customers: CREATE_SALES_TASK → PUSH_CONTENT_PACK}. */
  public List<String> summary() {
    return flips.stream().map(f -> f.decisions() + " decisions, " + f.customers()
        + " customers: " + f.label()).toList();
  }

  /**
   * A change of actions and how often it happened.
   *
   * @param removed action names that went (sorted; may be empty)
   * @param added action names that came (sorted; may be empty)
   * @param decisions decisions with this flip
   * @param customers distinct customers among them (decisions without one customer not counted)
   */
  public record Flip(List<String> removed, List<String> added, long decisions, long customers) {
    public Flip {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }

    /** {@code REMOVED → ADDED}, names joined with {@code " + "}, {@code (none)} for no name. */
    public String label() {
      return label(removed, added);
    }

    /** The label of a flip from {@code removed} to {@code added}. */
    public static String label(List<String> removed, List<String> added) {
      return side(removed) + " → " + side(added);
    }

    private static String side(List<String> names) {
      return names.isEmpty() ? "(none)" : String.join(" + ", names);
    }
  }

  /**
   * A recorded decision whose actions the candidate changes.
   *
   * @param sequence the record's position in the chain
   * @param decisionId the record's id
   * @param customerId its customer, or null
   * @param removed action names that went (sorted)
   * @param added action names that came (sorted)
   */
  public record AffectedDecision(long sequence, String decisionId, String customerId,
      List<String> removed, List<String> added) {
    public AffectedDecision {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }

    /** The flip's label, see {@link Flip#label()}. */
    public String label() {
      return Flip.label(removed, added);
    }
  }
}
