package dev.baton.benchmarks;

import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.rules.internal.BatonClock;
import dev.baton.engine.rules.internal.BatonProposedAction;
import dev.baton.engine.rules.internal.BatonScore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.type.FactField;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The same pipeline on plain Drools: the DRL Baton generates for each pack, compiled here with
 * KieServices, run per pack in a fresh session from a {@link KieContainerSessionsPool} (the
 * engine's session mechanics), with the input facts created through the KieBase {@code
 * FactType} API. The generated DRL's global ({@code Firings}, whose constructor is not public) is
 * replaced by {@link RawFirings}, a minimal collector that applies score actions, records
 * emitted actions and vetoes, and carries the actions to the next pack as {@code
 * ProposedAction} facts. No validation, no explanation, no nearest misses: the floor for what
 * Drools itself costs on this workload.
 */
public final class RawDroolsPipeline {
  private static final AtomicInteger BUILDS = new AtomicInteger();
  private static final Pattern GLOBAL =
      Pattern.compile("global dev\\.baton\\.engine\\.rules\\.internal\\.Firings baton;");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

  private final List<PackPlan> packs;

  /** Compiles the pipeline from the DRL the engine generates for each pack. */
  public RawDroolsPipeline(RulesEngine engine, List<RulePack> pipeline) {
    List<PackPlan> out = new ArrayList<>();
    for (RulePack pack : pipeline) {
      out.add(compile(pack, engine.drl(pack)));
    }
    this.packs = List.copyOf(out);
  }

  /** Evaluates the pipeline on one customer's facts. */
  public Outcome evaluate(List<Fact> facts, Instant now) {
    long nowMs = now.toEpochMilli();
    Run run = new Run();
    List<BatonProposedAction> active = new ArrayList<>();
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    int inputActions = 0;
    for (Fact f : facts) {
      if (f.type().equals("ProposedAction")) {
        // An action proposed before the pipeline, as the engine takes it.
        Map<String, Object> v = f.values();
        inputActions++;
        String id = Outcome.text(v.get("id"));
        String action = Outcome.text(v.get("action"));
        BatonProposedAction a = new BatonProposedAction(id == null ? "input-" + inputActions : id,
            action == null ? "" : action, Outcome.text(v.get("customerId")),
            Outcome.text(v.get("channel")), Outcome.text(v.get("actor")),
            Outcome.text(v.get("pack")), Outcome.text(v.get("rule")));
        run.acts.put(a, new Outcome.Act(a.getAction(), Outcome.params("customerId",
            a.getCustomerId(), "channel", a.getChannel(), "actor", a.getActor())));
        active.add(a);
      }
    }
    for (PackPlan p : packs) {
      KieSession session = p.pool.newKieSession();
      RawFirings firings = new RawFirings(p, session, run);
      try {
        session.setGlobal("baton", firings);
        Set<String> names = new LinkedHashSet<>(scores.keySet());
        names.addAll(p.scoreNames);
        for (String name : names) {
          BatonScore s = new BatonScore(name, scores.getOrDefault(name, BigDecimal.ZERO));
          firings.score(name, s, session.insert(s));
        }
        session.insert(new BatonClock(nowMs));
        for (BatonProposedAction a : active) {
          session.insert(a);
        }
        for (Fact f : facts) {
          FactSpec spec = p.facts.get(f.type());
          if (spec != null) {
            session.insert(spec.create(f.values()));
          }
        }
        session.fireAllRules();
      } finally {
        session.dispose();
      }
      firings.scores().forEach((name, s) -> scores.put(name, s.total()));
      if (!run.vetoedIds.isEmpty()) {
        active.removeIf(a -> run.vetoedIds.contains(a.getId()));
      }
      active.addAll(firings.emitted());
    }
    List<Outcome.Act> acts = new ArrayList<>(active.size());
    for (BatonProposedAction a : active) {
      acts.add(run.acts.get(a));
    }
    BigDecimal cmi = scores.get("CMI");
    return new Outcome(acts, run.vetoed, run.blocks, run.allows,
        cmi == null ? 0 : cmi.doubleValue());
  }


  /** What one evaluation collects across the packs. */
  static final class Run {
    final Set<String> vetoedIds = new HashSet<>();
    final Map<BatonProposedAction, Outcome.Act> acts = new IdentityHashMap<>();
    final List<Outcome.Veto> vetoed = new ArrayList<>();
    final List<Outcome.Verdict> blocks = new ArrayList<>();
    final List<Outcome.Verdict> allows = new ArrayList<>();
    int actionSeq;
  }

  // ------------------------------------------------------------------ compiling

  /** A compiled pack and, per rule (by index), what its consequence does. */
  static final class PackPlan {
    final String id;
    final KieContainerSessionsPool pool;
    final List<String> scoreNames;
    final RuleSpec[] rules;
    final Map<String, FactSpec> facts;

    PackPlan(String id, KieContainerSessionsPool pool, List<String> scoreNames, RuleSpec[] rules,
        Map<String, FactSpec> facts) {
      this.id = id;
      this.pool = pool;
      this.scoreNames = scoreNames;
      this.rules = rules;
      this.facts = facts;
    }
  }

  /** A rule's id and actions, with operands resolved to constants or value slots. */
  record RuleSpec(String id, Step[] steps) {}

  /** One action of a consequence. */
  sealed interface Step {}

  record ScoreStep(String name, Val points, Val weight) implements Step {}

  record EmitStep(String action, String[] names, Val[] params, Val customerId, Val channel,
      Val actor) implements Step {}

  record BlockStep(Val proof) implements Step {}

  record AllowStep(Val proof) implements Step {}

  /** A constant, or the value in a slot of the firing's values array. */
  record Val(Object constant, int slot) {
    static final Val NULL = new Val(null, -1);

    Object get(Object[] values) {
      return slot < 0 ? constant : values[slot];
    }
  }

  /**
   * How to create one declared fact type from input values. Every declared field is set, absent
   * ones to null: Drools gives declared Long, Double and Boolean fields 0 and false by default
   * (the engine does the same).
   */
  static final class FactSpec {
    final org.kie.api.definition.type.FactType type;
    final String[] names;
    final FieldSpec[] fields;

    FactSpec(org.kie.api.definition.type.FactType type, String[] names, FieldSpec[] fields) {
      this.type = type;
      this.names = names;
      this.fields = fields;
    }

    Object create(Map<String, Object> values) {
      Object o;
      try {
        o = type.newInstance();
      } catch (InstantiationException | IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < names.length; i++) {
        Object v = values.get(names[i]);
        FieldSpec f = fields[i];
        f.field.set(o, v == null ? null : f.convert.apply(v));
      }
      return o;
    }
  }

  record FieldSpec(FactField field, Function<Object, Object> convert) {}

  private static PackPlan compile(RulePack pack, String generatedDrl) {
    Matcher global = GLOBAL.matcher(generatedDrl);
    if (!global.find()) {
      throw new IllegalStateException("The generated DRL of " + pack.id()
          + " has no Firings global; the benchmark needs updating:\n" + generatedDrl);
    }
    String drl = global.replaceFirst("global " + RawFirings.class.getName() + " baton;");
    Matcher pkg = PACKAGE.matcher(drl);
    if (!pkg.find()) {
      throw new IllegalStateException("No package in the generated DRL of " + pack.id());
    }
    String packageName = pkg.group(1);

    KieServices ks = KieServices.Factory.get();
    ReleaseId releaseId = ks.newReleaseId("dev.baton.benchmarks", "raw-" + pack.id(),
        "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    kfs.write("src/main/resources/" + packageName.replace('.', '/') + "/rules.drl",
        drl.getBytes(StandardCharsets.UTF_8));
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Drools rejects the rewritten DRL of " + pack.id() + ":\n"
          + errors.stream().map(Message::toString).collect(Collectors.joining("\n")));
    }
    KieContainer container = ks.newKieContainer(releaseId);
    ks.getRepository().removeKieModule(releaseId);
    KieBase kieBase = container.getKieBase();
    KieContainerSessionsPool pool =
        container.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);

    Map<String, FactSpec> facts = new HashMap<>();
    for (FactType t : pack.factTypes()) {
      org.kie.api.definition.type.FactType ft = kieBase.getFactType(packageName, t.name());
      String[] names = new String[t.fields().size()];
      FieldSpec[] fields = new FieldSpec[names.length];
      for (int i = 0; i < names.length; i++) {
        FieldDef f = t.fields().get(i);
        names[i] = f.name();
        fields[i] = new FieldSpec(ft.getField(f.name()), converter(f.type()));
      }
      facts.put(t.name(), new FactSpec(ft, names, fields));
    }

    Map<String, Object> params = new HashMap<>();
    for (Parameter p : pack.parameters()) {
      params.put(p.name(), p.value());
    }
    RuleSpec[] rules = new RuleSpec[pack.rules().size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = ruleSpec(pack.rules().get(i), params);
    }
    return new PackPlan(pack.id(), pool, pack.scores(), rules, facts);
  }

  /**
   * The rule's actions. The value slots are numbered as the generator numbers them: the
   * field and aggregate references of the actions, in action order (block and allow: the proof;
   * emit: the parameters in order; score: points, then weight).
   */
  private static RuleSpec ruleSpec(Rule r, Map<String, Object> params) {
    int[] slot = {0};
    List<Step> steps = new ArrayList<>();
    for (Action a : r.then()) {
      if (a instanceof Action.Block b) {
        steps.add(new BlockStep(val(b.proof(), params, slot)));
      } else if (a instanceof Action.Allow al) {
        steps.add(new AllowStep(val(al.proof(), params, slot)));
      } else if (a instanceof Action.Emit e) {
        Map<String, Val> vals = new LinkedHashMap<>();
        e.params().forEach((k, o) -> vals.put(k, val(o, params, slot)));
        steps.add(new EmitStep(e.action(), vals.keySet().toArray(String[]::new),
            vals.values().toArray(Val[]::new), vals.getOrDefault("customerId", Val.NULL),
            vals.getOrDefault("channel", Val.NULL), vals.getOrDefault("actor", Val.NULL)));
      } else if (a instanceof Action.Score s) {
        Val points = val(s.points(), params, slot);
        Val weight = s.weight() == null ? new Val(BigDecimal.ONE, -1)
            : val(s.weight(), params, slot);
        steps.add(new ScoreStep(s.name(), points, weight));
      }
    }
    return new RuleSpec(r.id(), steps.toArray(Step[]::new));
  }

  private static Val val(Operand o, Map<String, Object> params, int[] slot) {
    if (o == null) {
      return Val.NULL;
    }
    if (o instanceof Operand.FieldRef || o instanceof Operand.AggregateRef) {
      return new Val(null, slot[0]++);
    }
    if (o instanceof Operand.Literal l) {
      return new Val(l.value(), -1);
    }
    if (o instanceof Operand.ParamRef p) {
      return new Val(params.get(p.name()), -1);
    }
    throw new IllegalArgumentException("Operand not supported in actions: " + o);
  }

  /** Input value (JSON-like) to the representation the generated declarations hold. */
  private static Function<Object, Object> converter(FieldType t) {
    if (t.list()) {
      throw new IllegalArgumentException("List fields are not used by the benchmark packs");
    }
    return switch (t.scalar()) {
      case STRING -> v -> (String) v;
      case BOOLEAN -> v -> (Boolean) v;
      case NUMBER -> v -> ((Number) v).doubleValue();
      case INTEGER -> v -> ((Number) v).longValue();
      case DATETIME -> v -> Instant.parse((String) v).toEpochMilli();
      case DATE -> v -> LocalDate.parse((String) v).toEpochDay();
      case DURATION -> v -> Duration.parse((String) v).toMillis();
    };
  }
}
