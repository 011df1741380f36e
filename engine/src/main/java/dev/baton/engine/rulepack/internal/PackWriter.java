package dev.baton.engine.rulepack.internal;

import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a pack as a tree of maps and lists in the file format, in a canonical shape: the same
 * model always gives the same tree, so its JSON is the content that is hashed.
 */
public final class PackWriter {
  private PackWriter() {}

  /** The pack as an ordered tree of {@code Map}, {@code List} and scalars. */
  public static Map<String, Object> toTree(RulePack pack) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", pack.id());
    m.put("version", pack.version());
    m.put("kind", pack.kind().label());
    m.put("title", text(pack.title()));
    if (pack.description() != null) {
      m.put("description", text(pack.description()));
    }
    if (!pack.parameters().isEmpty()) {
      Map<String, Object> ps = new LinkedHashMap<>();
      for (Parameter p : pack.parameters()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("type", type(p.type()));
        pm.put("value", p.value() instanceof List<?> l
            ? l.stream().map(Values::toPlain).toList() : Values.toPlain(p.value()));
        if (p.title() != null) {
          pm.put("title", text(p.title()));
        }
        ps.put(p.name(), pm);
      }
      m.put("parameters", ps);
    }
    if (!pack.scores().isEmpty()) {
      m.put("scores", pack.scores());
    }
    if (pack.hitPolicy().singleHit()) {
      // written only when not the default, so the hash of every earlier pack is unchanged
      m.put("hitPolicy", pack.hitPolicy().label());
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    for (FactType t : pack.factTypes()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldDef f : t.fields()) {
        fields.put(f.name(), type(f.type()));
      }
      facts.put(t.name(), fields);
    }
    m.put("facts", facts);
    List<Object> rules = new ArrayList<>();
    for (Rule r : pack.rules()) {
      rules.add(rule(r));
    }
    m.put("rules", rules);
    return m;
  }

  private static Map<String, Object> text(LocalizedText t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("en", t.en());
    m.put("zh-CN", t.zhCN());
    return m;
  }

  private static Object type(FieldType t) {
    if (t.list()) {
      return Map.of("list", t.scalar().label());
    }
    if (t.isEnum()) {
      return Map.of("enum", t.enumValues());
    }
    return t.scalar().label();
  }

  private static Map<String, Object> rule(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", text(r.title()));
    if (r.priority() != 0) {
      m.put("priority", r.priority());
    }
    List<Object> when = new ArrayList<>();
    r.when().forEach(c -> when.add(condition(c)));
    m.put("when", when);
    List<Object> then = new ArrayList<>();
    r.then().forEach(a -> then.add(action(a)));
    m.put("then", then);
    return m;
  }

  private static Map<String, Object> condition(Condition c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Condition.Pattern p) {
      m.put(p.binding() == null ? p.type() : p.type() + " as " + p.binding(),
          constraint(p.constraint()));
    } else if (c instanceof Condition.Not n) {
      m.put("not", condition(n.pattern()));
    } else if (c instanceof Condition.Exists e) {
      m.put("exists", condition(e.pattern()));
    } else if (c instanceof Condition.AnyOf a) {
      m.put("any", a.conditions().stream().map(PackWriter::condition).toList());
    } else if (c instanceof Condition.AllOf a) {
      m.put("all", a.conditions().stream().map(PackWriter::condition).toList());
    } else if (c instanceof Condition.Aggregate a) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("of", a.type());
      if (a.field() != null) {
        am.put("field", a.field());
      }
      Map<String, Object> where = constraint(a.where());
      if (!where.isEmpty()) {
        am.put("where", where);
      }
      if (a.window() != null) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("field", a.window().field());
        w.put("last", Values.iso(a.window().last()));
        am.put("within", w);
      }
      if (!a.is().isEmpty()) {
        Map<String, Object> is = new LinkedHashMap<>();
        for (Constraint.Test t : a.is()) {
          is.put(t.operator().label(), args(t));
        }
        am.put("is", is);
      }
      if (a.binding() != null) {
        am.put("as", a.binding());
      }
      m.put(a.function().label(), am);
    }
    return m;
  }

  /** A constraint as a map; tests of one field merge into one operator map when they can. */
  private static Map<String, Object> constraint(Constraint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Constraint> parts = c instanceof Constraint.All all ? all.parts() : List.of(c);
    List<Object> extra = new ArrayList<>();
    for (Constraint part : parts) {
      if (part instanceof Constraint.Test t) {
        Object existing = m.get(t.field());
        if (existing == null) {
          m.put(t.field(), testValue(t));
          continue;
        }
        if (existing instanceof Map<?, ?> ops && !ops.containsKey("literal")
            && !ops.containsKey(t.operator().label())) {
          @SuppressWarnings("unchecked")
          Map<String, Object> merged = (Map<String, Object>) existing;
          merged.put(t.operator().label(), args(t));
          continue;
        }
        if (!(existing instanceof Map<?, ?>) && t.operator() != Operator.EQ) {
          Map<String, Object> merged = new LinkedHashMap<>();
          merged.put(Operator.EQ.label(), existing);
          merged.put(t.operator().label(), args(t));
          m.put(t.field(), merged);
          continue;
        }
        extra.add(Map.of(t.field(), testValue(t)));
      } else if (part instanceof Constraint.Any any) {
        if (m.containsKey("any")) {
          extra.add(Map.of("any", any.parts().stream().map(PackWriter::constraint).toList()));
        } else {
          m.put("any", any.parts().stream().map(PackWriter::constraint).toList());
        }
      } else if (part instanceof Constraint.All nested) {
        extra.add(constraint(nested));
      }
    }
    if (!extra.isEmpty()) {
      List<Object> all = new ArrayList<>();
      if (m.get("all") instanceof List<?> prior) {
        all.addAll(prior);
      }
      all.addAll(extra);
      m.put("all", all);
    }
    return m;
  }

  private static Object testValue(Constraint.Test t) {
    if (t.operator() == Operator.EQ) {
      Object v = operand(t.args().get(0));
      if (!(v instanceof Map<?, ?>)) {
        return v;
      }
    }
    Map<String, Object> ops = new LinkedHashMap<>();
    ops.put(t.operator().label(), args(t));
    return ops;
  }

  private static Object args(Constraint.Test t) {
    switch (t.operator()) {
      case EMPTY:
      case NOT_EMPTY:
        return Boolean.TRUE;
      case BETWEEN:
      case IN:
      case NOT_IN:
        return t.args().stream().map(PackWriter::operand).toList();
      default:
        return operand(t.args().get(0));
    }
  }

  static Object operand(Operand o) {
    if (o instanceof Operand.Literal l) {
      Object v = Values.toPlain(l.value());
      if (v instanceof String s && s.startsWith("$")) {
        return Map.of("literal", s);
      }
      return v;
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

  private static Map<String, Object> action(Action a) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (a instanceof Action.Block b) {
      m.put("block", reasonProof(b.reason(), b.proof()));
    } else if (a instanceof Action.Allow al) {
      m.put("allow", reasonProof(al.reason(), al.proof()));
    } else if (a instanceof Action.Emit e) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("action", e.action());
      e.params().forEach((k, v) -> em.put(k, operand(v)));
      m.put("emit", em);
    } else if (a instanceof Action.Score s) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("name", s.name());
      sm.put("points", operand(s.points()));
      if (s.weight() != null) {
        sm.put("weight", operand(s.weight()));
      }
      m.put("score", sm);
    }
    return m;
  }

  private static Map<String, Object> reasonProof(String reason, Operand proof) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (reason != null) {
      m.put("reason", reason);
    }
    if (proof != null) {
      m.put("proof", operand(proof));
    }
    return m;
  }
}
