package dev.baton.engine.rulepack;

import dev.baton.engine.rulepack.internal.check.Checker;

/**
 * Static checks of a pack's rules, over the model (not the generated DRL), in the spirit of a
 * decision-table verifier. Under the hit policy {@code collect} every rule whose conditions hold
 * fires, a {@code block} wins over an {@code allow} and scores add up; the checks find:
 *
 * <ul>
 *   <li>{@link Finding.Kind#NEVER_FIRES} (error): a condition whose field tests contradict each
 *       other, e.g. {@code amount: {gt: 10, lt: 5}};
 *   <li>{@link Finding.Kind#SUBSUMED} (warning): a rule whose conditions lie inside another
 *       rule's and whose actions are all among the other rule's: it adds nothing of its own,
 *       and its actions are taken twice;
 *   <li>{@link Finding.Kind#OVERLAP} (warning): two rules that propose the same action for the
 *       same facts;
 *   <li>{@link Finding.Kind#CONFLICT}: a rule allows facts that another blocks (warning), or
 *       blocks every fact it allows (error: the allow never counts);
 *   <li>{@link Finding.Kind#GAP} (warning): values of a fact type's enumeration, boolean or
 *       numeric fields for which no rule about that fact type fires.
 * </ul>
 *
 * <p>Under {@code first} and {@code priority} at most one rule fires, so rules matching the same
 * facts are resolved by the policy: no subsumption, overlap or conflict is reported (an allow
 * below a block simply loses where the block matches). Instead {@link Finding.Kind#SHADOWED}
 * (error): a rule that the rules winning over it (earlier ones; for priority higher ones, or
 * equal and earlier) together match wherever it matches can never fire. Contradictions and
 * gaps are found as under {@code collect}.
 *
 * <p>A rule is "about" the fact type of its first condition (its subject); rules about the same
 * fact type make one decision, and only they are compared. Field tests are read as sets of
 * values; {@code $params.x} is the pack's current parameter value. Tests that depend on other
 * facts, on {@code $now} or on text matching are not interpreted: a finding is reported only
 * when it holds whatever they are, so the checks miss some problems but never invent one.
 * Thread-safe; the pack is not changed.
 */
public final class RulePackChecks {

  private RulePackChecks() {}

  /** Checks the pack's rules. */
  public static CheckReport check(RulePack pack) {
    return new CheckReport(pack.coordinates(), new Checker(pack).findings());
  }
}
