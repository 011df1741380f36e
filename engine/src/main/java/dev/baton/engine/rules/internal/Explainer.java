package dev.baton.engine.rules.internal;

import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.ValueType;
import dev.baton.engine.rules.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains why a rule did not fire: searches the facts the way the rule matches them and
 * reports the first condition that failed for the combination that came closest, with the
 * values compared. Its semantics mirror the generated DRL (a property test holds them equal).
 */
final class Explainer {

  /** A fact as the explainer sees it. */
  record RtFact(String type, int index, Map<String, Object> typed) {}

  /**
   * The failure of a condition. The search keeps the best one so far and replaces it often;
   * the texts and plain values of a failed constraint are only built when read ({@link
   * #text()} etc.), i.e. for the failure that ends up reported. They depend only on values
   * that do not change after the failure is recorded, so the content is the same.
   */
  private static final class Failure {
    private final int depth;
    private final int progress;
    // set for a failure of a constraint on a fact, until resolved
    private Check check;
    private String type;
    private RtFact fact;
    private String text;
    private String field;
    private String op;
    private Object expected;
    private Object actual;

    Failure(int depth, int progress, String text, String field, String op, Object expected,
        Object actual) {
      this.depth = depth;
      this.progress = progress;
      this.text = text;
      this.field = field;
      this.op = op;
      this.expected = expected;
      this.actual = actual;
    }

    /** The failure of {@code check} on a fact of {@code type}, described when first read. */
    Failure(int depth, Check check, String type, RtFact fact) {
      this.depth = depth;
      this.progress = check.progress();
      this.check = check;
      this.type = type;
      this.fact = fact;
    }

    private void resolve() {
      Check c = check;
      if (c == null) {
        return;
      }
      String what = describe(type, fact);
      if (c.field() == null) {
        text = what + ": no alternative holds";
      } else {
        text = what + ": " + c.field() + " is " + show(c.actual(), c.type())
            + ", needs " + c.op().symbol()
            + (c.args().isEmpty() ? "" : " " + showArgs(c.args(), c.type()));
        field = c.field();
        op = c.op().label();
        expected = Explainer.expected(c.args(), c.type());
        actual = Typed.toPlain(c.actual(), c.type());
      }
      check = null;
      type = null;
      fact = null;
    }

    int depth() {
      return depth;
    }

    int progress() {
      return progress;
    }

    String text() {
      resolve();
      return text;
    }

    String field() {
      resolve();
      return field;
    }

    String op() {
      resolve();
      return op;
    }

    Object expected() {
      resolve();
      return expected;
    }

    Object actual() {
      resolve();
      return actual;
    }
  }

  /**
   * The bindings made so far: a chain, newest first (a rule binds a handful of names, so a
   * lookup walks a few links instead of each binding copying a map). A later binding of a name
   * hides an earlier one, as a map's put would.
   */
  private static final class Env {
    static final Env EMPTY = new Env(null, null, null, false);

    private final Env parent;
    private final String name;
    private final Object value;
    private final boolean aggregate;

    private Env(Env parent, String name, Object value, boolean aggregate) {
      this.parent = parent;
      this.name = name;
      this.value = value;
      this.aggregate = aggregate;
    }

    Env bind(String name, RtFact f) {
      return name == null ? this : new Env(this, name, f, false);
    }

    Env bindAggregate(String name, Object v) {
      return name == null ? this : new Env(this, name, v, true);
    }

    /** The fact bound to a name, or null. */
    RtFact fact(String binding) {
      for (Env e = this; e.name != null; e = e.parent) {
        if (!e.aggregate && e.name.equals(binding)) {
          return (RtFact) e.value;
        }
      }
      return null;
    }

    /** An aggregate's result bound to a name, or null. */
    Object aggregate(String binding) {
      for (Env e = this; e.name != null; e = e.parent) {
        if (e.aggregate && e.name.equals(binding)) {
          return e.value;
        }
      }
      return null;
    }
  }

  private static final int BUDGET = 50_000;

  private final Map<String, FactType> types;
  private final Map<String, Parameter> params;
  private final Map<Constraint.Test, TestInfo> tests;
  private final Map<String, List<RtFact>> facts;
  private final long nowMs;
  private final long nowDay;
  private Failure best;
  private int budget;
  /** Tests passed so far in the current {@link #check}. */
  private int passed;

  Explainer(Map<String, FactType> types, Map<String, Parameter> params,
      Map<String, List<RtFact>> facts, long nowMs) {
    this(types, params, Map.of(), facts, nowMs);
  }

  /** With the pack's tests indexed ({@link #index}): the same answers, found faster. */
  Explainer(Map<String, FactType> types, Map<String, Parameter> params,
      Map<Constraint.Test, TestInfo> tests, Map<String, List<RtFact>> facts, long nowMs) {
    this.types = types;
    this.params = params;
    this.tests = tests;
    this.facts = facts;
    this.nowMs = nowMs;
    this.nowDay = Math.floorDiv(nowMs, 86_400_000L);
  }

  /** True when every condition of the rule holds for some combination of facts. */
  boolean matches(Rule rule) {
    best = null;
    budget = BUDGET;
    return search(rule.when(), 0, Env.EMPTY);
  }

  /** The nearest miss of a rule that did not fire. */
  Decision.NearestMiss explain(String pack, Rule rule) {
    best = null;
    budget = BUDGET;
    if (search(rule.when(), 0, Env.EMPTY)) {
      return new Decision.NearestMiss(pack, rule.id(), 0,
          "every condition holds, yet the rule did not fire", null, null, null, null);
    }
    if (best == null) {
      return new Decision.NearestMiss(pack, rule.id(), 0, "too many combinations to explain",
          null, null, null, null);
    }
    return new Decision.NearestMiss(pack, rule.id(), best.depth() + 1, best.text(), best.field(),
        best.op(), best.expected(), best.actual());
  }

  private boolean better(int depth, int progress) {
    return best == null || depth > best.depth()
        || (depth == best.depth() && progress > best.progress());
  }

  private void fail(Failure f) {
    if (best == null || f.depth() > best.depth()
        || (f.depth() == best.depth() && f.progress() > best.progress())) {
      best = f;
    }
  }

  private boolean search(List<Condition> cs, int i, Env env) {
    if (i == cs.size()) {
      return true;
    }
    if (--budget < 0) {
      return false;
    }
    Condition c = cs.get(i);
    if (c instanceof Condition.Pattern p) {
      List<RtFact> candidates = facts.getOrDefault(p.type(), List.of());
      if (candidates.isEmpty()) {
        fail(new Failure(i, 0, "no " + p.type() + " fact", null, null, null, null));
        return false;
      }
      for (int k = 0; k < candidates.size(); k++) {
        RtFact f = candidates.get(k);
        Check ch = check(p.constraint(), p.type(), f, env);
        if (ch.ok()) {
          if (search(cs, i + 1, env.bind(p.binding(), f))) {
            return true;
          }
        } else {
          if (better(i, ch.progress())) {
            fail(ch.failure(i, p.type(), f));
          }
        }
      }
      return false;
    }
    if (c instanceof Condition.Not n) {
      List<RtFact> present = facts.getOrDefault(n.pattern().type(), List.of());
      for (int k = 0; k < present.size(); k++) {
        RtFact f = present.get(k);
        if (check(n.pattern().constraint(), n.pattern().type(), f, env).ok()) {
          fail(new Failure(i, 0, "a matching " + describe(n.pattern().type(), f)
              + " exists, and the rule requires none", null, null, null, null));
          return false;
        }
      }
      return search(cs, i + 1, env);
    }
    if (c instanceof Condition.Exists e) {
      Condition.Pattern p = e.pattern();
      List<RtFact> candidates = facts.getOrDefault(p.type(), List.of());
      if (candidates.isEmpty()) {
        fail(new Failure(i, 0, "no " + p.type() + " fact", null, null, null, null));
        return false;
      }
      for (int k = 0; k < candidates.size(); k++) {
        RtFact f = candidates.get(k);
        Check ch = check(p.constraint(), p.type(), f, env);
        if (ch.ok()) {
          return search(cs, i + 1, env);
        }
        if (better(i, ch.progress())) {
            fail(ch.failure(i, p.type(), f));
          }
      }
      return false;
    }
    if (c instanceof Condition.AnyOf a) {
      String first = null;
      for (Condition part : a.conditions()) {
        Failure saved = best;
        best = null;
        boolean holds = search(List.of(part), 0, env);
        Failure inner = best;
        best = saved;
        if (holds) {
          return search(cs, i + 1, env);
        }
        if (first == null) {
          first = inner == null ? "its first alternative fails" : inner.text();
        }
      }
      fail(new Failure(i, 0, "none of the alternatives holds (first: " + first + ")", null, null,
          null, null));
      return false;
    }
    if (c instanceof Condition.AllOf a) {
      Failure saved = best;
      best = null;
      boolean holds = search(a.conditions(), 0, env);
      Failure inner = best;
      best = saved;
      if (holds) {
        return search(cs, i + 1, env);
      }
      fail(new Failure(i, 0, "not all hold: " + (inner == null ? "?" : inner.text()),
          inner == null ? null : inner.field(), inner == null ? null : inner.op(),
          inner == null ? null : inner.expected(), inner == null ? null : inner.actual()));
      return false;
    }
    Condition.Aggregate a = (Condition.Aggregate) c;
    Object result = aggregate(a, env);
    FieldType rt = FieldType.of(a.function() == AggregateFunction.COUNT ? ValueType.INTEGER
        : ValueType.NUMBER);
    String label = a.function().label() + " of " + a.type()
        + (a.field() == null ? "" : "." + a.field());
    for (Constraint.Test t : a.is()) {
      TestInfo info = tests.get(t);
      List<Object> args = args(t, info, rt, env);
      if (!test(result, t.operator(), args, rt)) {
        fail(new Failure(i, 0, label + " is " + show(result, rt) + ", needs "
            + t.operator().symbol() + " " + showArgs(args, rt), "result", t.operator().label(),
            expected(args, rt), Typed.toPlain(result, rt)));
        return false;
      }
    }
    return search(cs, i + 1, env.bindAggregate(a.binding(), result));
  }

  private Object aggregate(Condition.Aggregate a, Env env) {
    long count = 0;
    double sum = 0;
    Double min = null;
    Double max = null;
    FactType t = types.get(a.type());
    FieldType windowType = a.window() == null ? null
        : CompiledPack.field(t, a.window().field()).type();
    for (RtFact f : facts.getOrDefault(a.type(), List.of())) {
      if (!check(a.where(), a.type(), f, env).ok()) {
        continue;
      }
      if (a.window() != null) {
        Object v = f.typed().get(a.window().field());
        FieldType wt = windowType;
        long now = wt.scalar() == ValueType.DATE ? nowDay : nowMs;
        long span = span(a.window().last(), wt);
        if (!(v instanceof Long l) || l < now - span || l > now) {
          continue;
        }
      }
      if (a.function() == AggregateFunction.COUNT) {
        count++;
        continue;
      }
      Object v = f.typed().get(a.field());
      if (!(v instanceof Number n)) {
        continue;
      }
      double d = n.doubleValue();
      count++;
      sum += d;
      min = min == null ? d : Math.min(min, d);
      max = max == null ? d : Math.max(max, d);
    }
    switch (a.function()) {
      case COUNT:
        return count;
      case SUM:
        return sum;
      case AVG:
        return count == 0 ? null : sum / count;
      case MIN:
        return min;
      default:
        return max;
    }
  }

  // ------------------------------------------------------------ constraints

  private record Check(boolean ok, int progress, String field, Operator op, Object actual,
      List<Object> args, FieldType type) {
    Failure failure(int depth, String factType, RtFact f) {
      return new Failure(depth, this, factType, f);
    }
  }

  private static final Check OK = new Check(true, 0, null, null, null, List.of(), null);

  /**
   * Checks a fact against a constraint. A failure's progress is the number of tests that passed
   * outside alternatives that failed as a whole; {@link #passed} counts them as the check goes
   * (no counter object per check), and a failure is copied only when its progress changed after
   * it was made (a failed alternative's own passes are not counted).
   */
  private Check check(Constraint c, String type, RtFact f, Env env) {
    passed = 0;
    Check r = check(c, types.get(type), f, env);
    return r.ok() || r.progress() == passed ? r
        : new Check(false, passed, r.field(), r.op(), r.actual(), r.args(), r.type());
  }

  private Check check(Constraint c, FactType type, RtFact f, Env env) {
    if (c instanceof Constraint.Test t) {
      TestInfo info = tests.get(t);
      FieldType ft = info != null && info != TestInfo.AMBIGUOUS ? info.type()
          : CompiledPack.field(type, t.field()).type();
      Object actual = f.typed().get(t.field());
      List<Object> args = args(t, info, ft, env);
      if (test(actual, t.operator(), args, ft)) {
        passed++;
        return OK;
      }
      return new Check(false, passed, t.field(), t.operator(), actual, args, ft);
    }
    if (c instanceof Constraint.All all) {
      List<Constraint> parts = all.parts();
      for (int k = 0; k < parts.size(); k++) {
        Check r = check(parts.get(k), type, f, env);
        if (!r.ok()) {
          return r;
        }
      }
      return OK;
    }
    Check first = null;
    int before = passed;
    List<Constraint> parts = ((Constraint.Any) c).parts();
    for (int k = 0; k < parts.size(); k++) {
      passed = before;
      Check r = check(parts.get(k), type, f, env);
      if (r.ok()) {
        return OK; // the passes of the alternative that holds count
      }
      if (first == null) {
        first = r;
      }
    }
    passed = before;
    return first == null ? new Check(false, passed, null, null, null, List.of(), null) : first;
  }

  /** The test's arguments: the index's constants, the rest resolved in this environment. */
  private List<Object> args(Constraint.Test t, TestInfo info, FieldType ft, Env env) {
    if (info == null || info == TestInfo.AMBIGUOUS || !ft.equals(info.type())) {
      return args(t, ft, env);
    }
    if (info.args() != null) {
      return info.args();
    }
    Object[] operands = info.operands();
    if (operands == null) {
      return args(t, ft, env);
    }
    List<Object> out = new ArrayList<>(operands.length);
    FieldType argType = t.operator() == Operator.CONTAINS ? ft.element() : ft;
    for (int k = 0; k < operands.length; k++) {
      out.add(operands[k] != DYNAMIC ? operands[k] : resolve(t.args().get(k), argType, env));
    }
    return out;
  }

  private List<Object> args(Constraint.Test t, FieldType ft, Env env) {
    List<Object> out = new ArrayList<>(t.args().size());
    FieldType argType = t.operator() == Operator.CONTAINS ? ft.element() : ft;
    for (Operand o : t.args()) {
      if (t.operator() == Operator.OLDER_THAN || t.operator() == Operator.WITHIN_LAST) {
        out.add(((Operand.Literal) o).value());
        continue;
      }
      out.add(resolve(o, argType, env));
    }
    return out;
  }

  private Object resolve(Operand o, FieldType ft, Env env) {
    if (o instanceof Operand.Literal l) {
      return Typed.fromLiteral(l.value(), ft);
    }
    if (o instanceof Operand.ParamRef p) {
      return Typed.fromLiteral(params.get(p.name()).value(), ft);
    }
    if (o instanceof Operand.Now) {
      return ft.scalar() == ValueType.DATE ? nowDay : nowMs;
    }
    if (o instanceof Operand.FieldRef r) {
      RtFact bound = env.fact(r.binding());
      return bound == null ? null : bound.typed().get(r.field());
    }
    return env.aggregate(((Operand.AggregateRef) o).binding());
  }

  /** The semantics of one test, as the generated DRL has them. */
  private boolean test(Object actual, Operator op, List<Object> args, FieldType ft) {
    switch (op) {
      case EMPTY:
        return actual == null || "".equals(actual)
            || (actual instanceof List<?> l && l.isEmpty());
      case NOT_EMPTY:
        return actual != null && !"".equals(actual)
            && !(actual instanceof List<?> l && l.isEmpty());
      default:
        break;
    }
    if (actual == null) {
      return false;
    }
    Object a0 = args.isEmpty() ? null : args.get(0);
    switch (op) {
      case EQ:
        return a0 != null && same(actual, a0);
      case NE:
        return a0 == null || !same(actual, a0);
      case LT:
        return a0 != null && compare(actual, a0) < 0;
      case LTE:
        return a0 != null && compare(actual, a0) <= 0;
      case GT:
        return a0 != null && compare(actual, a0) > 0;
      case GTE:
        return a0 != null && compare(actual, a0) >= 0;
      case BETWEEN:
        return a0 != null && args.get(1) != null && compare(actual, a0) >= 0
            && compare(actual, args.get(1)) <= 0;
      case IN:
        return anySame(actual, args);
      case NOT_IN:
        return !anySame(actual, args);
      case CONTAINS:
        if (a0 == null) {
          return false;
        }
        if (actual instanceof List<?> l) {
          return l.stream().anyMatch(e -> e != null && same(e, a0));
        }
        return actual.toString().contains(a0.toString());
      case STARTS_WITH:
        return a0 != null && actual.toString().startsWith(a0.toString());
      case OLDER_THAN: {
        long now = ft.scalar() == ValueType.DATE ? nowDay : nowMs;
        return ((Long) actual) < now - span((Duration) a0, ft);
      }
      case WITHIN_LAST: {
        long now = ft.scalar() == ValueType.DATE ? nowDay : nowMs;
        long v = (Long) actual;
        return v >= now - span((Duration) a0, ft) && v <= now;
      }
      default:
        return false;
    }
  }

  /** Whether a non-null value of {@code values} is the same as {@code actual}. */
  private static boolean anySame(Object actual, List<Object> values) {
    for (int k = 0; k < values.size(); k++) {
      Object v = values.get(k);
      if (v != null && same(actual, v)) {
        return true;
      }
    }
    return false;
  }

  private static long span(Duration d, FieldType ft) {
    return ft.scalar() == ValueType.DATE ? d.toDays() : d.toMillis();
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  // ------------------------------------------------------------ index

  /**
   * What the explainer needs of one test, computed once per pack: the type its arguments are
   * read as and, when every argument is a literal or a parameter, the arguments themselves
   * (read-only; {@code null} when an argument depends on the facts or the time).
   */
  record TestInfo(FieldType type, List<Object> args, Object[] operands) {
    /** A test object reached with two different types: looked up each time, as without index. */
    static final TestInfo AMBIGUOUS = new TestInfo(null, null, null);
  }

  /** In {@link TestInfo#operands()}: this operand depends on the search (a field, a result). */
  private static final Object DYNAMIC = new Object();

  /** The tests of a pack's rules, by identity, with their types and constant arguments. */
  static Map<Constraint.Test, TestInfo> index(List<Rule> rules, Map<String, FactType> types,
      Map<String, Parameter> params) {
    Map<Constraint.Test, TestInfo> out = new IdentityHashMap<>();
    Explainer constants = new Explainer(types, params, Map.of(), Map.of(), 0L);
    for (Rule r : rules) {
      constants.indexConditions(r.when(), out);
    }
    return out;
  }

  private void indexConditions(List<Condition> cs, Map<Constraint.Test, TestInfo> out) {
    for (Condition c : cs) {
      if (c instanceof Condition.Pattern p) {
        indexConstraint(p.constraint(), types.get(p.type()), out);
      } else if (c instanceof Condition.Not n) {
        indexConstraint(n.pattern().constraint(), types.get(n.pattern().type()), out);
      } else if (c instanceof Condition.Exists e) {
        indexConstraint(e.pattern().constraint(), types.get(e.pattern().type()), out);
      } else if (c instanceof Condition.AnyOf a) {
        indexConditions(a.conditions(), out);
      } else if (c instanceof Condition.AllOf a) {
        indexConditions(a.conditions(), out);
      } else if (c instanceof Condition.Aggregate a) {
        if (a.where() != null) {
          indexConstraint(a.where(), types.get(a.type()), out);
        }
        FieldType rt = FieldType.of(a.function() == AggregateFunction.COUNT ? ValueType.INTEGER
            : ValueType.NUMBER);
        for (Constraint.Test t : a.is()) {
          put(out, t, rt);
        }
      }
    }
  }

  private void indexConstraint(Constraint c, FactType type,
      Map<Constraint.Test, TestInfo> out) {
    if (c == null || type == null) {
      return;
    }
    if (c instanceof Constraint.Test t) {
      dev.baton.engine.rulepack.FieldDef fd = CompiledPack.field(type, t.field());
      if (fd != null) {
        put(out, t, fd.type());
      }
    } else if (c instanceof Constraint.All all) {
      all.parts().forEach(part -> indexConstraint(part, type, out));
    } else if (c instanceof Constraint.Any any) {
      any.parts().forEach(part -> indexConstraint(part, type, out));
    }
  }

  private void put(Map<Constraint.Test, TestInfo> out, Constraint.Test t, FieldType ft) {
    TestInfo known = out.get(t);
    if (known != null) {
      if (known != TestInfo.AMBIGUOUS && !known.type().equals(ft)) {
        out.put(t, TestInfo.AMBIGUOUS);
      }
      return;
    }
    boolean constant = true;
    boolean durations = t.operator() == Operator.OLDER_THAN
        || t.operator() == Operator.WITHIN_LAST;
    for (Operand o : t.args()) {
      if (o instanceof Operand.ParamRef p) {
        constant &= !durations && params.get(p.name()) != null;
      } else if (!(o instanceof Operand.Literal)) {
        constant = false;
      }
    }
    List<Object> args = null;
    if (constant) {
      try {
        args = java.util.Collections.unmodifiableList(args(t, ft, Env.EMPTY));
      } catch (RuntimeException e) {
        // left to the search, which fails the same way only if it reaches this test
        args = null;
      }
    }
    Object[] operands = null;
    if (args == null && !durations) {
      // a test mixing constants with fields or results: its constants typed once, here
      operands = new Object[t.args().size()];
      FieldType argType = t.operator() == Operator.CONTAINS ? ft.element() : ft;
      for (int k = 0; k < operands.length; k++) {
        Operand o = t.args().get(k);
        operands[k] = DYNAMIC;
        if (o instanceof Operand.Literal
            || (o instanceof Operand.ParamRef p && params.get(p.name()) != null)) {
          try {
            operands[k] = resolve(o, argType, Env.EMPTY);
          } catch (RuntimeException e) {
            operands[k] = DYNAMIC; // typed in the search, which fails the same way there
          }
        }
      }
    }
    out.put(t, new TestInfo(ft, args, operands));
  }

  // ------------------------------------------------------------ text

  private static String describe(String type, RtFact f) {
    if (type.equals("Score")) {
      return "Score(" + f.typed().get("name") + ")";
    }
    if (type.equals("ProposedAction")) {
      return "ProposedAction(" + f.typed().get("action") + ")";
    }
    return type + " #" + (f.index() + 1);
  }

  private static String show(Object v, FieldType t) {
    if (v == null) {
      return "missing";
    }
    return String.valueOf(Typed.toPlain(v, t));
  }

  private static String showArgs(List<Object> args, FieldType t) {
    if (args.size() == 1) {
      Object a = args.get(0);
      return a instanceof Duration d ? dev.baton.engine.rulepack.internal.Values.iso(d) : show(a, t);
    }
    List<String> out = new ArrayList<>(args.size());
    args.forEach(a -> out.add(a instanceof Duration d ? dev.baton.engine.rulepack.internal.Values.iso(d) : show(a, t)));
    return out.toString();
  }

  private static Object expected(List<Object> args, FieldType t) {
    if (args.isEmpty()) {
      return null;
    }
    if (args.size() == 1) {
      Object a = args.get(0);
      return a instanceof Duration d ? dev.baton.engine.rulepack.internal.Values.iso(d) : Typed.toPlain(a, t);
    }
    List<Object> out = new ArrayList<>(args.size());
    args.forEach(a -> out.add(Typed.toPlain(a, t)));
    return out;
  }
}
