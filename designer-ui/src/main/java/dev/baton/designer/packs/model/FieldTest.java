package dev.baton.designer.packs.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field test of a constraint map: {@code field op value}. In the tree, an equality is
 * written {@code field: value} and other operators {@code field: {op: value}}; several
 * operators on one field share the field's map. Nested {@code any} / {@code all} groups of a
 * constraint map are not field tests: {@link #read} skips them and {@link #write} keeps them.
 *
 * @param value a scalar, a list (in, notIn, between), a reference text such as {@code
 *     $req.channel}, or null when not yet set
 */
public record FieldTest(String field, String operator, Object value) {

  /** The field tests of a constraint map, in order. */
  public static List<FieldTest> read(Map<String, Object> constraint) {
    List<FieldTest> out = new ArrayList<>();
    constraint.forEach((field, v) -> {
      if (field.equals("any") || field.equals("all")) {
        return;
      }
      if (v instanceof Map<?, ?> ops && !ops.isEmpty() && !ops.containsKey("literal")) {
        ops.forEach((op, arg) -> out.add(new FieldTest(field, String.valueOf(op), arg)));
      } else {
        out.add(new FieldTest(field, "eq", v));
      }
    });
    return out;
  }

  /** Writes field tests into a constraint map, replacing its tests and keeping its groups. */
  public static void write(Map<String, Object> constraint, List<FieldTest> tests) {
    Map<String, Object> groups = new LinkedHashMap<>();
    constraint.forEach((k, v) -> {
      if (k.equals("any") || k.equals("all")) {
        groups.put(k, v);
      }
    });
    constraint.clear();
    Map<String, List<FieldTest>> byField = new LinkedHashMap<>();
    for (FieldTest t : tests) {
      byField.computeIfAbsent(t.field(), f -> new ArrayList<>()).add(t);
    }
    byField.forEach((field, ts) -> {
      if (ts.size() == 1 && ts.get(0).operator().equals("eq")
          && !(ts.get(0).value() instanceof Map)) {
        constraint.put(field, ts.get(0).value());
      } else {
        Map<String, Object> ops = new LinkedHashMap<>();
        ts.forEach(t -> ops.put(t.operator(), t.value()));
        constraint.put(field, ops);
      }
    });
    constraint.putAll(groups);
  }

  /** The same test with another field. */
  public FieldTest withField(String f) {
    return new FieldTest(f, operator, value);
  }

  /** The same test with another operator. */
  public FieldTest withOperator(String op) {
    return new FieldTest(field, op, value);
  }

  /** The same test with another value. */
  public FieldTest withValue(Object v) {
    return new FieldTest(field, operator, v);
  }

  /** True when the value is a reference ({@code $...}). */
  public boolean isReference() {
    return value instanceof String s && s.startsWith("$");
  }
}
