package dev.baton.engine.rulepack.internal.check;

import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.internal.check.Checker.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Gaps: for each fact type that is the subject of rules, the combinations of values of its
 * enumeration, boolean and numeric fields (as tested by those rules, present values only) for
 * which none of them fires. The values of each field are cut into pieces at every bound the
 * rules use; each combination of pieces is a cell, and the uncovered cells are merged into as
 * few readable gaps as possible. A rule whose other conditions or uninterpreted tests might
 * hold counts as covering: a gap is reported only when no rule can fire. A fact type whose
 * rules all can never fire gets no gap: their errors say so already.
 */
final class Gaps {
  /** More cells than this and the fact type is not searched. */
  private static final int MAX_CELLS = 4096;

  private Gaps() {}

  static void find(List<Shape> shapes, List<Finding> out) {
    Map<String, List<Shape>> bySubject = new LinkedHashMap<>();
    for (Shape s : shapes) {
      if (s.subject() != null) {
        bySubject.computeIfAbsent(s.subject().type(), k -> new ArrayList<>()).add(s);
      }
    }
    bySubject.forEach((type, group) -> find(type, group, out));
  }

  private static void find(String type, List<Shape> group, List<Finding> out) {
    if (group.stream().anyMatch(s -> s.boxes() == null)) {
      return;
    }
    Fields fields = group.get(0).fields();
    List<String> names = new ArrayList<>();
    List<List<ValueSet>> pieces = new ArrayList<>();
    for (Shape s : group) {
      for (Box b : s.boxes()) {
        for (String f : b.sets().keySet()) {
          if (!names.contains(f) && gapField(fields, f)) {
            names.add(f);
          }
        }
      }
    }
    // in the fact type's declaration order, so that a gap reads the same however rules are written
    List<String> declared = fields.type().fields().stream().map(f -> f.name()).toList();
    names.sort(java.util.Comparator.comparingInt(declared::indexOf));
    long cells = 1;
    for (String f : names) {
      List<ValueSet> p = pieces(f, fields, group);
      pieces.add(p);
      cells *= Math.max(1, p.size());
      if (cells > MAX_CELLS) {
        return;
      }
    }
    if (names.isEmpty()) {
      return;
    }
    List<Map<String, TreeSet<Integer>>> gaps = new ArrayList<>();
    int[] index = new int[names.size()];
    do {
      if (!covered(index, names, pieces, group)) {
        Map<String, TreeSet<Integer>> cell = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
          cell.put(names.get(k), new TreeSet<>(List.of(index[k])));
        }
        gaps.add(cell);
      }
    } while (next(index, pieces));
    merge(gaps);
    for (Map<String, TreeSet<Integer>> gap : gaps) {
      List<String> parts = new ArrayList<>();
      String firstField = null;
      for (int k = 0; k < names.size(); k++) {
        TreeSet<Integer> which = gap.get(names.get(k));
        if (which.size() == pieces.get(k).size()) {
          continue;
        }
        firstField = firstField == null ? names.get(k) : firstField;
        parts.add(describe(names.get(k), which, pieces.get(k)));
      }
      String where = parts.isEmpty() ? "*" : String.join(", ", parts);
      out.add(new Finding(Finding.Kind.GAP, Finding.Severity.WARNING, List.of(), type,
          firstField, "check.gap", List.of(type, where)));
    }
  }

  private static boolean gapField(Fields fields, String f) {
    Optional<FieldType> t = fields.analysable(f);
    return t.isPresent() && (t.get().isEnum() || t.get().scalar().isOrdered()
        || Fields.universe(t.get()) != null);
  }

  /** The pieces of a field's present values, cut at every bound the rules use. */
  private static List<ValueSet> pieces(String f, Fields fields, List<Shape> group) {
    ValueSet present = fields.present(f);
    if (present instanceof Discrete d) {
      List<ValueSet> out = new ArrayList<>();
      d.values().forEach(v -> out.add(new Discrete(java.util.Set.of(v), false, false,
          d.universe())));
      return out;
    }
    Ranges r = (Ranges) present;
    TreeSet<Comparable<Object>> bounds = new TreeSet<>();
    for (Shape s : group) {
      for (Box b : s.boxes()) {
        if (b.sets().get(f) instanceof Ranges x) {
          bounds.addAll(x.bounds());
        }
      }
    }
    List<ValueSet> out = new ArrayList<>();
    Comparable<Object> lo = null;
    for (Comparable<Object> p : bounds) {
      addPiece(out, Ranges.of(r.step(), lo, false, p, false));
      addPiece(out, Ranges.of(r.step(), p, true, p, true));
      lo = p;
    }
    addPiece(out, Ranges.of(r.step(), lo, false, null, false));
    return out;
  }

  private static void addPiece(List<ValueSet> out, Ranges piece) {
    if (!piece.isEmpty()) {
      out.add(piece);
    }
  }

  private static boolean covered(int[] index, List<String> names, List<List<ValueSet>> pieces,
      List<Shape> group) {
    for (Shape s : group) {
      for (Box b : s.boxes()) {
        boolean all = true;
        for (int k = 0; k < names.size() && all; k++) {
          ValueSet set = b.sets().get(names.get(k));
          all = set == null || set.containsAll(pieces.get(k).get(index[k]));
        }
        if (all) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean next(int[] index, List<List<ValueSet>> pieces) {
    for (int k = index.length - 1; k >= 0; k--) {
      if (++index[k] < pieces.get(k).size()) {
        return true;
      }
      index[k] = 0;
    }
    return false;
  }

  /** Merges gaps that differ in one field only, until none do. */
  private static void merge(List<Map<String, TreeSet<Integer>>> gaps) {
    boolean changed = true;
    while (changed) {
      changed = false;
      outer:
      for (int i = 0; i < gaps.size(); i++) {
        for (int j = i + 1; j < gaps.size(); j++) {
          String differing = differsIn(gaps.get(i), gaps.get(j));
          if (differing != null) {
            gaps.get(i).get(differing).addAll(gaps.get(j).get(differing));
            gaps.remove(j);
            changed = true;
            break outer;
          }
        }
      }
    }
  }

  /** The one field two gaps differ in, or null when they differ in none or several. */
  private static String differsIn(Map<String, TreeSet<Integer>> a,
      Map<String, TreeSet<Integer>> b) {
    String field = null;
    for (String f : a.keySet()) {
      if (!a.get(f).equals(b.get(f))) {
        if (field != null) {
          return null;
        }
        field = f;
      }
    }
    return field;
  }

  private static String describe(String field, TreeSet<Integer> which, List<ValueSet> pieces) {
    ValueSet joined = null;
    for (int i : which) {
      ValueSet p = pieces.get(i);
      if (joined == null) {
        joined = p;
      } else if (joined instanceof Ranges r) {
        joined = r.union((Ranges) p);
      } else {
        Discrete d = (Discrete) joined;
        java.util.Set<Object> v = new java.util.LinkedHashSet<>(d.values());
        v.addAll(((Discrete) p).values());
        joined = new Discrete(v, false, false, d.universe());
      }
    }
    return joined.describe(field);
  }
}
