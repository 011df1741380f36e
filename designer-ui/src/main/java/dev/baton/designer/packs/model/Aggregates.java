package dev.baton.designer.packs.model;

import dev.baton.engine.rulepack.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Editing the body of an aggregate condition in the tree: {@code {of: Type, field: f, where:
 * {constraints}, within: {field: occurredAt, last: P30D}, is: {gte: 3}, as: n}}. The {@code
 * where} filter is a constraint map like a pattern's (field tests and {@link TestGroup}s); the
 * {@code within} window keeps facts whose date or datetime field lies in the last duration.
 */
public final class Aggregates {
  private static final List<String> ORDER = List.of("of", "field", "where", "within", "is", "as");

  private Aggregates() {}

  /**
   * A time window of an aggregate.
   *
   * @param field a date or datetime field of the aggregated type
   * @param last an ISO-8601 duration such as {@code P30D}, or null when not yet set
   */
  public record Window(String field, String last) {}

  /** The {@code where} constraint map of an aggregate body, created when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> where(Map<String, Object> body) {
    Object w = body.get("where");
    if (!(w instanceof Map)) {
      w = new LinkedHashMap<String, Object>();
      put(body, "where", w);
    }
    return (Map<String, Object>) w;
  }

  /** True when the aggregate has a filter with at least one test or group. */
  public static boolean hasWhere(Map<String, Object> body) {
    return body.get("where") instanceof Map<?, ?> m && !m.isEmpty();
  }

  /** Removes an empty {@code where} (an empty filter keeps every fact; the tree stays tidy). */
  public static void dropEmptyWhere(Map<String, Object> body) {
    if (body.get("where") instanceof Map<?, ?> m && m.isEmpty()) {
      body.remove("where");
    }
  }

  /** The aggregate's window, if it has one. */
  public static Optional<Window> window(Map<String, Object> body) {
    if (body.get("within") instanceof Map<?, ?> w) {
      Object f = w.get("field");
      Object last = w.get("last");
      return Optional.of(new Window(f == null ? null : String.valueOf(f),
          last == null ? null : String.valueOf(last)));
    }
    return Optional.empty();
  }

  /** Sets the window (a null window removes it). */
  public static void setWindow(Map<String, Object> body, Window window) {
    if (window == null) {
      body.remove("within");
      return;
    }
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("field", window.field());
    w.put("last", window.last());
    put(body, "within", w);
  }

  /** Puts a key into an aggregate body in the format's order: of, field, where, within, is, as. */
  public static void put(Map<String, Object> body, String key, Object value) {
    body.put(key, value);
    Map<String, Object> copy = new LinkedHashMap<>(body);
    body.clear();
    for (String k : ORDER) {
      if (copy.containsKey(k)) {
        body.put(k, copy.remove(k));
      }
    }
    body.putAll(copy);
  }

  /** A new window over the type's first date or datetime field, 30 days; empty if none. */
  public static Optional<Window> defaultWindow(PackModel model, String type) {
    return timeFields(model, type).stream().findFirst().map(f -> new Window(f, "P30D"));
  }

  /** The date and datetime fields of a type (what a window may be over). */
  public static List<String> timeFields(PackModel model, String type) {
    return model.fields(type).entrySet().stream()
        .filter(e -> isTime(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private static boolean isTime(FieldType t) {
    return !t.list() && t.scalar().isTime();
  }
}
