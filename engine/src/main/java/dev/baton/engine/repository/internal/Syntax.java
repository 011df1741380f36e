package dev.baton.engine.repository.internal;

import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes model elements in the pack syntax as one-line YAML flow text, e.g. {@code Score:
 * {name: CMI, value: {gte: $params.cmiThreshold}}}. The text is canonical (numbers without
 * trailing zeros, durations in days, strings quoted only when they would read as something
 * else), so two elements are equal in meaning exactly when their texts are equal: diff and
 * merge compare elements this way.
 */
public final class Syntax {
  private static final Pattern LOOKS_TYPED =
      Pattern.compile("-?[0-9][0-9_.eE+\\-]*|true|false|null|~|yes|no|on|off", Pattern.CASE_INSENSITIVE);

  private Syntax() {}

  /** True when the two elements read the same. */
  public static boolean same(Object a, Object b) {
    return of(a).equals(of(b));
  }

  /** Any element, or null for null. */
  public static String of(Object element) {
    if (element == null) {
      return null;
    }
    if (element instanceof Operand o) {
      return operand(o);
    }
    if (element instanceof Condition c) {
      return condition(c);
    }
    if (element instanceof Action a) {
      return action(a);
    }
    if (element instanceof Constraint c) {
      return constraint(c);
    }
    if (element instanceof FieldType t) {
      return type(t);
    }
    if (element instanceof LocalizedText t) {
      return text(t);
    }
    if (element instanceof Parameter p) {
      return parameter(p);
    }
    if (element instanceof FactType t) {
      return factType(t);
    }
    if (element instanceof Rule r) {
      return rule(r);
    }
    if (element instanceof List<?> l) {
      return l.stream().map(Syntax::of).collect(Collectors.joining(", ", "[", "]"));
    }
    return value(element);
  }

  /** A literal value. */
  public static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Duration d) {
      return d.equals(Duration.ofDays(d.toDays())) && !d.isZero() ? "P" + d.toDays() + "D"
          : d.toString();
    }
    if (v instanceof LocalDate || v instanceof Instant) {
      return v.toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Syntax::value).collect(Collectors.joining(", ", "[", "]"));
    }
    String s = v.toString();
    if (s.startsWith("$")) {
      return "{literal: " + quoted(s) + "}";
    }
    return string(s);
  }

  /** A string, quoted when it would not read back as that string. */
  public static String string(String s) {
    boolean plain = !s.isEmpty() && !s.isBlank()
        && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0
        && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1))
        && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
        && s.chars().noneMatch(ch -> ch < 0x20 || ",[]{}".indexOf(ch) >= 0)
        && !LOOKS_TYPED.matcher(s).matches();
    return plain ? s : quoted(s);
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A literal or a reference. */
  public static String operand(Operand o) {
    if (o instanceof Operand.Literal l) {
      return value(l.value());
    }
    if (o instanceof Operand.FieldRef f) {
      return "$" + f.binding() + "." + f.field();
    }
    if (o instanceof Operand.AggregateRef a) {
      return "$" + a.binding();
    }
    if (o instanceof Operand.ParamRef p) {
      return "$params." + p.name();
    }
    return "$now";
  }

  /** A field type as declared. */
  public static String type(FieldType t) {
    if (t.list()) {
      return "{list: " + t.scalar().label() + "}";
    }
    if (t.isEnum()) {
      return "{enum: [" + String.join(", ", t.enumValues()) + "]}";
    }
    return t.scalar().label();
  }

  /** A text in both languages. */
  public static String text(LocalizedText t) {
    return "{en: " + string(nz(t.en())) + ", zh-CN: " + string(nz(t.zhCN())) + "}";
  }

  /** A parameter's declaration. */
  public static String parameter(Parameter p) {
    return "{type: " + type(p.type()) + ", value: " + value(p.value())
        + (p.title() == null ? "" : ", title: " + text(p.title())) + "}";
  }

  /** A fact type's fields. */
  public static String factType(FactType t) {
    return t.fields().stream().map(f -> f.name() + ": " + type(f.type()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** A whole rule. */
  public static String rule(Rule r) {
    return "{title: " + text(r.title()) + (r.priority() == 0 ? "" : ", priority: " + r.priority())
        + ", when: " + r.when().stream().map(Syntax::condition)
            .collect(Collectors.joining(", ", "[", "]"))
        + ", then: " + r.then().stream().map(Syntax::action)
            .collect(Collectors.joining(", ", "[", "]")) + "}";
  }

  /** The arguments of a test as written after the operator: a value, a list or true. */
  public static String args(Constraint.Test t) {
    return switch (t.operator()) {
      case EMPTY, NOT_EMPTY -> "true";
      case BETWEEN, IN, NOT_IN ->
          t.args().stream().map(Syntax::operand).collect(Collectors.joining(", ", "[", "]"));
      default -> t.args().isEmpty() ? "null" : operand(t.args().get(0));
    };
  }

  /** A field test as a map entry, e.g. {@code value: {gte: 70}} or {@code channel: VOICE}. */
  public static String test(Constraint.Test t) {
    if (t.operator() == Operator.EQ && !t.args().isEmpty()
        && !(t.args().get(0) instanceof Operand.Literal l && l.value() instanceof String s
            && s.startsWith("$"))) {
      return t.field() + ": " + operand(t.args().get(0));
    }
    return t.field() + ": {" + t.operator().label() + ": " + args(t) + "}";
  }

  /** A constraint map: {@code {a: 1, b: {gt: 2}, any: [...]}}. */
  public static String constraint(Constraint c) {
    return parts(c).stream().map(Syntax::part).collect(Collectors.joining(", ", "{", "}"));
  }

  /** The parts of a constraint's top level: nested alls are flattened. */
  public static List<Constraint> parts(Constraint c) {
    List<Constraint> out = new ArrayList<>();
    if (c instanceof Constraint.All all) {
      all.parts().forEach(p -> out.addAll(parts(p)));
    } else if (c != null) {
      out.add(c);
    }
    return out;
  }

  /** One part of a constraint map. */
  public static String part(Constraint c) {
    if (c instanceof Constraint.Test t) {
      return test(t);
    }
    if (c instanceof Constraint.Any any) {
      return "any: " + any.parts().stream().map(Syntax::constraint)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return "all: [" + constraint(c) + "]";
  }

  /** A condition as a {@code when} item. */
  public static String condition(Condition c) {
    if (c instanceof Condition.Pattern p) {
      return patternKey(p) + ": " + constraint(p.constraint());
    }
    if (c instanceof Condition.Not n) {
      return "not: {" + condition(n.pattern()) + "}";
    }
    if (c instanceof Condition.Exists e) {
      return "exists: {" + condition(e.pattern()) + "}";
    }
    if (c instanceof Condition.AnyOf a) {
      return "any: " + a.conditions().stream().map(x -> "{" + condition(x) + "}")
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (c instanceof Condition.AllOf a) {
      return "all: " + a.conditions().stream().map(x -> "{" + condition(x) + "}")
          .collect(Collectors.joining(", ", "[", "]"));
    }
    Condition.Aggregate a = (Condition.Aggregate) c;
    List<String> items = new ArrayList<>();
    items.add("of: " + a.type());
    if (a.field() != null) {
      items.add("field: " + a.field());
    }
    List<Constraint> where = parts(a.where());
    if (!where.isEmpty()) {
      items.add("where: " + constraint(a.where()));
    }
    if (a.window() != null) {
      items.add("within: " + window(a.window()));
    }
    if (!a.is().isEmpty()) {
      items.add("is: " + is(a.is()));
    }
    if (a.binding() != null) {
      items.add("as: " + a.binding());
    }
    return a.function().label() + ": {" + String.join(", ", items) + "}";
  }

  /** An aggregate's window. */
  public static String window(Condition.Window w) {
    return w == null ? null : "{field: " + w.field() + ", last: " + value(w.last()) + "}";
  }

  /** An aggregate's tests of its result, e.g. {@code {gte: 3}}. */
  public static String is(List<Constraint.Test> tests) {
    return tests.stream().map(t -> t.operator().label() + ": " + args(t))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** {@code Type} or {@code Type as name}. */
  public static String patternKey(Condition.Pattern p) {
    return p.binding() == null ? p.type() : p.type() + " as " + p.binding();
  }

  /** An action as a {@code then} item. */
  public static String action(Action a) {
    if (a instanceof Action.Block b) {
      return "block: " + reasonProof(b.reason(), b.proof());
    }
    if (a instanceof Action.Allow al) {
      return "allow: " + reasonProof(al.reason(), al.proof());
    }
    if (a instanceof Action.Emit e) {
      StringBuilder b = new StringBuilder("emit: {action: ").append(e.action());
      for (Map.Entry<String, Operand> p : e.params().entrySet()) {
        b.append(", ").append(p.getKey()).append(": ").append(operand(p.getValue()));
      }
      return b.append('}').toString();
    }
    Action.Score s = (Action.Score) a;
    return "score: {name: " + s.name() + ", points: " + operand(s.points())
        + (s.weight() == null ? "" : ", weight: " + operand(s.weight())) + "}";
  }

  private static String reasonProof(String reason, Operand proof) {
    List<String> items = new ArrayList<>();
    if (reason != null) {
      items.add("reason: " + string(reason));
    }
    if (proof != null) {
      items.add("proof: " + operand(proof));
    }
    return "{" + String.join(", ", items) + "}";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
