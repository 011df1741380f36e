package dev.baton.engine.rulepack.internal.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of unordered values (text, enumeration values, booleans): either the listed values, or
 * (when {@code cofinite}) every value but the listed ones. With a finite universe (enumeration,
 * boolean) the set is always kept as listed values, in the universe's order.
 */
record Discrete(Set<Object> values, boolean cofinite, boolean missing, List<Object> universe)
    implements ValueSet {

  Discrete {
    if (universe != null && cofinite) {
      Set<Object> in = new LinkedHashSet<>(universe);
      in.removeAll(values);
      values = in;
      cofinite = false;
    } else if (universe != null) {
      Set<Object> ordered = new LinkedHashSet<>();
      universe.stream().filter(values::contains).forEach(ordered::add);
      values = ordered;
    }
    values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** Every value, and missing. */
  static Discrete all(List<Object> universe) {
    return new Discrete(Set.of(), true, true, universe);
  }

  @Override
  public boolean isEmpty() {
    return !missing && !cofinite && values.isEmpty();
  }

  @Override
  public ValueSet intersect(ValueSet other) {
    Discrete o = (Discrete) other;
    Set<Object> v = new LinkedHashSet<>();
    boolean cof = false;
    if (!cofinite && !o.cofinite) {
      values.stream().filter(o.values::contains).forEach(v::add);
    } else if (!cofinite) {
      values.stream().filter(x -> !o.values.contains(x)).forEach(v::add);
    } else if (!o.cofinite) {
      o.values.stream().filter(x -> !values.contains(x)).forEach(v::add);
    } else {
      v.addAll(values);
      v.addAll(o.values);
      cof = true;
    }
    return new Discrete(v, cof, missing && o.missing, universe);
  }

  @Override
  public boolean containsAll(ValueSet other) {
    Discrete o = (Discrete) other;
    if (o.missing && !missing) {
      return false;
    }
    if (!cofinite && !o.cofinite) {
      return values.containsAll(o.values);
    }
    if (!cofinite) {
      return false;
    }
    if (!o.cofinite) {
      return o.values.stream().noneMatch(values::contains);
    }
    return o.values.containsAll(values);
  }

  @Override
  public ValueSet present() {
    return new Discrete(values, cofinite, false, universe);
  }

  @Override
  public String describe(String field) {
    List<String> shown = new ArrayList<>();
    values.forEach(v -> shown.add(String.valueOf(v)));
    if (cofinite) {
      return field + " ∉ {" + String.join(", ", shown) + "}";
    }
    return shown.size() == 1 ? field + " = " + shown.get(0)
        : field + " ∈ {" + String.join(", ", shown) + "}";
  }
}
