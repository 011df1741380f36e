package dev.baton.designer.packs.model;

import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the pack's parameters are used, and what a reference to one shows on a rule. */
public final class Parameters {
  private Parameters() {}

  /** The ids of the rules that refer to {@code $params.<name>}, in order. */
  public static List<String> usedBy(PackModel model, String name) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> rule : model.rules()) {
      if (refers(rule.get("when"), name) || refers(rule.get("then"), name)) {
        out.add(String.valueOf(rule.get("id")));
      }
    }
    return out;
  }

  private static boolean refers(Object tree, String name) {
    if (tree instanceof String s) {
      return s.equals("$params." + name) || s.startsWith("$params." + name + ".");
    }
    if (tree instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(v -> refers(v, name))
          || m.keySet().stream().anyMatch(k -> refers(k, name));
    }
    if (tree instanceof List<?> l) {
      return l.stream().anyMatch(v -> refers(v, name));
    }
    return false;
  }

  /** The parameter a reference names ({@code $params.cmiThreshold}), if it is one. */
  public static Optional<String> named(Object reference) {
    if (reference instanceof String s && s.startsWith("$params.")) {
      return Optional.of(s.substring("$params.".length()));
    }
    return Optional.empty();
  }

  /** The type of a parameter, or empty when the pack has none of that name. */
  public static Optional<FieldType> type(PackModel model, String name) {
    Map<String, Object> p = model.parameters().get(name);
    return p == null ? Optional.empty() : Optional.of(PackModel.fieldType(p.get("type")));
  }

  /**
   * True when a value of type {@code offered} may stand where {@code wanted} is expected:
   * the same scalar type, numbers for numbers (integer or number), text for an enumeration.
   */
  public static boolean compatible(FieldType wanted, FieldType offered) {
    if (offered.list() && !wanted.list()) {
      return false;
    }
    FieldType w = wanted.element();
    FieldType o = offered.element();
    if (w.scalar() == o.scalar()) {
      return !w.isEnum() || !o.isEnum() || w.enumValues().containsAll(o.enumValues());
    }
    return numeric(w.scalar()) && numeric(o.scalar());
  }

  private static boolean numeric(ValueType t) {
    return t == ValueType.NUMBER || t == ValueType.INTEGER;
  }
}
