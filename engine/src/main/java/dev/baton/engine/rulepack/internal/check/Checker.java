package dev.baton.engine.rulepack.internal.check;

import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.BuiltInTypes;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.Finding.Kind;
import dev.baton.engine.rulepack.Finding.Severity;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The static checks of {@code RulePackChecks}. A rule's subject is its first condition when
 * that is a fact pattern: the rule's field tests on it become a disjunction of {@link Box}es;
 * the rest of its conditions are compared as written.
 */
public final class Checker {
  /** More alternatives than this in one constraint and the rule is not compared. */
  private static final int MAX_BOXES = 256;

  private final RulePack pack;
  private final List<Shape> shapes = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /** A rule as the checks see it; {@code boxes} is null when the rule is not compared. */
  record Shape(Rule rule, Condition.Pattern subject, Fields fields, List<Box> boxes,
      List<Condition> rest) {}

  public Checker(RulePack pack) {
    this.pack = pack;
    for (Rule r : pack.rules()) {
      shapes.add(shape(r));
    }
  }

  /** Every finding, in a stable order. */
  public List<Finding> findings() {
    findings.clear();
    pack.rules().forEach(this::contradictions);
    if (pack.hitPolicy().singleHit()) {
      shadows();
    } else {
      for (int i = 0; i < shapes.size(); i++) {
        for (int j = i + 1; j < shapes.size(); j++) {
          pair(shapes.get(i), shapes.get(j));
        }
      }
    }
    Gaps.find(shapes, findings);
    return List.copyOf(findings);
  }

  private Shape shape(Rule r) {
    if (r.when().isEmpty() || !(r.when().get(0) instanceof Condition.Pattern p)) {
      return new Shape(r, null, null, null, r.when());
    }
    Optional<FactType> type = factType(p.type());
    if (type.isEmpty()) {
      return new Shape(r, null, null, null, r.when());
    }
    Fields fields = new Fields(type.get(), pack);
    List<Condition> rest = r.when().subList(1, r.when().size());
    try {
      List<Box> boxes = boxes(p.constraint(), fields).stream()
          .filter(b -> b.emptyField().isEmpty()).toList();
      return new Shape(r, p, fields, boxes, rest);
    } catch (TooComplex e) {
      return new Shape(r, p, fields, null, rest);
    }
  }

  private Optional<FactType> factType(String name) {
    return pack.factType(name).or(() -> BuiltInTypes.named(name));
  }

  // ------------------------------------------------------------------ contradictions

  private void contradictions(Rule r) {
    for (Condition c : r.when()) {
      Optional<String[]> empty = unsatisfiable(c);
      if (empty.isPresent()) {
        findings.add(new Finding(Kind.NEVER_FIRES, Severity.ERROR, List.of(r.id()),
            empty.get()[0], empty.get()[1], "check.neverFires",
            List.of(r.id(), empty.get()[0], empty.get()[1])));
        return;
      }
    }
  }

  /** The type and field that no fact can pass, when no fact can pass the condition. */
  private Optional<String[]> unsatisfiable(Condition c) {
    if (c instanceof Condition.Pattern p) {
      return unsatisfiable(p.type(), p.constraint());
    }
    if (c instanceof Condition.Exists e) {
      return unsatisfiable(e.pattern().type(), e.pattern().constraint());
    }
    if (c instanceof Condition.AllOf all) {
      return all.conditions().stream().map(this::unsatisfiable).flatMap(Optional::stream)
          .findFirst();
    }
    if (c instanceof Condition.AnyOf any) {
      List<String[]> each = any.conditions().stream().map(this::unsatisfiable)
          .flatMap(Optional::stream).toList();
      return each.size() == any.conditions().size() && !each.isEmpty()
          ? Optional.of(each.get(0)) : Optional.empty();
    }
    if (c instanceof Condition.Aggregate a) {
      FactType result = new FactType(a.type(), List.of(new dev.baton.engine.rulepack.FieldDef(
          "result", FieldType.of(ValueType.NUMBER))));
      Fields fields = new Fields(result, pack);
      Box box = Box.any();
      for (Constraint.Test t : a.is()) {
        box = box.and(fields.box(t));
      }
      return box.emptyField().map(f -> new String[] {a.type(), f});
    }
    return Optional.empty();
  }

  private Optional<String[]> unsatisfiable(String typeName, Constraint constraint) {
    Optional<FactType> type = factType(typeName);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<Box> boxes = boxes(constraint, new Fields(type.get(), pack));
      for (Box b : boxes) {
        if (b.emptyField().isEmpty()) {
          return Optional.empty();
        }
      }
      return boxes.isEmpty() ? Optional.empty()
          : Optional.of(new String[] {typeName, boxes.get(0).emptyField().get()});
    } catch (TooComplex e) {
      return Optional.empty();
    }
  }

  // ------------------------------------------------------------------ single hit

  /**
   * First or priority: at most one rule fires, so rules that match the same facts are what the
   * policy resolves (no overlap, subsumption or conflict); a rule the rules winning over it
   * match wherever it does can never fire.
   */
  private void shadows() {
    List<Shape> order = Shadows.winningOrder(shapes, pack.hitPolicy());
    for (Shape s : shapes) {
      if (s.boxes == null || s.boxes.isEmpty()) {
        continue;
      }
      List<Shape> by = Shadows.coveredBy(s, order.subList(0, order.indexOf(s)));
      if (by.isEmpty()) {
        continue;
      }
      List<String> ids = new ArrayList<>(List.of(s.rule.id()));
      by.forEach(w -> ids.add(w.rule.id()));
      String winners = String.join(", ", by.stream().map(w -> w.rule.id()).toList());
      findings.add(new Finding(Kind.SHADOWED, Severity.ERROR, ids, s.subject.type(), null,
          pack.hitPolicy() == HitPolicy.FIRST ? "check.shadowedFirst" : "check.shadowedPriority",
          List.of(s.rule.id(), winners, s.subject.type())));
    }
  }

  // ------------------------------------------------------------------ rule pairs

  private void pair(Shape a, Shape b) {
    if (a.boxes == null || b.boxes == null || a.boxes.isEmpty() || b.boxes.isEmpty()
        || !a.subject.type().equals(b.subject.type())) {
      return;
    }
    if (contains(a, b) && actionsAmong(b, a)) {
      subsumed(b, a);
      return;
    }
    if (contains(b, a) && actionsAmong(a, b)) {
      subsumed(a, b);
      return;
    }
    boolean overlap = surelyOverlap(a, b);
    if (!overlap) {
      return;
    }
    conflict(a, b);
    conflict(b, a);
    Set<String> common = emitted(a);
    common.retainAll(emitted(b));
    if (!common.isEmpty()) {
      String actions = String.join(", ", common);
      findings.add(new Finding(Kind.OVERLAP, Severity.WARNING,
          List.of(b.rule.id(), a.rule.id()), a.subject.type(), null, "check.overlap",
          List.of(b.rule.id(), a.rule.id(), actions, a.subject.type())));
    }
  }

  private void subsumed(Shape inner, Shape outer) {
    findings.add(new Finding(Kind.SUBSUMED, Severity.WARNING,
        List.of(inner.rule.id(), outer.rule.id()), inner.subject.type(), null, "check.subsumed",
        List.of(inner.rule.id(), outer.rule.id())));
  }

  /** Reports when {@code allowing} allows facts that {@code blocking} blocks. */
  private void conflict(Shape allowing, Shape blocking) {
    if (!has(allowing, Action.Allow.class) || has(allowing, Action.Block.class)
        || !has(blocking, Action.Block.class)) {
      return;
    }
    boolean always = contains(blocking, allowing);
    findings.add(new Finding(Kind.CONFLICT, always ? Severity.ERROR : Severity.WARNING,
        List.of(allowing.rule.id(), blocking.rule.id()), allowing.subject.type(), null,
        always ? "check.conflictAlways" : "check.conflict",
        List.of(allowing.rule.id(), blocking.rule.id(), allowing.subject.type())));
  }

  /** True when every fact combination {@code inner} matches, {@code outer} matches too. */
  static boolean contains(Shape outer, Shape inner) {
    List<Condition> rest = new ArrayList<>(inner.rest);
    for (Condition c : outer.rest) {
      if (!rest.remove(c)) {
        return false;
      }
    }
    if (!outer.rest.isEmpty() && !java.util.Objects.equals(outer.subject.binding(),
        inner.subject.binding())) {
      return false;
    }
    return inner.boxes.stream()
        .allMatch(ib -> outer.boxes.stream().anyMatch(ob -> ob.contains(ib, outer.fields)));
  }

  private static boolean surelyOverlap(Shape a, Shape b) {
    if (!a.rest.equals(b.rest) || (!a.rest.isEmpty()
        && !java.util.Objects.equals(a.subject.binding(), b.subject.binding()))) {
      return false;
    }
    return a.boxes.stream()
        .anyMatch(x -> b.boxes.stream().anyMatch(y -> x.surelyOverlaps(y, a.fields)));
  }

  /** True when every action of {@code rule} is also an action of {@code other}. */
  private static boolean actionsAmong(Shape rule, Shape other) {
    return other.rule.then().containsAll(rule.rule.then());
  }

  private static boolean has(Shape s, Class<? extends Action> kind) {
    return s.rule.then().stream().anyMatch(kind::isInstance);
  }

  private static Set<String> emitted(Shape s) {
    Set<String> out = new LinkedHashSet<>();
    s.rule.then().stream().filter(Action.Emit.class::isInstance)
        .forEach(a -> out.add(((Action.Emit) a).action()));
    return out;
  }

  // ------------------------------------------------------------------ constraints as boxes

  /** The constraint as a disjunction of boxes (empty boxes included). */
  static List<Box> boxes(Constraint c, Fields fields) {
    if (c instanceof Constraint.Test t) {
      return List.of(fields.box(t));
    }
    if (c instanceof Constraint.All all) {
      List<Box> acc = List.of(Box.any());
      for (Constraint part : all.parts()) {
        List<Box> next = new ArrayList<>();
        for (Box x : acc) {
          for (Box y : boxes(part, fields)) {
            next.add(x.and(y));
          }
        }
        if (next.size() > MAX_BOXES) {
          throw new TooComplex();
        }
        acc = next;
      }
      return acc;
    }
    List<Box> out = new ArrayList<>();
    for (Constraint part : ((Constraint.Any) c).parts()) {
      out.addAll(boxes(part, fields));
      if (out.size() > MAX_BOXES) {
        throw new TooComplex();
      }
    }
    return out;
  }

  private static final class TooComplex extends RuntimeException {
    TooComplex() {
      super(null, null, false, false);
    }
  }
}
