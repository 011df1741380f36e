package dev.baton.engine.rules;

import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.internal.DroolsRulesEngine;
import java.util.List;

/**
 * Evaluates rule packs. Each pack is compiled to Drools once per content hash and cached; every
 * evaluation runs in its own session.
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
