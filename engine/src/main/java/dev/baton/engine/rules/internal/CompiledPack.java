package dev.baton.engine.rules.internal;

import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.internal.Values;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack compiled for evaluation: its generated DRL with, per rule, what the consequence
 * passes, its parameters and its types. The Drools KieBase is built per pipeline
 * ({@link CompiledPipeline}); the pack's own KieBase (its DRL alone, one session per pack) only
 * when the per-pack evaluation asks for it.
 */
final class CompiledPack {
  private final RulePack pack;
  private final String hash;
  private final DrlGenerator.Generated generated;
  private final Map<String, FactType> declared = new HashMap<>();
  private final Map<String, Object> paramValues = new HashMap<>();
  private final Map<String, FactType> explainTypes = new HashMap<>();
  private final Map<String, Parameter> parameters = new HashMap<>();
  private volatile Map<dev.baton.engine.rulepack.Constraint.Test, Explainer.TestInfo> tests;
  private volatile CompiledPipeline alone;

  private CompiledPack(RulePack pack, String hash, DrlGenerator.Generated generated) {
    this.pack = pack;
    this.hash = hash;
    this.generated = generated;
    for (FactType t : pack.factTypes()) {
      declared.put(t.name(), t);
      explainTypes.put(t.name(), t);
    }
    dev.baton.engine.rulepack.BuiltInTypes.ALL.forEach(t -> explainTypes.put(t.name(), t));
    for (Parameter p : pack.parameters()) {
      paramValues.put(p.name(), p.value());
      parameters.put(p.name(), p);
    }
  }

  /** Generates the DRL; Drools builds it with the first pipeline that holds the pack. */
  static CompiledPack compile(RulePack pack, String hash) {
    return new CompiledPack(pack, hash, DrlGenerator.generate(pack, hash));
  }

  /** The pack's DRL alone in its own KieBase (built once): the per-pack evaluation. */
  CompiledPipeline alone() {
    CompiledPipeline a = alone;
    if (a == null) {
      synchronized (this) {
        a = alone;
        if (a == null) {
          a = CompiledPipeline.alone(this);
          alone = a;
        }
      }
    }
    return a;
  }

  DrlGenerator.Generated generated() {
    return generated;
  }

  RulePack pack() {
    return pack;
  }

  String hash() {
    return hash;
  }

  String drl() {
    return generated.drl();
  }

  List<DrlGenerator.RulePlan> plans() {
    return generated.plans();
  }

  FactType declared(String type) {
    return declared.get(type);
  }

  /** The pack's fact types and the built-in ones, by name, for the explainer. */
  Map<String, FactType> explainTypes() {
    return explainTypes;
  }

  /** The pack's rule tests with their types and constant arguments, for the explainer. */
  Map<dev.baton.engine.rulepack.Constraint.Test, Explainer.TestInfo> explainTests() {
    Map<dev.baton.engine.rulepack.Constraint.Test, Explainer.TestInfo> t = tests;
    if (t == null) {
      t = Explainer.index(pack.rules(), explainTypes, parameters);
      tests = t;
    }
    return t;
  }

  /** The pack's parameters by name. */
  Map<String, Parameter> parameters() {
    return parameters;
  }

  /** Field indexes by type object (identity: the types of compiled packs and the built-ins). */
  private static final Map<Object, Map<String, FieldDef>> FIELDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record TypeKey(FactType type) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TypeKey other && other.type == type;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(type);
    }
  }

  /** The field of a type by name, from a per-type index (null when not declared). */
  static FieldDef field(FactType type, String name) {
    Map<String, FieldDef> index = FIELDS.computeIfAbsent(new TypeKey(type), k -> {
      Map<String, FieldDef> m = new HashMap<>();
      for (FieldDef f : type.fields()) {
        m.put(f.name(), f);
      }
      return m;
    });
    if (FIELDS.size() > 100_000) {
      FIELDS.clear();
    }
    return index.get(name);
  }

  /** An operand of an action as a plain value, given the firing's value slots. */
  Object resolve(DrlGenerator.RulePlan plan, Operand o, Object[] values) {
    if (o instanceof Operand.Literal l) {
      return plainLiteral(l.value());
    }
    if (o instanceof Operand.ParamRef p) {
      return plainLiteral(paramValues.get(p.name()));
    }
    int slot = -1;
    List<Operand> slots = plan.values();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i) == o) {
        slot = i;
        break;
      }
    }
    if (slot < 0) {
      slot = slots.indexOf(o);
    }
    if (slot < 0) {
      return null;
    }
    FieldType t = plan.valueTypes().get(slot);
    return Typed.toPlain(values[slot], t);
  }

  private static Object plainLiteral(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(CompiledPack::plainLiteral).toList();
    }
    if (v instanceof BigDecimal || v instanceof Long) {
      return Typed.number(Values.toBigDecimal(v));
    }
    return Values.toPlain(v);
  }
}
