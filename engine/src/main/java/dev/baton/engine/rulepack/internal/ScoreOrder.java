package dev.baton.engine.rulepack.internal;

import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.BuiltInTypes;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders rules by the scores they add to and test: a rule that tests a score runs in a later
 * stage than every rule that adds to it, so it sees the final total. A cycle is a problem.
 */
public final class ScoreOrder {
  /** Stands for "any score" when a rule tests Score without naming one. */
  private static final String ANY = "*";

  private ScoreOrder() {}

  /** Stage per rule id, 0 first; throws IllegalStateException on a cycle. */
  public static Map<String, Integer> stages(List<Rule> rules) {
    Map<String, Integer> stages = new LinkedHashMap<>();
    String cycle = compute(rules, stages);
    if (cycle != null) {
      throw new IllegalStateException(cycle);
    }
    return stages;
  }

  /** Adds a problem for a cycle. */
  static void check(List<Rule> rules, String source, List<Problem> problems,
      Function<String, int[]> where) {
    Map<String, Integer> stages = new LinkedHashMap<>();
    String cycleRule = compute(rules, stages);
    if (cycleRule != null) {
      int[] pos = where.apply(cycleRule);
      problems.add(new Problem(source, pos[0], pos[1], cycleRule, "",
          "This rule tests a score that it adds to, directly or through other rules, so no order"
              + " gives it the final total.",
          "Let one rule compute the score and another, without score actions on it, test it."));
    }
  }

  private static String compute(List<Rule> rules, Map<String, Integer> stages) {
    Map<String, Set<String>> tests = new HashMap<>();
    Map<String, Set<String>> adds = new HashMap<>();
    for (Rule r : rules) {
      Set<String> t = new HashSet<>();
      r.when().forEach(c -> testedScores(c, t));
      tests.put(r.id(), t);
      Set<String> a = new HashSet<>();
      for (Action action : r.then()) {
        if (action instanceof Action.Score s) {
          a.add(s.name());
        }
      }
      adds.put(r.id(), a);
    }
    Map<String, Integer> state = new HashMap<>();
    for (Rule r : rules) {
      String bad = visit(r.id(), rules, tests, adds, stages, state);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  private static String visit(String id, List<Rule> rules, Map<String, Set<String>> tests,
      Map<String, Set<String>> adds, Map<String, Integer> stages, Map<String, Integer> state) {
    Integer s = state.get(id);
    if (s != null) {
      return s == 1 ? id : null;
    }
    state.put(id, 1);
    int stage = 0;
    Set<String> tested = tests.get(id);
    if (!tested.isEmpty()) {
      for (Rule other : rules) {
        Set<String> added = adds.get(other.id());
        boolean feeds = tested.contains(ANY) ? !added.isEmpty()
            : added.stream().anyMatch(tested::contains);
        if (feeds) {
          if (other.id().equals(id)) {
            return id;
          }
          String bad = visit(other.id(), rules, tests, adds, stages, state);
          if (bad != null) {
            return bad;
          }
          stage = Math.max(stage, stages.get(other.id()) + 1);
        }
      }
    }
    state.put(id, 2);
    stages.put(id, stage);
    return null;
  }

  private static void testedScores(Condition c, Set<String> out) {
    if (c instanceof Condition.Pattern p) {
      if (p.type().equals(BuiltInTypes.SCORE.name())) {
        out.add(scoreName(p.constraint()));
      }
    } else if (c instanceof Condition.Not n) {
      testedScores(n.pattern(), out);
    } else if (c instanceof Condition.Exists e) {
      testedScores(e.pattern(), out);
    } else if (c instanceof Condition.AnyOf a) {
      a.conditions().forEach(x -> testedScores(x, out));
    } else if (c instanceof Condition.AllOf a) {
      a.conditions().forEach(x -> testedScores(x, out));
    } else if (c instanceof Condition.Aggregate a && a.type().equals(BuiltInTypes.SCORE.name())) {
      out.add(scoreName(a.where()));
    }
  }

  private static String scoreName(Constraint c) {
    if (c instanceof Constraint.All all) {
      for (Constraint part : all.parts()) {
        if (part instanceof Constraint.Test t && t.field().equals("name")
            && t.operator() == Operator.EQ && t.args().get(0) instanceof Operand.Literal l) {
          return (String) l.value();
        }
      }
    }
    return ANY;
  }
}
