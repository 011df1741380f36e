package dev.baton.engine.rulepack.internal;

import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Expectation;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.internal.Node.ListNode;
import dev.baton.engine.rulepack.internal.Node.MapNode;
import dev.baton.engine.rulepack.internal.Node.Scalar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads examples files and facts documents. Facts are checked against types when evaluated. */
public final class ExampleReader {
  private ExampleReader() {}

  /** Reads a list of examples. */
  public static List<PackExample> examples(String source, Node root, List<Problem> problems) {
    List<PackExample> out = new ArrayList<>();
    if (!(root instanceof ListNode l)) {
      problems.add(new Problem(source, root.line(), root.column(), null, "",
          "Expected a list of examples, found " + root.describe() + ".",
          "Start each example with '- name: ...'."));
      return out;
    }
    for (int i = 0; i < l.items().size(); i++) {
      String path = "[" + i + "]";
      Node n = l.items().get(i);
      if (!(n instanceof MapNode m)) {
        problems.add(at(source, n, path, "Expected an example (a map), found " + n.describe()
            + ".", "Write name, now, facts and expect."));
        continue;
      }
      unknownKeys(source, m, path, Set.of("name", "description", "now", "facts", "expect"),
          problems);
      String name = string(source, m, "name", path, true, problems);
      String description = string(source, m, "description", path, false, problems);
      Instant now = instant(source, m, path, problems);
      List<Fact> facts = facts(source, m.entries().get("facts"), path + ".facts", problems);
      Expectation expect = expectation(source, m.entries().get("expect"), path + ".expect",
          problems);
      out.add(new PackExample(name, description, now, facts, expect));
    }
    return out;
  }

  /** Reads a facts document. */
  public static FactsDocument factsDocument(String source, Node root, List<Problem> problems) {
    if (!(root instanceof MapNode m)) {
      problems.add(at(source, root, "", "Expected {\"now\": ..., \"facts\": {...}}, found "
          + root.describe() + ".", "Write a JSON object with 'facts'."));
      return null;
    }
    unknownKeys(source, m, "", Set.of("now", "facts"), problems);
    Instant now = instant(source, m, "", problems);
    if (!m.entries().containsKey("facts")) {
      problems.add(at(source, m, "facts", "'facts' is missing.",
          "Add \"facts\": {\"Type\": [{...}]}."));
      return null;
    }
    return new FactsDocument(now, facts(source, m.entries().get("facts"), "facts", problems));
  }

  private static Instant instant(String source, MapNode m, String path, List<Problem> problems) {
    Node n = m.entries().get("now");
    if (n == null) {
      return null;
    }
    Instant now = n instanceof Scalar s && s.value() instanceof String t ? Values.instant(t) : null;
    if (now == null) {
      problems.add(at(source, n, join(path, "now"), "'now' must be an ISO-8601 date and time,"
          + " found " + n.describe() + ".", "Write e.g. 2026-11-27T09:00:00Z."));
    }
    return now;
  }

  static List<Fact> facts(String source, Node node, String path, List<Problem> problems) {
    List<Fact> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MapNode m)) {
      problems.add(at(source, node, path, "Expected a map of fact types to lists of facts,"
          + " found " + node.describe() + ".", "Write {Type: [{field: value}]}."));
      return out;
    }
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String tpath = path + "." + e.getKey();
      if (!(e.getValue() instanceof ListNode l)) {
        problems.add(at(source, e.getValue(), tpath, "Expected a list of " + e.getKey()
            + " facts, found " + e.getValue().describe() + ".", "Write [{...}, {...}]."));
        continue;
      }
      for (int i = 0; i < l.items().size(); i++) {
        Node f = l.items().get(i);
        if (!(f instanceof MapNode fm)) {
          problems.add(at(source, f, tpath + "[" + i + "]", "Expected a fact (a map), found "
              + f.describe() + ".", "Write {field: value, ...}."));
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) plain(fm);
        out.add(new Fact(e.getKey(), values));
      }
    }
    return out;
  }

  private static Expectation expectation(String source, Node node, String path,
      List<Problem> problems) {
    if (node == null) {
      problems.add(at(source, null, path, "The example has no 'expect'.",
          "Say what the decision must be: fired, actions, blocked, vetoed, scores."));
      return null;
    }
    if (!(node instanceof MapNode m)) {
      problems.add(at(source, node, path, "Expected a map, found " + node.describe() + ".",
          "Write fired, actions, blocked, vetoed, scores."));
      return null;
    }
    unknownKeys(source, m, path, Set.of("fired", "actions", "blocked", "vetoed", "scores"),
        problems);
    List<String> fired = strings(source, m.entries().get("fired"), path + ".fired", problems);
    List<String> vetoed = strings(source, m.entries().get("vetoed"), path + ".vetoed", problems);
    Boolean blocked = null;
    Node bn = m.entries().get("blocked");
    if (bn != null) {
      if (bn instanceof Scalar s && s.value() instanceof Boolean b) {
        blocked = b;
      } else {
        problems.add(at(source, bn, path + ".blocked", "Expected true or false.", null));
      }
    }
    List<Expectation.ExpectedAction> actions = null;
    Node an = m.entries().get("actions");
    if (an != null) {
      actions = new ArrayList<>();
      if (!(an instanceof ListNode l)) {
        problems.add(at(source, an, path + ".actions", "Expected a list of actions.",
            "Write [SEND_TEXT, {action: SEND_TEXT, channel: SMS}]."));
      } else {
        for (int i = 0; i < l.items().size(); i++) {
          Node a = l.items().get(i);
          if (a instanceof Scalar s && s.value() instanceof String name) {
            actions.add(new Expectation.ExpectedAction(name, Map.of()));
          } else if (a instanceof MapNode am && am.entries().get("action") instanceof Scalar s
              && s.value() instanceof String name) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) plain(am));
            params.remove("action");
            actions.add(new Expectation.ExpectedAction(name, params));
          } else {
            problems.add(at(source, a, path + ".actions[" + i + "]", "Expected an action name"
                + " or {action: NAME, param: value}.", null));
          }
        }
      }
    }
    Map<String, BigDecimal> scores = null;
    Node sn = m.entries().get("scores");
    if (sn != null) {
      scores = new LinkedHashMap<>();
      if (sn instanceof MapNode sm) {
        for (Map.Entry<String, Node> e : sm.entries().entrySet()) {
          if (e.getValue() instanceof Scalar s && s.value() instanceof BigDecimal d) {
            scores.put(e.getKey(), d);
          } else {
            problems.add(at(source, e.getValue(), path + ".scores." + e.getKey(),
                "Expected a number.", null));
          }
        }
      } else {
        problems.add(at(source, sn, path + ".scores", "Expected {SCORE: number}.", null));
      }
    }
    return new Expectation(fired, actions, blocked, vetoed, scores);
  }

  private static List<String> strings(String source, Node node, String path,
      List<Problem> problems) {
    if (node == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (node instanceof ListNode l) {
      for (Node n : l.items()) {
        if (n instanceof Scalar s && s.value() instanceof String t) {
          out.add(t);
        } else {
          problems.add(at(source, n, path, "Expected a name, found " + n.describe() + ".", null));
        }
      }
    } else {
      problems.add(at(source, node, path, "Expected a list of names.", "Write [a, b]."));
    }
    return out;
  }

  private static String string(String source, MapNode m, String key, String path,
      boolean required, List<Problem> problems) {
    Node n = m.entries().get(key);
    if (n == null) {
      if (required) {
        problems.add(at(source, m, join(path, key), "'" + key + "' is missing.", null));
      }
      return null;
    }
    if (n instanceof Scalar s && s.value() instanceof String t) {
      return t;
    }
    problems.add(at(source, n, join(path, key), "Expected text, found " + n.describe() + ".",
        null));
    return null;
  }

  private static void unknownKeys(String source, MapNode m, String path, Set<String> allowed,
      List<Problem> problems) {
    for (String k : m.entries().keySet()) {
      if (!allowed.contains(k)) {
        int[] pos = m.keyPositions().get(k);
        problems.add(new Problem(source, pos[0], pos[1], null, join(path, k),
            "Unknown key '" + k + "'.", "Allowed here: " + allowed + "."));
      }
    }
  }

  /** A node as plain Java values: maps, lists, String, BigDecimal, Boolean, null. */
  static Object plain(Node n) {
    if (n instanceof MapNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (n instanceof ListNode l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(v -> out.add(plain(v)));
      return out;
    }
    return ((Scalar) n).value();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Problem at(String source, Node n, String path, String message, String hint) {
    return new Problem(source, n == null ? 0 : n.line(), n == null ? 0 : n.column(), null, path,
        message, hint);
  }
}
