package dev.baton.engine.repository.internal;

import dev.baton.engine.repository.MergeResult.Conflict;
import dev.baton.engine.repository.MergeResult.Resolution;
import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.PackKind;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Three-way merge of rule packs at the model level: the base template, the local draft (the
 * template plus local edits) and the new template. Each element is merged on its own:
 * header fields; parameters by name (type, value, title); fact types by name and their fields by
 * name; rules by id (title, priority, and conditions and actions one by one when the three lists
 * have the same length, as a whole otherwise). For every element: equal on both sides, or
 * changed on one side only, merges; changed on both sides differently is a conflict, unless a
 * resolution for its path says which side wins. Elements compare by their canonical text
 * ({@link Syntax}), so {@code 70} and {@code 70.0} are the same value.
 */
public final class Merger {
  private final String templateVersion;
  private final Map<String, Resolution> resolutions;
  private final List<Conflict> conflicts = new ArrayList<>();
  private final List<String> keptLocal = new ArrayList<>();
  private final List<String> taken = new ArrayList<>();

  /** The merged pack (null when there are conflicts) and what happened. */
  public record Outcome(RulePack merged, List<Conflict> conflicts, List<String> keptLocal,
      List<String> takenFromTemplate) {}

  private Merger(String templateVersion, Map<String, Resolution> resolutions) {
    this.templateVersion = templateVersion;
    this.resolutions = resolutions;
  }

  /**
   * Merges; the merged pack gets {@code version}. The result is not validated here.
   */
  public static Outcome merge(RulePack base, RulePack local, RulePack template, String version,
      Map<String, Resolution> resolutions) {
    Merger m = new Merger(template.version(), resolutions);
    PackKind kind = m.value("kind", base.kind(), local.kind(), template.kind(),
        PackKind::label);
    LocalizedText title = m.value("title", base.title(), local.title(), template.title(),
        Syntax::text);
    LocalizedText description = m.value("description", base.description(),
        local.description(), template.description(), Syntax::text);
    List<String> scores = m.value("scores", base.scores(), local.scores(), template.scores(),
        Syntax::of);
    List<Parameter> parameters = m.keyed("parameters.", "", base.parameters(),
        local.parameters(), template.parameters(), Parameter::name, Syntax::parameter,
        m::parameter);
    List<FactType> facts = m.keyed("facts.", "", base.factTypes(), local.factTypes(),
        template.factTypes(), FactType::name, Syntax::factType, m::factType);
    List<Rule> rules = m.keyed("rules[", "]", base.rules(), local.rules(), template.rules(),
        Rule::id, Syntax::rule, m::rule);
    HitPolicy hitPolicy = m.value("hitPolicy", base.hitPolicy(), local.hitPolicy(),
        template.hitPolicy(), HitPolicy::label);
    RulePack merged = m.conflicts.isEmpty()
        ? new RulePack(local.id(), version, kind, title, description, parameters, scores, facts,
            rules, hitPolicy)
        : null;
    return new Outcome(merged, m.conflicts, m.keptLocal, m.taken);
  }

  // ------------------------------------------------------------------ elements

  private Parameter parameter(String path, Parameter b, Parameter l, Parameter t) {
    FieldType type = value(path + ".type", b.type(), l.type(), t.type(), Syntax::type);
    Object v = value(path + ".value", b.value(), l.value(), t.value(), Syntax::value);
    LocalizedText title = value(path + ".title", b.title(), l.title(), t.title(), Syntax::text);
    return new Parameter(l.name(), type, v, title);
  }

  private FactType factType(String path, FactType b, FactType l, FactType t) {
    List<FieldDef> fields = keyed(path + ".", "", b.fields(), l.fields(), t.fields(),
        FieldDef::name, f -> Syntax.type(f.type()),
        (p, fb, fl, ft) -> value(p, fb, fl, ft, f -> Syntax.type(f.type())));
    return new FactType(l.name(), fields);
  }

  private Rule rule(String path, Rule b, Rule l, Rule t) {
    LocalizedText title = value(path + ".title", b.title(), l.title(), t.title(), Syntax::text);
    Integer priority = value(path + ".priority", b.priority(), l.priority(), t.priority(),
        String::valueOf);
    List<Condition> when = list(path + ".when", b.when(), l.when(), t.when(),
        Syntax::condition);
    List<Action> then = list(path + ".then", b.then(), l.then(), t.then(), Syntax::action);
    return new Rule(l.id(), title, priority, when, then);
  }

  /** Item by item when the three lists have the same length, else the list as a whole. */
  private <T> List<T> list(String path, List<T> b, List<T> l, List<T> t,
      Function<T, String> text) {
    if (b.size() == l.size() && l.size() == t.size()) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        out.add(value(path + "[" + i + "]", b.get(i), l.get(i), t.get(i), text));
      }
      return out;
    }
    Function<List<T>, String> whole = xs -> xs.stream().map(text).toList().toString();
    return value(path, b, l, t, whole);
  }

  // ------------------------------------------------------------------ the merge itself

  /** Elements present on all three sides, merged part by part. */
  @FunctionalInterface
  private interface PartMerge<T> {
    T merge(String path, T base, T local, T template);
  }

  /**
   * Elements keyed by name, in the new template's order; elements only in the local draft
   * follow the element they follow locally. An element missing on a side is null there, and is
   * merged as a whole: added or removed on one side only merges, otherwise it conflicts.
   */
  private <T> List<T> keyed(String prefix, String suffix, List<T> base, List<T> local,
      List<T> template, Function<T, String> key, Function<T, String> text, PartMerge<T> parts) {
    Map<String, T> b = Differ.byKey(base, key);
    Map<String, T> l = Differ.byKey(local, key);
    Map<String, T> t = Differ.byKey(template, key);
    List<String> order = new ArrayList<>(t.keySet());
    String previous = null;
    for (String k : l.keySet()) {
      if (!order.contains(k)) {
        order.add(previous == null ? 0 : order.indexOf(previous) + 1, k);
      }
      previous = k;
    }
    for (String k : b.keySet()) {
      if (!order.contains(k)) {
        order.add(k);
      }
    }
    List<T> out = new ArrayList<>();
    for (String k : order) {
      String path = prefix + k + suffix;
      T vb = b.get(k);
      T vl = l.get(k);
      T vt = t.get(k);
      T merged = vb != null && vl != null && vt != null
          && !text.apply(vl).equals(text.apply(vt))
          ? parts.merge(path, vb, vl, vt)
          : value(path, vb, vl, vt, text);
      if (merged != null) {
        out.add(merged);
      }
    }
    return out;
  }

  /** One value; null means absent on that side. */
  private <T> T value(String path, T base, T local, T template, Function<T, String> text) {
    String b = base == null ? null : text.apply(base);
    String l = local == null ? null : text.apply(local);
    String t = template == null ? null : text.apply(template);
    if (Objects.equals(l, t)) {
      return local;
    }
    if (Objects.equals(b, l)) {
      taken.add(path);
      return template;
    }
    if (Objects.equals(b, t)) {
      keptLocal.add(path);
      return local;
    }
    Resolution r = resolutions.get(path);
    if (r == Resolution.KEEP_LOCAL) {
      keptLocal.add(path);
      return local;
    }
    if (r == Resolution.TAKE_TEMPLATE) {
      taken.add(path);
      return template;
    }
    conflicts.add(new Conflict(path, b, l, t, message(path, b, l, t)));
    return local;
  }

  private String message(String path, String b, String l, String t) {
    String what;
    if (l == null) {
      what = path + " was removed locally, but the template " + templateVersion
          + " changed it.";
    } else if (t == null) {
      what = path + " was changed locally, but the template " + templateVersion
          + " removed it.";
    } else if (b == null) {
      what = path + " was added locally and by the template " + templateVersion
          + ", differently.";
    } else {
      what = path + " was changed locally (from " + b + " to " + l + ") and by the template "
          + templateVersion + " (to " + t + ").";
    }
    return what + " Decide which one to keep: edit the draft, or upgrade again with the"
        + " resolution KEEP_LOCAL or TAKE_TEMPLATE for " + path + ".";
  }
}
