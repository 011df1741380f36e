package dev.baton.engine.repository.internal;

import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackDiff.Change;
import dev.baton.engine.repository.PackDiff.Kind;
import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes a {@link PackDiff}. Elements are matched by identity, not position: parameters, fact
 * types and fields by name, rules by id, conditions by what they match ({@code Type as name},
 * {@code not Type}, {@code count Type}...), field tests by field and operator, actions by kind
 * and name. So inserting a condition reports one added condition, not every later one changed.
 */
public final class Differ {
  private static final Set<Operator> ORDERING = EnumSet.of(Operator.LT, Operator.LTE,
      Operator.GT, Operator.GTE, Operator.BETWEEN, Operator.OLDER_THAN, Operator.WITHIN_LAST);

  private Differ() {}

  /** The difference from one pack to another. */
  public static PackDiff diff(RulePack from, RulePack to) {
    List<Change> header = new ArrayList<>();
    if (from.kind() != to.kind()) {
      header.add(new Change(Kind.KIND_CHANGED, "kind", from.kind().label(), to.kind().label()));
    }
    changed(header, Kind.TITLE_CHANGED, "title", Syntax.of(from.title()), Syntax.of(to.title()));
    changed(header, Kind.DESCRIPTION_CHANGED, "description", Syntax.of(from.description()),
        Syntax.of(to.description()));
    changed(header, Kind.SCORES_CHANGED, "scores", Syntax.of(from.scores()),
        Syntax.of(to.scores()));

    List<PackDiff.RuleRef> added = new ArrayList<>();
    List<PackDiff.RuleRef> removed = new ArrayList<>();
    List<PackDiff.RuleChange> changed = new ArrayList<>();
    Map<String, Rule> before = byKey(from.rules(), Rule::id);
    Map<String, Rule> after = byKey(to.rules(), Rule::id);
    for (Rule r : from.rules()) {
      if (!after.containsKey(r.id())) {
        removed.add(new PackDiff.RuleRef(r.id(), r.title()));
      }
    }
    for (Rule r : to.rules()) {
      Rule old = before.get(r.id());
      if (old == null) {
        added.add(new PackDiff.RuleRef(r.id(), r.title()));
      } else if (!Syntax.same(old, r)) {
        List<Change> changes = rule(old, r);
        if (!changes.isEmpty()) {
          changed.add(new PackDiff.RuleChange(r.id(), r.title(), changes));
        }
      }
    }
    return new PackDiff(to.id(), from.version(), RulePacks.contentHash(from), to.version(),
        RulePacks.contentHash(to), header, parameters(from, to), facts(from, to), added, removed,
        changed);
  }

  private static List<Change> parameters(RulePack from, RulePack to) {
    List<Change> out = new ArrayList<>();
    Map<String, Parameter> before = byKey(from.parameters(), Parameter::name);
    Map<String, Parameter> after = byKey(to.parameters(), Parameter::name);
    for (Parameter p : to.parameters()) {
      String path = "parameters." + p.name();
      Parameter old = before.get(p.name());
      if (old == null) {
        out.add(new Change(Kind.PARAMETER_ADDED, path, null, Syntax.of(p)));
        continue;
      }
      changed(out, Kind.PARAMETER_TYPE_CHANGED, path, Syntax.of(old.type()), Syntax.of(p.type()));
      changed(out, Kind.PARAMETER_VALUE_CHANGED, path, Syntax.value(old.value()),
          Syntax.value(p.value()));
      changed(out, Kind.PARAMETER_TITLE_CHANGED, path, Syntax.of(old.title()),
          Syntax.of(p.title()));
    }
    for (Parameter p : from.parameters()) {
      if (!after.containsKey(p.name())) {
        out.add(new Change(Kind.PARAMETER_REMOVED, "parameters." + p.name(), Syntax.of(p), null));
      }
    }
    return out;
  }

  private static List<Change> facts(RulePack from, RulePack to) {
    List<Change> out = new ArrayList<>();
    Map<String, FactType> before = byKey(from.factTypes(), FactType::name);
    Map<String, FactType> after = byKey(to.factTypes(), FactType::name);
    for (FactType t : to.factTypes()) {
      String path = "facts." + t.name();
      FactType old = before.get(t.name());
      if (old == null) {
        out.add(new Change(Kind.FACT_TYPE_ADDED, path, null, Syntax.of(t)));
        continue;
      }
      Map<String, FieldDef> oldFields = byKey(old.fields(), FieldDef::name);
      Map<String, FieldDef> newFields = byKey(t.fields(), FieldDef::name);
      for (FieldDef f : t.fields()) {
        FieldDef was = oldFields.get(f.name());
        if (was == null) {
          out.add(new Change(Kind.FIELD_ADDED, path + "." + f.name(), null, Syntax.of(f.type())));
        } else {
          changed(out, Kind.FIELD_TYPE_CHANGED, path + "." + f.name(), Syntax.of(was.type()),
              Syntax.of(f.type()));
        }
      }
      for (FieldDef f : old.fields()) {
        if (!newFields.containsKey(f.name())) {
          out.add(new Change(Kind.FIELD_REMOVED, path + "." + f.name(), Syntax.of(f.type()),
              null));
        }
      }
    }
    for (FactType t : from.factTypes()) {
      if (!after.containsKey(t.name())) {
        out.add(new Change(Kind.FACT_TYPE_REMOVED, "facts." + t.name(), Syntax.of(t), null));
      }
    }
    return out;
  }

  private static List<Change> rule(Rule a, Rule b) {
    List<Change> out = new ArrayList<>();
    changed(out, Kind.TITLE_CHANGED, "title", Syntax.of(a.title()), Syntax.of(b.title()));
    if (a.priority() != b.priority()) {
      out.add(new Change(Kind.PRIORITY_CHANGED, "priority", String.valueOf(a.priority()),
          String.valueOf(b.priority())));
    }
    conditions(a.when(), b.when(), "when", out);
    actions(a.then(), b.then(), "then", out);
    return out;
  }

  // ------------------------------------------------------------------ conditions

  /** What a condition matches, for pairing it across versions. */
  static String conditionKey(Condition c) {
    if (c instanceof Condition.Pattern p) {
      return Syntax.patternKey(p);
    }
    if (c instanceof Condition.Not n) {
      return "not " + Syntax.patternKey(n.pattern());
    }
    if (c instanceof Condition.Exists e) {
      return "exists " + Syntax.patternKey(e.pattern());
    }
    if (c instanceof Condition.AnyOf) {
      return "any";
    }
    if (c instanceof Condition.AllOf) {
      return "all";
    }
    Condition.Aggregate a = (Condition.Aggregate) c;
    return a.function().label() + " " + a.type() + (a.binding() == null ? "" : " as "
        + a.binding());
  }

  private static void conditions(List<Condition> a, List<Condition> b, String prefix,
      List<Change> out) {
    int[] pairs = Pairing.pair(a, b, Differ::conditionKey);
    boolean[] matched = new boolean[a.size()];
    for (int j = 0; j < b.size(); j++) {
      if (pairs[j] >= 0) {
        matched[pairs[j]] = true;
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!matched[i]) {
        out.add(new Change(Kind.CONDITION_REMOVED, prefix + "[" + i + "]",
            Syntax.of(a.get(i)), null));
      }
    }
    for (int j = 0; j < b.size(); j++) {
      String path = prefix + "[" + j + "]";
      Condition cb = b.get(j);
      if (pairs[j] < 0) {
        out.add(new Change(Kind.CONDITION_ADDED, path, null, Syntax.of(cb)));
        continue;
      }
      Condition ca = a.get(pairs[j]);
      if (!Syntax.same(ca, cb)) {
        condition(ca, cb, path, out);
      }
    }
  }

  private static void condition(Condition a, Condition b, String path, List<Change> out) {
    if (a instanceof Condition.Pattern pa && b instanceof Condition.Pattern pb) {
      constraint(pa.constraint(), pb.constraint(), path + "." + pb.type(), out);
    } else if (a instanceof Condition.Not na && b instanceof Condition.Not nb) {
      constraint(na.pattern().constraint(), nb.pattern().constraint(),
          path + ".not." + nb.pattern().type(), out);
    } else if (a instanceof Condition.Exists ea && b instanceof Condition.Exists eb) {
      constraint(ea.pattern().constraint(), eb.pattern().constraint(),
          path + ".exists." + eb.pattern().type(), out);
    } else if (a instanceof Condition.AnyOf aa && b instanceof Condition.AnyOf ab) {
      conditions(aa.conditions(), ab.conditions(), path + ".any", out);
    } else if (a instanceof Condition.AllOf aa && b instanceof Condition.AllOf ab) {
      conditions(aa.conditions(), ab.conditions(), path + ".all", out);
    } else if (a instanceof Condition.Aggregate ga && b instanceof Condition.Aggregate gb) {
      String p = path + "." + gb.function().label();
      changed(out, Kind.CONDITION_CHANGED, p + ".field", ga.field(), gb.field());
      changed(out, Kind.CONDITION_CHANGED, p + ".within", Syntax.window(ga.window()),
          Syntax.window(gb.window()));
      constraint(ga.where(), gb.where(), p + ".where", out);
      tests(ga.is(), gb.is(), t -> p + ".is", out);
    } else {
      out.add(new Change(Kind.CONDITION_CHANGED, path, Syntax.of(a), Syntax.of(b)));
    }
  }

  // ------------------------------------------------------------------ constraints

  private static void constraint(Constraint a, Constraint b, String path, List<Change> out) {
    List<Constraint> pa = Syntax.parts(a);
    List<Constraint> pb = Syntax.parts(b);
    tests(onlyTests(pa), onlyTests(pb), t -> path + "." + t.field(), out);
    List<Constraint> ga = pa.stream().filter(c -> !(c instanceof Constraint.Test)).toList();
    List<Constraint> gb = pb.stream().filter(c -> !(c instanceof Constraint.Test)).toList();
    Function<Constraint, String> key = c -> c instanceof Constraint.Any ? "any" : "all";
    int[] pairs = Pairing.pair(ga, gb, key);
    boolean[] matched = new boolean[ga.size()];
    for (int j = 0; j < gb.size(); j++) {
      String p = path + "." + key.apply(gb.get(j));
      if (pairs[j] < 0) {
        out.add(new Change(Kind.CONSTRAINT_CHANGED, p, null, Syntax.part(gb.get(j))));
        continue;
      }
      matched[pairs[j]] = true;
      changed(out, Kind.CONSTRAINT_CHANGED, p, Syntax.part(ga.get(pairs[j])),
          Syntax.part(gb.get(j)));
    }
    for (int i = 0; i < ga.size(); i++) {
      if (!matched[i]) {
        out.add(new Change(Kind.CONSTRAINT_CHANGED, path + "." + key.apply(ga.get(i)),
            Syntax.part(ga.get(i)), null));
      }
    }
  }

  private static List<Constraint.Test> onlyTests(List<Constraint> parts) {
    return parts.stream().filter(Constraint.Test.class::isInstance)
        .map(Constraint.Test.class::cast).toList();
  }

  /**
   * Field tests: a field tested once on both sides is compared operator and value; a field
   * tested several times is paired by operator.
   */
  private static void tests(List<Constraint.Test> a, List<Constraint.Test> b,
      Function<Constraint.Test, String> pathOf, List<Change> out) {
    Set<String> fields = new LinkedHashSet<>();
    b.forEach(t -> fields.add(t.field()));
    a.forEach(t -> fields.add(t.field()));
    for (String field : fields) {
      List<Constraint.Test> ta = a.stream().filter(t -> t.field().equals(field)).toList();
      List<Constraint.Test> tb = b.stream().filter(t -> t.field().equals(field)).toList();
      if (ta.size() == 1 && tb.size() == 1) {
        test(ta.get(0), tb.get(0), pathOf.apply(tb.get(0)), out);
        continue;
      }
      int[] pairs = Pairing.pair(ta, tb, t -> t.operator().label());
      boolean[] matched = new boolean[ta.size()];
      for (int j = 0; j < tb.size(); j++) {
        Constraint.Test t = tb.get(j);
        if (pairs[j] < 0) {
          out.add(new Change(Kind.TEST_ADDED, pathOf.apply(t), null, operatorForm(t)));
        } else {
          matched[pairs[j]] = true;
          test(ta.get(pairs[j]), t, pathOf.apply(t), out);
        }
      }
      for (int i = 0; i < ta.size(); i++) {
        if (!matched[i]) {
          Constraint.Test t = ta.get(i);
          out.add(new Change(Kind.TEST_REMOVED, pathOf.apply(t), operatorForm(t), null));
        }
      }
    }
  }

  private static void test(Constraint.Test a, Constraint.Test b, String path, List<Change> out) {
    if (a.operator() != b.operator()) {
      out.add(new Change(Kind.OPERATOR_CHANGED, path, a.operator().label(),
          b.operator().label()));
      if (!takesValue(a.operator()) || !takesValue(b.operator())) {
        return;
      }
    }
    changed(out, ORDERING.contains(b.operator()) ? Kind.THRESHOLD_CHANGED : Kind.VALUE_CHANGED,
        path, Syntax.args(a), Syntax.args(b));
  }

  private static boolean takesValue(Operator op) {
    return op != Operator.EMPTY && op != Operator.NOT_EMPTY;
  }

  private static String operatorForm(Constraint.Test t) {
    return "{" + t.operator().label() + ": " + Syntax.args(t) + "}";
  }

  // ------------------------------------------------------------------ actions

  static String actionKey(Action a) {
    if (a instanceof Action.Block) {
      return "block";
    }
    if (a instanceof Action.Allow) {
      return "allow";
    }
    if (a instanceof Action.Emit e) {
      return "emit " + e.action();
    }
    return "score " + ((Action.Score) a).name();
  }

  private static void actions(List<Action> a, List<Action> b, String prefix, List<Change> out) {
    int[] pairs = Pairing.pair(a, b, Differ::actionKey);
    boolean[] matched = new boolean[a.size()];
    for (int j = 0; j < b.size(); j++) {
      if (pairs[j] >= 0) {
        matched[pairs[j]] = true;
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!matched[i]) {
        out.add(new Change(Kind.ACTION_REMOVED, prefix + "[" + i + "]", Syntax.of(a.get(i)),
            null));
      }
    }
    for (int j = 0; j < b.size(); j++) {
      String path = prefix + "[" + j + "]";
      Action ab = b.get(j);
      if (pairs[j] < 0) {
        out.add(new Change(Kind.ACTION_ADDED, path, null, Syntax.of(ab)));
        continue;
      }
      Action aa = a.get(pairs[j]);
      if (!Syntax.same(aa, ab)) {
        action(aa, ab, path + "." + actionKey(ab).split(" ")[0], out);
      }
    }
  }

  private static void action(Action a, Action b, String path, List<Change> out) {
    Map<String, String> pa = actionParams(a);
    Map<String, String> pb = actionParams(b);
    for (Map.Entry<String, String> e : pb.entrySet()) {
      String was = pa.get(e.getKey());
      if (was == null) {
        out.add(new Change(Kind.ACTION_PARAMETER_ADDED, path + "." + e.getKey(), null,
            e.getValue()));
      } else {
        changed(out, Kind.ACTION_PARAMETER_CHANGED, path + "." + e.getKey(), was, e.getValue());
      }
    }
    for (Map.Entry<String, String> e : pa.entrySet()) {
      if (!pb.containsKey(e.getKey())) {
        out.add(new Change(Kind.ACTION_PARAMETER_REMOVED, path + "." + e.getKey(), e.getValue(),
            null));
      }
    }
  }

  private static Map<String, String> actionParams(Action a) {
    Map<String, String> m = new LinkedHashMap<>();
    if (a instanceof Action.Block b) {
      putIf(m, "reason", b.reason() == null ? null : Syntax.string(b.reason()));
      putIf(m, "proof", b.proof() == null ? null : Syntax.operand(b.proof()));
    } else if (a instanceof Action.Allow al) {
      putIf(m, "reason", al.reason() == null ? null : Syntax.string(al.reason()));
      putIf(m, "proof", al.proof() == null ? null : Syntax.operand(al.proof()));
    } else if (a instanceof Action.Emit e) {
      for (Map.Entry<String, Operand> p : e.params().entrySet()) {
        m.put(p.getKey(), Syntax.operand(p.getValue()));
      }
    } else if (a instanceof Action.Score s) {
      putIf(m, "points", Syntax.operand(s.points()));
      putIf(m, "weight", s.weight() == null ? null : Syntax.operand(s.weight()));
    }
    return m;
  }

  private static void putIf(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void changed(List<Change> out, Kind kind, String path, String before,
      String after) {
    if (!Objects.equals(before, after)) {
      out.add(new Change(kind, path, before, after));
    }
  }

  static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) {
      m.putIfAbsent(key.apply(t), t);
    }
    return m;
  }
}
