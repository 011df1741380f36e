package dev.baton.engine.rulepack.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value with the line and column where it starts, so that every problem
 * can point at its place in the file. One tree for both syntaxes.
 */
public sealed interface Node {
  int line();

  int column();

  /** What this node is, for messages: "a map", "a list", "a string"... */
  String describe();

  /** A map, keys in file order; {@code keyLines} holds where each key stands. */
  record MapNode(int line, int column, Map<String, Node> entries, Map<String, int[]> keyPositions)
      implements Node {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyPositions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A list. */
  record ListNode(int line, int column, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar: {@code String}, {@code java.math.BigDecimal} (every number, exactly as written),
   * {@code Boolean}, or {@code null}.
   */
  record Scalar(int line, int column, Object value) implements Node {
    @Override
    public String describe() {
      if (value == null) {
        return "nothing (null)";
      }
      if (value instanceof String) {
        return "the text '" + value + "'";
      }
      if (value instanceof Boolean) {
        return "the boolean " + value;
      }
      return "the number " + value;
    }
  }
}
