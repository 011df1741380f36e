package dev.baton.designer.packs.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and editing one item of a rule's {@code when} in the tree: a single-key map such as
 * {@code {"Consent as grant": {status: GRANTED}}}, {@code {not: {...}}}, {@code {any: [...]}} or
 * {@code {count: {of: ..., is: {gte: 3}}}}.
 */
public final class Conditions {
  /** Aggregate functions, as keys. */
  public static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max");

  private Conditions() {}

  /** What a condition item is. */
  public enum Kind { PATTERN, NOT, EXISTS, ANY, ALL, AGGREGATE, UNKNOWN }

  /** The kind of a condition item. */
  public static Kind kind(Object item) {
    String key = key(item);
    if (key == null) {
      return Kind.UNKNOWN;
    }
    return switch (key) {
      case "not" -> Kind.NOT;
      case "exists" -> Kind.EXISTS;
      case "any" -> Kind.ANY;
      case "all" -> Kind.ALL;
      default -> AGGREGATES.contains(key) ? Kind.AGGREGATE : Kind.PATTERN;
    };
  }

  /** The single key of a condition item, or null. */
  public static String key(Object item) {
    if (item instanceof Map<?, ?> m && m.size() == 1) {
      return String.valueOf(m.keySet().iterator().next());
    }
    return null;
  }

  /** The value under the single key. */
  public static Object body(Object item) {
    return ((Map<?, ?>) item).values().iterator().next();
  }

  /** The item as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object item) {
    return (Map<String, Object>) item;
  }

  /** A new pattern item {@code {"Type": {field: value}}} or with a binding. */
  public static Map<String, Object> pattern(String type, String binding,
      Map<String, Object> constraint) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(patternKey(type, binding), constraint);
    return m;
  }

  /** {@code Type} or {@code Type as binding}. */
  public static String patternKey(String type, String binding) {
    return binding == null || binding.isBlank() ? type : type + " as " + binding.trim();
  }

  /** The pattern's type: the part of the key before {@code as}. */
  public static String patternType(String key) {
    int i = key.indexOf(" as ");
    return (i < 0 ? key : key.substring(0, i)).trim();
  }

  /** The pattern's binding, or null. */
  public static String patternBinding(String key) {
    int i = key.indexOf(" as ");
    return i < 0 ? null : key.substring(i + 4).trim();
  }

  /** Renames a single-key item in place (keeps its value). */
  public static void rekey(Map<String, Object> item, String newKey) {
    Object body = body(item);
    item.clear();
    item.put(newKey, body);
  }

  /**
   * The pattern map of a PATTERN, NOT or EXISTS item (for NOT and EXISTS the inner single-key
   * map {@code {Type: {...}}}), or null.
   */
  public static Map<String, Object> patternOf(Object item) {
    return switch (kind(item)) {
      case PATTERN -> map(item);
      case NOT, EXISTS -> body(item) instanceof Map<?, ?> inner && inner.size() == 1
          ? map(inner) : null;
      default -> null;
    };
  }

  /** The constraint map of a pattern map, created when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> constraintOf(Map<String, Object> pattern) {
    String key = key(pattern);
    Object body = pattern.get(key);
    if (!(body instanceof Map)) {
      body = new LinkedHashMap<String, Object>();
      pattern.put(key, body);
    }
    return (Map<String, Object>) body;
  }

  /** The items of an ANY or ALL group. */
  @SuppressWarnings("unchecked")
  public static List<Object> groupItems(Object item) {
    Map<String, Object> m = map(item);
    String key = key(item);
    Object body = m.get(key);
    if (!(body instanceof List)) {
      body = new ArrayList<>();
      m.put(key, body);
    }
    return (List<Object>) body;
  }

  /** The body map of an AGGREGATE item. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> aggregateOf(Object item) {
    Map<String, Object> m = map(item);
    String key = key(item);
    Object body = m.get(key);
    if (!(body instanceof Map)) {
      body = new LinkedHashMap<String, Object>();
      m.put(key, body);
    }
    return (Map<String, Object>) body;
  }

  /** The names bound by the items before {@code index} (patterns with {@code as}, aggregates). */
  public static List<Binding> bindingsBefore(List<Object> when, int index) {
    List<Binding> out = new ArrayList<>();
    for (int i = 0; i < Math.min(index, when.size()); i++) {
      Object item = when.get(i);
      Kind k = kind(item);
      if (k == Kind.PATTERN) {
        String b = patternBinding(key(item));
        if (b != null) {
          out.add(new Binding(b, patternType(key(item)), false));
        }
      } else if (k == Kind.AGGREGATE && aggregateOf(item).get("as") instanceof String as) {
        out.add(new Binding(as, String.valueOf(aggregateOf(item).get("of")), true));
      }
    }
    return out;
  }

  /**
   * A name bound in a rule.
   *
   * @param aggregate true for an aggregate's result ({@code $name}), false for a fact
   *     ({@code $name.field})
   */
  public record Binding(String name, String type, boolean aggregate) {}
}
