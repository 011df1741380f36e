package dev.baton.designer.packs.ui;

import java.util.Set;

/** Which operators take the same kind of value, so that a value survives an operator change. */
public final class ValueEditorKinds {
  private static final Set<String> SCALAR = Set.of("eq", "ne", "lt", "lte", "gt", "gte",
      "contains", "startsWith");
  private static final Set<String> LIST = Set.of("in", "notIn");
  private static final Set<String> FLAG = Set.of("empty", "notEmpty");
  private static final Set<String> DURATION = Set.of("olderThan", "withinLast");

  private ValueEditorKinds() {}

  /** True if both operators take the same kind of value. */
  public static boolean compatible(String a, String b) {
    for (Set<String> s : java.util.List.of(SCALAR, LIST, FLAG, DURATION)) {
      if (s.contains(a) && s.contains(b)) {
        return true;
      }
    }
    return false;
  }
}
