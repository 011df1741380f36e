package dev.baton.engine.rules.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.internal.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

/** A pack compiled to a Drools KieBase, with what is needed to read its firings back. */
final class CompiledPack {
  private static final AtomicLong BUILDS = new AtomicLong();

  private final RulePack pack;
  private final String hash;
  private final DrlGenerator.Generated generated;
  private final KieBase kieBase;
  private final KieContainerSessionsPool pool;
  private final Map<String, org.kie.api.definition.type.FactType> factTypes = new HashMap<>();
  private final Map<String, FactType> declared = new HashMap<>();
  private final Map<String, Object> paramValues = new HashMap<>();
  private final Map<String, Maker> makers = new HashMap<>();
  private final Map<String, FactType> explainTypes = new HashMap<>();
  private final Map<String, Parameter> parameters = new HashMap<>();

  /** Creates instances of one declared type: its constructor and field accessors, looked up once. */
  private record Maker(java.lang.reflect.Constructor<?> constructor, String[] names,
      org.kie.api.definition.type.FactField[] fields) {}

  private CompiledPack(RulePack pack, String hash, DrlGenerator.Generated generated,
      KieContainer container) {
    this.pack = pack;
    this.hash = hash;
    this.generated = generated;
    this.kieBase = container.getKieBase();
    this.pool = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    for (FactType t : pack.factTypes()) {
      declared.put(t.name(), t);
      org.kie.api.definition.type.FactType ft =
          kieBase.getFactType(generated.packageName(), t.name());
      factTypes.put(t.name(), ft);
      String[] names = new String[t.fields().size()];
      org.kie.api.definition.type.FactField[] fields =
          new org.kie.api.definition.type.FactField[names.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = t.fields().get(i).name();
        fields[i] = ft.getField(names[i]);
      }
      try {
        makers.put(t.name(), new Maker(ft.getFactClass().getConstructor(), names, fields));
      } catch (NoSuchMethodException e) {
        throw new BatonException("Drools declared " + t.name() + " without a public constructor.",
            e);
      }
      explainTypes.put(t.name(), t);
    }
    dev.baton.engine.rulepack.BuiltInTypes.ALL.forEach(t -> explainTypes.put(t.name(), t));
    for (Parameter p : pack.parameters()) {
      paramValues.put(p.name(), p.value());
      parameters.put(p.name(), p);
    }
  }

  /** Generates the DRL and builds it; a build error here is a bug in the generator. */
  static CompiledPack compile(RulePack pack, String hash) {
    DrlGenerator.Generated generated = DrlGenerator.generate(pack, hash);
    KieServices ks = KieServices.Factory.get();
    ReleaseId releaseId = ks.newReleaseId("dev.baton.generated", "p" + hash.substring(0, 16),
        "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    String path = "src/main/resources/" + generated.packageName().replace('.', '/') + "/rules.drl";
    kfs.write(path, generated.drl().getBytes(StandardCharsets.UTF_8));
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new BatonException("Baton generated DRL that Drools rejects for pack "
          + pack.coordinates() + ". This is a bug in Baton; please report it with the pack.\n"
          + errors.stream().map(Message::toString).collect(Collectors.joining("\n"))
          + "\n--- generated DRL ---\n" + generated.drl());
    }
    KieContainer container = ks.newKieContainer(releaseId);
    ks.getRepository().removeKieModule(releaseId);
    return new CompiledPack(pack, hash, generated, container);
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

  KieSession newSession() {
    return pool.newKieSession();
  }

  KieBase kieBase() {
    return kieBase;
  }

  FactType declared(String type) {
    return declared.get(type);
  }

  /** The pack's fact types and the built-in ones, by name, for the explainer. */
  Map<String, FactType> explainTypes() {
    return explainTypes;
  }

  /** The pack's parameters by name. */
  Map<String, Parameter> parameters() {
    return parameters;
  }

  /** A new instance of a declared type with the typed values set. */
  Object newFact(String type, Map<String, Object> typed) {
    Maker m = makers.get(type);
    try {
      Object o = m.constructor().newInstance();
      // Drools gives declared Long, Double and Boolean fields 0 and false by default; a field
      // that is absent from the input must be missing (null), so every field is set.
      String[] names = m.names();
      org.kie.api.definition.type.FactField[] fields = m.fields();
      for (int i = 0; i < names.length; i++) {
        fields[i].set(o, typed.get(names[i]));
      }
      return o;
    } catch (ReflectiveOperationException e) {
      throw new BatonException("Cannot create a " + type + " fact.", e);
    }
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
