package dev.baton.engine.rules.internal;

import dev.baton.engine.ValidationException;
import dev.baton.engine.rulepack.Expectation;
import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.ExampleResult;
import dev.baton.engine.rules.RulesEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Runs a pack's examples and lists every difference between expected and actual. */
final class ExampleChecker {
  private ExampleChecker() {}

  static List<ExampleResult> run(RulesEngine engine, RulePack pack, List<PackExample> examples) {
    List<ExampleResult> out = new ArrayList<>();
    for (PackExample ex : examples) {
      if (ex.now() == null) {
        out.add(new ExampleResult(ex.name(), List.of("the example has no 'now'; add e.g. now:"
            + " 2026-11-27T09:00:00Z"), null));
        continue;
      }
      Decision d;
      try {
        d = engine.evaluate(Evaluation.of(List.of(pack), ex.facts(), ex.now()));
      } catch (ValidationException e) {
        List<String> diffs = new ArrayList<>();
        e.problems().forEach(p -> diffs.add("invalid facts: " + p.path() + ": " + p.message()));
        out.add(new ExampleResult(ex.name(), diffs, null));
        continue;
      }
      out.add(new ExampleResult(ex.name(), compare(ex.expect(), d), d));
    }
    return out;
  }

  static List<String> compare(Expectation e, Decision d) {
    List<String> diffs = new ArrayList<>();
    if (e == null) {
      return diffs;
    }
    if (e.fired() != null) {
      Set<String> expected = new LinkedHashSet<>(e.fired());
      Set<String> actual = new LinkedHashSet<>(d.firedRuleIds());
      for (String r : expected) {
        if (!actual.contains(r)) {
          String why = d.nearestMisses().stream().filter(m -> m.rule().equals(r)).findFirst()
              .map(m -> " (condition " + m.condition() + ": " + m.explanation() + ")").orElse("");
          diffs.add("rule '" + r + "' was expected to fire but did not" + why);
        }
      }
      for (String r : actual) {
        if (!expected.contains(r)) {
          diffs.add("rule '" + r + "' fired but was not expected to");
        }
      }
    }
    if (e.actions() != null) {
      List<Decision.DecidedAction> left = new ArrayList<>(d.actions());
      for (Expectation.ExpectedAction x : e.actions()) {
        Decision.DecidedAction match = left.stream().filter(a -> matches(x, a)).findFirst()
            .orElse(null);
        if (match == null) {
          diffs.add("expected action " + show(x) + " is missing; actual actions: "
              + d.actions().stream().map(ExampleChecker::show).toList());
        } else {
          left.remove(match);
        }
      }
      for (Decision.DecidedAction a : left) {
        diffs.add("unexpected action " + show(a) + " (from rule '" + a.rule() + "')");
      }
    }
    if (e.blocked() != null && e.blocked() != d.blocked()) {
      diffs.add("expected blocked: " + e.blocked() + ", actual: " + d.blocked()
          + (d.blocked() ? " by " + d.blocks().stream().map(Decision.Verdict::rule).toList() : ""));
    }
    if (e.vetoed() != null) {
      List<String> actual = new ArrayList<>(d.vetoed().stream().map(v -> v.action().action())
          .toList());
      List<String> expected = new ArrayList<>(e.vetoed());
      List<String> missing = new ArrayList<>(expected);
      actual.forEach(missing::remove);
      List<String> extra = new ArrayList<>(actual);
      expected.forEach(extra::remove);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        diffs.add("expected vetoed " + expected + ", actual " + actual);
      }
    }
    if (e.scores() != null) {
      for (Map.Entry<String, BigDecimal> s : e.scores().entrySet()) {
        BigDecimal actual = d.scores().get(s.getKey());
        if (actual == null || actual.compareTo(s.getValue()) != 0) {
          diffs.add("expected score " + s.getKey() + " = " + s.getValue().toPlainString()
              + ", actual " + (actual == null ? "none" : actual.toPlainString()));
        }
      }
    }
    return diffs;
  }

  private static boolean matches(Expectation.ExpectedAction x, Decision.DecidedAction a) {
    if (!x.action().equals(a.action())) {
      return false;
    }
    for (Map.Entry<String, Object> p : x.params().entrySet()) {
      if (!same(p.getValue(), a.params().get(p.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof BigDecimal x && actual instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(expected, actual)
        || (expected != null && actual != null && expected.toString().equals(actual.toString()));
  }

  private static String show(Expectation.ExpectedAction x) {
    return x.params().isEmpty() ? x.action() : x.action() + x.params();
  }

  private static String show(Decision.DecidedAction a) {
    return a.params().isEmpty() ? a.action() : a.action() + a.params();
  }
}
