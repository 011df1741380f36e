package dev.baton.engine.rulepack.internal.check;

import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.internal.check.Checker.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shadowed rules of a single-hit pack ({@code first} or {@code priority}): a rule whose every
 * matching combination of facts is also matched by rules that win over it can never fire. The
 * rule's boxes are cut into cells at every bound the rules use (the missing field included);
 * each cell must lie inside a box of a winning rule whose other conditions are among the
 * rule's own and whose uninterpreted tests are among the box's. When there are too many cells
 * only a single winning rule containing the whole rule counts.
 */
final class Shadows {
  /** More cells than this and only single winning rules are tried. */
  private static final int MAX_CELLS = 4096;

  private Shadows() {}

  /** The shapes in the order they win in: pack order, for priority by priority first. */
  static List<Shape> winningOrder(List<Shape> shapes, HitPolicy policy) {
    List<Shape> out = new ArrayList<>(shapes);
    if (policy == HitPolicy.PRIORITY) {
      // stable: equal priorities keep the pack's order
      out.sort(Comparator.comparingInt((Shape s) -> s.rule().priority()).reversed());
    }
    return out;
  }

  /**
   * The winning rules that together match every combination {@code loser} matches, in winning
   * order, or an empty list when some combination may be left to {@code loser}.
   */
  static List<Shape> coveredBy(Shape loser, List<Shape> winners) {
    List<Shape> usable = winners.stream().filter(w -> usable(w, loser)).toList();
    if (usable.isEmpty()) {
      return List.of();
    }
    for (Shape w : usable) {
      if (Checker.contains(w, loser)) {
        return List.of(w);
      }
    }
    List<String> names = new ArrayList<>();
    List<Box> all = new ArrayList<>(loser.boxes());
    usable.forEach(w -> all.addAll(w.boxes()));
    all.forEach(b -> b.sets().keySet().stream().filter(f -> !names.contains(f))
        .forEach(names::add));
    List<List<ValueSet>> pieces = new ArrayList<>();
    long cells = 1;
    for (String f : names) {
      List<ValueSet> p = pieces(f, loser.fields(), all);
      pieces.add(p);
      cells *= p.size();
      if (cells > MAX_CELLS) {
        return List.of();
      }
    }
    Set<Shape> used = new LinkedHashSet<>();
    for (Box b : loser.boxes()) {
      int[] index = new int[names.size()];
      do {
        if (inside(b, index, names, pieces)) {
          Shape by = coveringRule(b, index, names, pieces, usable);
          if (by == null) {
            return List.of();
          }
          used.add(by);
        }
      } while (next(index, pieces));
    }
    return usable.stream().filter(used::contains).toList();
  }

  /** True when {@code winner} is about the same facts and its other conditions hold too. */
  private static boolean usable(Shape winner, Shape loser) {
    if (winner.boxes() == null || winner.boxes().isEmpty()
        || !winner.subject().type().equals(loser.subject().type())) {
      return false;
    }
    List<Object> rest = new ArrayList<>(loser.rest());
    for (Object c : winner.rest()) {
      if (!rest.remove(c)) {
        return false;
      }
    }
    return winner.rest().isEmpty()
        || Objects.equals(winner.subject().binding(), loser.subject().binding());
  }

  /** The pieces of a field's values (missing included), cut at every bound the boxes use. */
  private static List<ValueSet> pieces(String f, Fields fields, List<Box> boxes) {
    ValueSet all = fields.all(f);
    List<ValueSet> out = new ArrayList<>();
    if (all instanceof Discrete d) {
      Set<Object> values = new LinkedHashSet<>();
      if (d.universe() != null) {
        values.addAll(d.universe());
      } else {
        boxes.stream().map(b -> b.sets().get(f)).filter(Discrete.class::isInstance)
            .forEach(s -> values.addAll(((Discrete) s).values()));
        out.add(new Discrete(values, true, false, null));
      }
      values.forEach(v -> out.add(new Discrete(Set.of(v), false, false, d.universe())));
      out.add(new Discrete(Set.of(), false, true, d.universe()));
      return out;
    }
    Ranges.Step step = ((Ranges) all).step();
    TreeSet<Comparable<Object>> bounds = new TreeSet<>();
    for (Box b : boxes) {
      if (b.sets().get(f) instanceof Ranges x) {
        bounds.addAll(x.bounds());
      }
    }
    Comparable<Object> lo = null;
    for (Comparable<Object> p : bounds) {
      addPiece(out, Ranges.of(step, lo, false, p, false));
      addPiece(out, Ranges.of(step, p, true, p, true));
      lo = p;
    }
    addPiece(out, Ranges.of(step, lo, false, null, false));
    out.add(new Ranges(List.of(), true, step));
    return out;
  }

  private static void addPiece(List<ValueSet> out, Ranges piece) {
    if (!piece.isEmpty()) {
      out.add(piece);
    }
  }

  /** True when some fact of the cell may pass the box. */
  private static boolean inside(Box b, int[] index, List<String> names,
      List<List<ValueSet>> pieces) {
    for (int k = 0; k < names.size(); k++) {
      ValueSet set = b.sets().get(names.get(k));
      if (set != null && set.intersect(pieces.get(k).get(index[k])).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The first winning rule with a box holding the whole cell, or null. */
  private static Shape coveringRule(Box loser, int[] index, List<String> names,
      List<List<ValueSet>> pieces, List<Shape> winners) {
    for (Shape w : winners) {
      for (Box wb : w.boxes()) {
        if (holds(wb, loser, index, names, pieces)) {
          return w;
        }
      }
    }
    return null;
  }

  private static boolean holds(Box winner, Box loser, int[] index, List<String> names,
      List<List<ValueSet>> pieces) {
    for (Map.Entry<String, Set<Constraint.Test>> e : winner.opaque().entrySet()) {
      if (!loser.opaque().getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
        return false;
      }
    }
    for (int k = 0; k < names.size(); k++) {
      ValueSet set = winner.sets().get(names.get(k));
      if (set != null && !set.containsAll(pieces.get(k).get(index[k]))) {
        return false;
      }
    }
    return true;
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
}
