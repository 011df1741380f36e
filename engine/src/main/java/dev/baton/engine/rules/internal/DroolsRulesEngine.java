package dev.baton.engine.rules.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.BuiltInTypes;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.ExampleResult;
import dev.baton.engine.rules.FactsInvalidException;
import dev.baton.engine.rules.RulesEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The rules engine on Drools. Packs are validated and their DRL generated once per content
 * hash; a pipeline's packs compile into one KieBase, cached by the ordered tuple of their
 * content hashes, and one session evaluates the pipeline: each pack's rules in its own agenda
 * group, fired in pipeline order, an earlier pack's live actions inserted as {@code
 * ProposedAction} facts for the later ones. {@link #perPackSessions()} keeps the evaluation
 * with one session per pack (each pack's DRL alone), which decides identically; it serves as
 * the reference in tests and benchmarks.
 */
public final class DroolsRulesEngine implements RulesEngine {

  /** A rule pack that fires more often than this in one evaluation is stopped. */
  static final int MAX_FIRINGS = 100_000;

  /** How many Drools sessions an evaluation uses. */
  private enum Sessions { ONE_PER_PIPELINE, ONE_PER_PACK }

  private final Sessions sessions;

  /** The engine with one session per pipeline. */
  public DroolsRulesEngine() {
    this(Sessions.ONE_PER_PIPELINE);
  }

  private DroolsRulesEngine(Sessions sessions) {
    this.sessions = sessions;
  }

  /** An engine that evaluates each pack of a pipeline in a session of its own (the reference). */
  public static DroolsRulesEngine perPackSessions() {
    return new DroolsRulesEngine(Sessions.ONE_PER_PACK);
  }

  /** Keyed by the pack object itself: a record's deep hashCode per evaluation costs too much. */
  private record Identity(RulePack pack) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.pack == pack;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(pack);
    }
  }

  private final Map<Identity, CompiledPack> byPack = new ConcurrentHashMap<>();
  private final Map<String, CompiledPack> byHash = new ConcurrentHashMap<>();

  @Override
  public void prepare(RulePack pack) {
    CompiledPack cp = compiled(pack);
    if (sessions == Sessions.ONE_PER_PACK) {
      cp.alone();
    } else {
      pipeline(new CompiledPack[] {cp});
    }
  }

  @Override
  public String drl(RulePack pack) {
    return compiled(pack).drl();
  }

  CompiledPack compiled(RulePack pack) {
    CompiledPack cp = byPack.get(new Identity(pack));
    if (cp != null) {
      return cp;
    }
    // Validate a hand-built pack the same way a read one is: through its canonical form.
    RulePack checked = RulePacks.parse(pack.coordinates() + ".json", RulePacks.toJson(pack));
    String hash = RulePacks.contentHash(checked);
    cp = byHash.computeIfAbsent(hash, h -> CompiledPack.compile(checked, h));
    if (byPack.size() > 10_000) {
      byPack.clear();
    }
    byPack.put(new Identity(pack), cp);
    return cp;
  }

  @Override
  public List<ExampleResult> runExamples(RulePack pack, List<PackExample> examples) {
    return ExampleChecker.run(this, pack, examples);
  }

  @Override
  public Decision evaluate(Evaluation evaluation) {
    List<RulePack> packs = evaluation.pipeline();
    CompiledPack[] compiled = new CompiledPack[packs.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = compiled(packs.get(i));
    }
    PipelinePlan plan = plan(compiled);
    List<TypedFact> input = typeFacts(evaluation.facts(), plan);
    CompiledPipeline single = sessions == Sessions.ONE_PER_PIPELINE ? plan.kieBase(this) : null;
    return new Run(evaluation, plan.packs(), input, single).execute();
  }

  /** Pipelines by the ordered tuple of their packs' content hashes. */
  private final Map<List<String>, CompiledPipeline> pipelines = new ConcurrentHashMap<>();

  private CompiledPipeline pipeline(CompiledPack[] compiled) {
    List<String> hashes = new ArrayList<>(compiled.length);
    for (CompiledPack cp : compiled) {
      hashes.add(cp.hash());
    }
    CompiledPipeline p = pipelines.get(hashes);
    if (p == null) {
      if (pipelines.size() > 1_000) {
        pipelines.clear();
      }
      p = pipelines.computeIfAbsent(List.copyOf(hashes),
          h -> CompiledPipeline.of(List.of(compiled)));
    }
    return p;
  }

  private final Map<PipelineKey, PipelinePlan> plans = new ConcurrentHashMap<>();

  /** A pipeline by the identity of its compiled packs. */
  private record PipelineKey(CompiledPack[] packs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PipelineKey other && java.util.Arrays.equals(packs, other.packs);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(packs);
    }
  }

  private PipelinePlan plan(CompiledPack[] compiled) {
    PipelineKey key = new PipelineKey(compiled);
    PipelinePlan plan = plans.get(key);
    if (plan == null) {
      if (plans.size() > 1_000) {
        plans.clear();
      }
      plan = PipelinePlan.of(compiled);
      plans.put(key, plan);
    }
    return plan;
  }

  /** A field of an input fact type: the declaration that types it and its converter. */
  private record Slot(FieldDef def, Typed.Converter converter) {}

  /**
   * An input fact type as the pipeline sees it: its declarations (the built-in one first, then
   * each pack's, in pipeline order) and, per field, the first declaration that has it.
   */
  private record InputType(List<FactType> declarations, Map<String, Slot> fields) {}

  /** What typing the input needs, prepared once per pipeline, and the pipeline's KieBase. */
  private static final class PipelinePlan {
    private final List<CompiledPack> packs;
    private final Map<String, InputType> types;
    private volatile CompiledPipeline kieBase;

    private PipelinePlan(List<CompiledPack> packs, Map<String, InputType> types) {
      this.packs = packs;
      this.types = types;
    }

    List<CompiledPack> packs() {
      return packs;
    }

    Map<String, InputType> types() {
      return types;
    }

    /** The pipeline's KieBase, from the engine's cache by content hashes. */
    CompiledPipeline kieBase(DroolsRulesEngine engine) {
      CompiledPipeline k = kieBase;
      if (k == null) {
        k = engine.pipeline(packs.toArray(new CompiledPack[0]));
        kieBase = k;
      }
      return k;
    }

    static PipelinePlan of(CompiledPack[] compiled) {
      Map<String, List<FactType>> declarations = new LinkedHashMap<>();
      for (FactType t : BuiltInTypes.ALL) {
        declarations.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
      }
      for (CompiledPack cp : compiled) {
        for (FactType t : cp.pack().factTypes()) {
          declarations.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
      }
      Map<String, InputType> types = new HashMap<>();
      declarations.forEach((name, decls) -> {
        Map<String, Slot> fields = new HashMap<>();
        for (FactType t : decls) {
          for (FieldDef fd : t.fields()) {
            fields.putIfAbsent(fd.name(), new Slot(fd, Typed.converter(fd.type())));
          }
        }
        types.put(name, new InputType(List.copyOf(decls), fields));
      });
      return new PipelinePlan(List.of(compiled), types);
    }
  }

  /** An input fact with its values typed per pack that declares its type. */
  private record TypedFact(Fact fact, int index, Map<String, Object> typed) {}

  /** Checks every input fact against every pack that declares its type; all problems at once. */
  private static List<TypedFact> typeFacts(List<Fact> facts, PipelinePlan plan) {
    List<Problem> problems = null;
    List<TypedFact> out = new ArrayList<>(facts.size());
    Map<String, int[]> counters = new HashMap<>();
    for (Fact f : facts) {
      int index = counters.computeIfAbsent(f.type(), k -> new int[1])[0]++;
      InputType type = plan.types().get(f.type());
      if (type == null) {
        Set<String> known = new LinkedHashSet<>();
        plan.packs().forEach(cp -> cp.pack().factTypes().forEach(t -> known.add(t.name())));
        problems = add(problems, new Problem("facts", 0, 0, null, path(f, index),
            "No pack of the pipeline declares the fact type '" + f.type() + "'.", "Use one of "
            + known + " (or Score, ProposedAction), or add a pack that declares it."));
        continue;
      }
      Map<String, Object> values = f.values();
      Map<String, Object> typed = new HashMap<>(Math.max(4, values.size() * 2));
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Slot slot = type.fields().get(e.getKey());
        if (slot == null) {
          List<String> fields = new ArrayList<>();
          type.declarations().forEach(t -> t.fields().forEach(fd -> fields.add(fd.name())));
          problems = add(problems, new Problem("facts", 0, 0, null,
              path(f, index) + "." + e.getKey(),
              "The fact type " + f.type() + " has no field '" + e.getKey() + "'.",
              "Its fields: " + fields + "."));
          continue;
        }
        Object v = slot.converter().apply(e.getValue());
        if (v == Typed.INVALID) {
          FieldDef fd = slot.def();
          problems = add(problems, new Problem("facts", 0, 0, null,
              path(f, index) + "." + e.getKey(),
              "Expected " + fd.type().describe() + ", found " + describe(e.getValue()) + ".",
              dev.baton.engine.rulepack.internal.Values.hint(fd.type().element(),
                  e.getValue())));
        } else {
          typed.put(e.getKey(), v);
        }
      }
      out.add(new TypedFact(f, index, typed));
    }
    if (problems != null) {
      throw new FactsInvalidException(problems);
    }
    return out;
  }

  private static List<Problem> add(List<Problem> problems, Problem p) {
    List<Problem> out = problems == null ? new ArrayList<>() : problems;
    out.add(p);
    return out;
  }

  /** Where a fact is, for problems; built only when there is one. */
  private static String path(Fact f, int index) {
    return "facts." + f.type() + "[" + index + "]";
  }

  private static String describe(Object v) {
    if (v instanceof String s) {
      return "the text '" + s + "'";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof Map<?, ?>) {
      return "a map";
    }
    return String.valueOf(v);
  }

  /** One evaluation of a pipeline. */
  private static final class Run {
    private final Evaluation evaluation;
    private final List<CompiledPack> pipeline;
    private final List<TypedFact> input;
    private final long nowMs;
    private final Map<String, BigDecimal> scores = new LinkedHashMap<>();
    private final List<Decision.DecidedAction> active = new ArrayList<>();
    private final List<Decision.Veto> vetoed = new ArrayList<>();
    private final List<Decision.Verdict> blocks = new ArrayList<>();
    private final List<Decision.Verdict> allows = new ArrayList<>();
    private final List<Decision.FiredRule> fired = new ArrayList<>();
    private final List<LazyNearestMisses.Stage> missStages = new ArrayList<>();
    private final Set<Object> proofs = new LinkedHashSet<>();
    private int actionSeq;
    /** The pipeline's KieBase when one session runs every pack, else null (one per pack). */
    private final CompiledPipeline single;
    private KieSession shared;
    // What stays in the shared session from stage to stage.
    private boolean clockInserted;
    private final Map<String, BatonScore> liveScores = new LinkedHashMap<>();
    private final Map<String, FactHandle> liveScoreHandles = new HashMap<>();
    private final Map<Decision.DecidedAction, ProposalFact> liveProposals =
        new IdentityHashMap<>();

    /** A proposal as a fact: the Drools object, its explainer view and its handle. */
    private record ProposalFact(BatonProposedAction fact, Explainer.RtFact rt,
        FactHandle handle) {}

    private static ProposalFact proposalFact(Decision.DecidedAction a) {
      Map<String, Object> typed = new HashMap<>();
      typed.put("id", a.id());
      typed.put("action", a.action());
      typed.put("customerId", text(a.params().get("customerId")));
      typed.put("channel", text(a.params().get("channel")));
      typed.put("actor", text(a.params().get("actor")));
      typed.put("pack", a.pack());
      typed.put("rule", a.rule());
      BatonProposedAction o = new BatonProposedAction(a.id(), a.action(),
          (String) typed.get("customerId"), (String) typed.get("channel"),
          (String) typed.get("actor"), a.pack(), a.rule());
      return new ProposalFact(o, new Explainer.RtFact("ProposedAction", -1, typed), null);
    }

    Run(Evaluation evaluation, List<CompiledPack> pipeline, List<TypedFact> input,
        CompiledPipeline single) {
      this.evaluation = evaluation;
      this.pipeline = pipeline;
      this.input = input;
      this.single = single;
      this.nowMs = evaluation.now().toEpochMilli();
      for (TypedFact f : input) {
        if (f.fact().type().equals(BuiltInTypes.SCORE.name())) {
          Object name = f.typed().get("name");
          Object value = f.typed().get("value");
          if (name != null) {
            scores.put((String) name, value == null ? BigDecimal.ZERO
                : Typed.number(BigDecimal.valueOf((Double) value)));
          }
        } else if (f.fact().type().equals(BuiltInTypes.PROPOSED_ACTION.name())) {
          Map<String, Object> params = new LinkedHashMap<>();
          for (String k : List.of("customerId", "channel", "actor")) {
            if (f.typed().get(k) != null) {
              params.put(k, f.typed().get(k));
            }
          }
          Object id = f.typed().get("id");
          active.add(new Decision.DecidedAction(
              id == null ? "input-" + (f.index() + 1) : (String) id,
              (String) f.typed().getOrDefault("action", ""), params,
              (String) f.typed().getOrDefault("pack", "input"),
              (String) f.typed().get("rule")));
        }
      }
    }

    Decision execute() {
      List<Decision.PackRef> refs = new ArrayList<>();
      if (single != null) {
        shared = single.newSession();
      }
      try {
        for (int i = 0; i < pipeline.size(); i++) {
          CompiledPack cp = pipeline.get(i);
          refs.add(new Decision.PackRef(cp.pack().id(), cp.pack().version(), cp.hash()));
          stage(single != null ? single.stages().get(i) : cp.alone().stages().get(0));
        }
      } finally {
        if (shared != null) {
          shared.dispose();
        }
      }
      return new Decision(evaluation.requestId(), evaluation.actor(), evaluation.now(), refs,
          !blocks.isEmpty(), active, vetoed, blocks, allows, scores, fired,
          new LazyNearestMisses(missStages),
          new ArrayList<>(proofs));
    }

    /**
     * Runs one pack. In a session of its own the pack gets its scores, the clock, the live
     * proposals and its input facts, in that order. In the shared session it sees the same:
     * the scores, clock and proposals stay from the previous stages (a vetoed proposal is
     * deleted, an emitted one inserted, a score added when the pack declares a new one), its
     * input facts are inserted last, and only its agenda group fires.
     */
    private void stage(CompiledPipeline.Stage stage) {
      CompiledPack cp = stage.pack();
      RulePack pack = cp.pack();
      KieSession session = shared != null ? shared : cp.alone().newSession();
      Map<Object, Explainer.RtFact> known = new IdentityHashMap<>();
      Map<Object, Decision.DecidedAction> proposals = new IdentityHashMap<>();
      Map<String, BatonScore> scoreFacts = shared != null ? liveScores : new LinkedHashMap<>();
      Map<String, FactHandle> handles = shared != null ? liveScoreHandles : new HashMap<>();
      Map<String, List<Explainer.RtFact>> byType = new HashMap<>();
      Firings firings;
      try {
        Set<String> names = new LinkedHashSet<>(scores.keySet());
        names.addAll(pack.scores());
        for (String name : names) {
          BigDecimal total = scores.getOrDefault(name, BigDecimal.ZERO);
          BatonScore s = scoreFacts.get(name);
          if (s == null) {
            s = new BatonScore(name, total);
            scoreFacts.put(name, s);
            handles.put(name, session.insert(s));
          } else if (!s.total().equals(total)) {
            s.set(total);
            session.update(handles.get(name), s);
          }
        }
        firings = new Firings(cp, session, scoreFacts, handles);
        session.setGlobal("baton", firings);
        if (shared == null || !clockInserted) {
          session.insert(new BatonClock(nowMs));
          clockInserted = true;
        }
        List<Explainer.RtFact> proposed = new ArrayList<>();
        if (shared != null) {
          Set<Decision.DecidedAction> live = java.util.Collections.newSetFromMap(
              new IdentityHashMap<>());
          live.addAll(active);
          for (var it = liveProposals.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!live.contains(e.getKey())) {
              session.delete(e.getValue().handle());
              it.remove();
            }
          }
        }
        for (Decision.DecidedAction a : active) {
          ProposalFact pf = shared != null ? liveProposals.get(a) : null;
          if (pf == null) {
            pf = proposalFact(a);
            FactHandle h = session.insert(pf.fact());
            pf = new ProposalFact(pf.fact(), pf.rt(), h);
            if (shared != null) {
              liveProposals.put(a, pf);
            }
          }
          proposed.add(pf.rt());
          known.put(pf.fact(), pf.rt());
          proposals.put(pf.fact(), a);
        }
        byType.put("ProposedAction", proposed);
        for (TypedFact f : input) {
          if (cp.declared(f.fact().type()) == null) {
            continue;
          }
          Object o = stage.newFact(f.fact().type(), f.typed());
          Explainer.RtFact rt = new Explainer.RtFact(f.fact().type(), f.index(), f.typed());
          known.put(o, rt);
          byType.computeIfAbsent(f.fact().type(), k -> new ArrayList<>()).add(rt);
          session.insert(o);
        }
        if (stage.agendaGroup() != null) {
          session.getAgenda().getAgendaGroup(stage.agendaGroup()).setFocus();
        }
        int count = session.fireAllRules(MAX_FIRINGS);
        if (count >= MAX_FIRINGS) {
          throw new BatonException("The pack " + pack.coordinates() + " fired " + MAX_FIRINGS
              + " times in one evaluation and was stopped. Check rules that match many"
              + " combinations of facts.");
        }
      } finally {
        if (session != shared) {
          session.dispose();
        }
      }
      List<Explainer.RtFact> scoreRts = new ArrayList<>();
      for (BatonScore s : scoreFacts.values()) {
        scores.put(s.getName(), Typed.number(s.total()));
        Map<String, Object> typed = new HashMap<>();
        typed.put("name", s.getName());
        typed.put("value", s.getValue());
        Explainer.RtFact rt = new Explainer.RtFact("Score", -1, typed);
        scoreRts.add(rt);
        known.put(s, rt);
      }
      byType.put("Score", scoreRts);
      Set<Integer> firedRules = new java.util.HashSet<>();
      List<Decision.DecidedAction> emitted = new ArrayList<>();
      Set<String> vetoedIds = new java.util.HashSet<>();
      // A fact matched by several rules of the pack is made plain once (the decision copies it).
      Map<Explainer.RtFact, Map<String, Object>> plainValues = new IdentityHashMap<>();
      for (Firings.Firing firing : firings.firings()) {
        DrlGenerator.RulePlan plan = cp.plans().get(firing.rule());
        firedRules.add(firing.rule());
        String ruleId = plan.rule().id();
        List<Decision.MatchedFact> matched = new ArrayList<>();
        List<Decision.DecidedAction> matchedProposals = new ArrayList<>();
        for (int i = 0; i < firing.matched().length; i++) {
          Object o = firing.matched()[i];
          Explainer.RtFact rt = known.get(o);
          if (proposals.containsKey(o)) {
            matchedProposals.add(proposals.get(o));
          }
          if (rt != null) {
            matched.add(new Decision.MatchedFact(plan.matchedBindings().get(i), rt.type(),
                rt.index(), plainValues.computeIfAbsent(rt, r -> plain(cp, r))));
          }
        }
        fired.add(new Decision.FiredRule(pack.id(), ruleId, plan.rule().title() == null ? null
            : plan.rule().title().en(), matched));
        for (Action a : plan.rule().then()) {
          if (a instanceof Action.Emit e) {
            Map<String, Object> params = new LinkedHashMap<>();
            e.params().forEach((k, o) -> {
              Object v = cp.resolve(plan, o, firing.values());
              if (v != null) {
                params.put(k, v);
              }
            });
            emitted.add(new Decision.DecidedAction("a" + (++actionSeq), e.action(), params,
                pack.id(), ruleId));
          } else if (a instanceof Action.Block b) {
            Object proof = b.proof() == null ? null : cp.resolve(plan, b.proof(), firing.values());
            if (proof != null) {
              proofs.add(proof);
            }
            if (matchedProposals.isEmpty()) {
              blocks.add(new Decision.Verdict(pack.id(), ruleId, b.reason(), proof));
            }
            for (Decision.DecidedAction p : matchedProposals) {
              if (vetoedIds.add(p.id())) {
                vetoed.add(new Decision.Veto(p, pack.id(), ruleId, b.reason(), proof));
              }
            }
          } else if (a instanceof Action.Allow al) {
            Object proof = al.proof() == null ? null
                : cp.resolve(plan, al.proof(), firing.values());
            if (proof != null) {
              proofs.add(proof);
            }
            allows.add(new Decision.Verdict(pack.id(), ruleId, al.reason(), proof));
          }
        }
      }
      active.removeIf(a -> vetoedIds.contains(a.id()));
      active.addAll(emitted);
      List<DrlGenerator.RulePlan> missed = new ArrayList<>();
      for (DrlGenerator.RulePlan plan : cp.plans()) {
        if (!firedRules.contains(plan.index())) {
          missed.add(plan);
        }
      }
      missStages.add(new LazyNearestMisses.Stage(cp, byType, nowMs, missed));
    }

    private static String text(Object v) {
      return v == null ? null : v.toString();
    }

    private static Map<String, Object> plain(CompiledPack cp, Explainer.RtFact rt) {
      FactType t = cp.declared(rt.type());
      if (t == null) {
        t = BuiltInTypes.named(rt.type()).orElseThrow();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (FieldDef fd : t.fields()) {
        Object v = rt.typed().get(fd.name());
        if (v != null) {
          out.put(fd.name(), Typed.toPlain(v, fd.type()));
        }
      }
      return out;
    }
  }
}
