package dev.baton.engine.rulepack;

import java.util.List;

/**
 * A rule: when every condition holds, the actions are taken.
 *
 * @param priority higher fires first among rules of the same stage; 0 by default
 */
public record Rule(
    String id, LocalizedText title, int priority, List<Condition> when, List<Action> then) {

  public Rule {
    when = List.copyOf(when);
    then = List.copyOf(then);
  }
}
