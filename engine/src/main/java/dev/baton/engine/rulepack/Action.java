package dev.baton.engine.rulepack;

import java.util.LinkedHashMap;
import java.util.Map;

/** One item of a rule's {@code then}, from the action catalogue. */
public sealed interface Action {

  /**
   * Blocks the request; in a rule that matched proposed actions it vetoes exactly those.
   *
   * @param proof a reference or literal naming the evidence, or null
   */
  record Block(String reason, Operand proof) implements Action {}

  /** Records an explicit permission and its proof; a block wins over an allow. */
  record Allow(String reason, Operand proof) implements Action {}

  /** Proposes a named action with parameters, in declaration order. */
  record Emit(String action, Map<String, Operand> params) implements Action {
    public Emit {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  /** Adds {@code points × weight} to a named score; a null weight is 1. */
  record Score(String name, Operand points, Operand weight) implements Action {}
}
