package dev.baton.engine.rules;

import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.internal.DroolsRulesEngine;
import java.util.List;

/**
 * Evaluates rule packs. Each pack is validated and translated once per content hash; a
 * pipeline's packs compile into one Drools KieBase, cached by the ordered tuple of their content
 * hashes, and every evaluation runs the whole pipeline in one session of its own (each pack's
 * rules in their own agenda group, in pipeline order). Packs stay separately versioned, hashed
 * and explained: the decision is the same as evaluating each pack in a session of its own.
 *
 * <p>Implementations are thread-safe: one engine serves all threads. A pack that is not valid
 * throws {@link dev.baton.engine.rulepack.RulePackInvalidException}; facts that do not fit the
 * declared types throw {@link FactsInvalidException}; in both cases nothing was evaluated. A
 * blocked action is a decision, not an error.
 */
public interface RulesEngine {

  /** A new engine with its own compiled-pack cache. */
  static RulesEngine create() {
    return new DroolsRulesEngine();
  }

  /** Evaluates the pipeline on the facts at the given time. */
  Decision evaluate(Evaluation evaluation);

  /** The Drools rule language generated for a pack (for developers; never edited by hand). */
  String drl(RulePack pack);

  /** Compiles a pack ahead of its first evaluation. */
  void prepare(RulePack pack);

  /** Runs a pack's examples, each on the pack alone. */
  List<ExampleResult> runExamples(RulePack pack, List<PackExample> examples);
}
