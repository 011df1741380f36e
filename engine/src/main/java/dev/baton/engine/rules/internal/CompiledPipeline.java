package dev.baton.engine.rules.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.rulepack.FactType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * Packs compiled into one Drools KieBase, one stage per pack: either a whole pipeline (each
 * pack in its own package and agenda group, so that one session runs the packs one after the
 * other) or one pack's DRL alone (the per-pack evaluation). Thread-safe: sessions come from a
 * pool.
 */
final class CompiledPipeline {
  private static final AtomicLong BUILDS = new AtomicLong();

  /**
   * One pack in the KieBase: its agenda group (null for a pack alone, whose rules are in the
   * main group) and how to create its declared facts.
   */
  static final class Stage {
    private final CompiledPack pack;
    private final String agendaGroup;
    private final Map<String, Maker> makers = new HashMap<>();

    private Stage(CompiledPack pack, String agendaGroup, KieBase kieBase, String packageName) {
      this.pack = pack;
      this.agendaGroup = agendaGroup;
      for (FactType t : pack.pack().factTypes()) {
        org.kie.api.definition.type.FactType ft = kieBase.getFactType(packageName, t.name());
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
          throw new BatonException("Drools declared " + t.name()
              + " without a public constructor.", e);
        }
      }
    }

    CompiledPack pack() {
      return pack;
    }

    String agendaGroup() {
      return agendaGroup;
    }

    /** A new instance of a declared type of this stage with the typed values set. */
    Object newFact(String type, Map<String, Object> typed) {
      Maker m = makers.get(type);
      try {
        Object o = m.constructor().newInstance();
        // Drools gives declared Long, Double and Boolean fields 0 and false by default; a
        // field that is absent from the input must be missing (null), so every field is set.
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
  }

  /** Creates instances of one declared type: its constructor and field accessors, looked up once. */
  private record Maker(java.lang.reflect.Constructor<?> constructor, String[] names,
      org.kie.api.definition.type.FactField[] fields) {}

  private final List<Stage> stages;
  private final KieContainerSessionsPool pool;

  private CompiledPipeline(List<CompiledPack> packs, List<DrlGenerator.Generated> generated,
      List<String> groups) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId releaseId = ks.newReleaseId("dev.baton.generated",
        "p" + packs.get(0).hash().substring(0, 16) + (packs.size() > 1 ? "-" + packs.size() : ""),
        "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    for (DrlGenerator.Generated g : generated) {
      String path = "src/main/resources/" + g.packageName().replace('.', '/') + "/rules.drl";
      kfs.write(path, g.drl().getBytes(StandardCharsets.UTF_8));
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new BatonException("Baton generated DRL that Drools rejects for the pipeline "
          + packs.stream().map(cp -> cp.pack().coordinates()).toList()
          + ". This is a bug in Baton; please report it with the packs.\n"
          + errors.stream().map(Message::toString).collect(Collectors.joining("\n"))
          + "\n--- generated DRL ---\n"
          + generated.stream().map(DrlGenerator.Generated::drl)
              .collect(Collectors.joining("\n")));
    }
    KieContainer container = ks.newKieContainer(releaseId);
    ks.getRepository().removeKieModule(releaseId);
    KieBase kieBase = container.getKieBase();
    List<Stage> out = new ArrayList<>(packs.size());
    for (int i = 0; i < packs.size(); i++) {
      out.add(new Stage(packs.get(i), groups.get(i), kieBase,
          generated.get(i).packageName()));
    }
    this.stages = List.copyOf(out);
    this.pool = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
  }

  /** One pack's DRL as generated alone, its rules in the main agenda group. */
  static CompiledPipeline alone(CompiledPack pack) {
    List<String> groups = new ArrayList<>();
    groups.add(null);
    return new CompiledPipeline(List.of(pack), List.of(pack.generated()), groups);
  }

  /**
   * The packs of a pipeline in one KieBase: stage {@code i} in package {@code
   * baton.gen.s<i>.p<hash>} and agenda group {@code s<i>}, with the same rules and plans as the
   * pack alone.
   */
  static CompiledPipeline of(List<CompiledPack> packs) {
    List<DrlGenerator.Generated> generated = new ArrayList<>(packs.size());
    List<String> groups = new ArrayList<>(packs.size());
    for (int i = 0; i < packs.size(); i++) {
      CompiledPack cp = packs.get(i);
      String group = "s" + i;
      groups.add(group);
      generated.add(DrlGenerator.generate(cp.pack(),
          "baton.gen.s" + i + ".p" + cp.hash().substring(0, 16), group));
    }
    return new CompiledPipeline(packs, generated, groups);
  }

  List<Stage> stages() {
    return stages;
  }

  /** A session from the pool; {@code dispose()} gives it back. */
  KieSession newSession() {
    return pool.newKieSession();
  }
}
