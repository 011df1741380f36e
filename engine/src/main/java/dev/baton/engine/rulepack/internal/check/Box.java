package dev.baton.engine.rulepack.internal.check;

import dev.baton.engine.rulepack.Constraint;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One conjunction of field tests on a fact: per field the set of values the tests allow, and
 * the tests that are not interpreted (references to other facts, {@code $now}, text matching),
 * kept as written.
 */
record Box(Map<String, ValueSet> sets, Map<String, Set<Constraint.Test>> opaque) {

  Box {
    sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    opaque = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(opaque));
  }

  /** No test: every fact. */
  static Box any() {
    return new Box(Map.of(), Map.of());
  }

  /** Both boxes' tests. */
  Box and(Box o) {
    Map<String, ValueSet> s = new LinkedHashMap<>(sets);
    o.sets.forEach((f, v) -> s.merge(f, v, ValueSet::intersect));
    Map<String, Set<Constraint.Test>> op = new LinkedHashMap<>();
    opaque.forEach((f, t) -> op.put(f, new LinkedHashSet<>(t)));
    o.opaque.forEach((f, t) -> op.computeIfAbsent(f, k -> new LinkedHashSet<>()).addAll(t));
    return new Box(s, op);
  }

  /** The first field whose tests no value passes, if any: then no fact passes the box. */
  Optional<String> emptyField() {
    return sets.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
        .findFirst();
  }

  /** True when every fact passing {@code inner} passes this box, whatever the opaque tests. */
  boolean contains(Box inner, Fields fields) {
    for (Map.Entry<String, ValueSet> e : sets.entrySet()) {
      ValueSet theirs = inner.sets.getOrDefault(e.getKey(), fields.all(e.getKey()));
      if (!e.getValue().containsAll(theirs)) {
        return false;
      }
    }
    for (Map.Entry<String, Set<Constraint.Test>> e : opaque.entrySet()) {
      if (!inner.opaque.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when some fact surely passes both boxes: the interpreted tests have values in common,
   * and each field tested by opaque tests carries the same opaque tests, and nothing else, in
   * both.
   */
  boolean surelyOverlaps(Box o, Fields fields) {
    Set<String> opaqueFields = new HashSet<>(opaque.keySet());
    opaqueFields.addAll(o.opaque.keySet());
    for (String f : opaqueFields) {
      if (!opaque.getOrDefault(f, Set.of()).equals(o.opaque.getOrDefault(f, Set.of()))
          || sets.containsKey(f) || o.sets.containsKey(f)) {
        return false;
      }
    }
    Set<String> tested = new HashSet<>(sets.keySet());
    tested.addAll(o.sets.keySet());
    for (String f : tested) {
      ValueSet a = sets.getOrDefault(f, fields.all(f));
      ValueSet b = o.sets.getOrDefault(f, fields.all(f));
      if (a.intersect(b).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
