package dev.baton.benchmarks;

import dev.baton.engine.rules.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the three variants of the benchmark decide for one customer, in a form they can all
 * produce: final actions, vetoed actions, request-level blocks, allows and the CMI score. Used to
 * check that the variants decide the same (the lists are compared in {@link #normalized()} order,
 * since firing order among rules of equal salience is not part of the contract).
 */
public record Outcome(List<Act> actions, List<Veto> vetoed, List<Verdict> blocks,
    List<Verdict> allows, double cmi) {

  /** A proposed action: its name and parameters (as text; parameters without value left out). */
  public record Act(String action, Map<String, String> params) {
    public String customerId() {
      return params.get("customerId");
    }

    public String channel() {
      return params.get("channel");
    }

    public String actor() {
      return params.get("actor");
    }

    Act sorted() {
      return new Act(action, new TreeMap<>(params));
    }
  }

  /** Parameters from name, value pairs; null values are left out. */
  public static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>(kv.length);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  /** A vetoed action: the action, the vetoing rule and its proof. */
  public record Veto(Act action, String rule, Object proof) {}

  /** A block or allow: the rule and its proof. */
  public record Verdict(String rule, Object proof) {}

  /** The same outcome with every list sorted. */
  public Outcome normalized() {
    Comparator<Object> byText = Comparator.comparing(String::valueOf);
    List<Act> a = new ArrayList<>(actions.stream().map(Act::sorted).toList());
    a.sort(byText);
    List<Veto> v = new ArrayList<>(vetoed.stream()
        .map(x -> new Veto(x.action().sorted(), x.rule(), x.proof())).toList());
    v.sort(byText);
    List<Verdict> b = new ArrayList<>(blocks);
    b.sort(byText);
    List<Verdict> al = new ArrayList<>(allows);
    al.sort(byText);
    return new Outcome(a, v, b, al, cmi);
  }

  /** Baton's decision in this form. */
  public static Outcome of(Decision d) {
    List<Act> actions = d.actions().stream().map(Outcome::act).toList();
    List<Veto> vetoed = d.vetoed().stream()
        .map(v -> new Veto(act(v.action()), v.rule(), text(v.proof()))).toList();
    List<Verdict> blocks = d.blocks().stream()
        .map(b -> new Verdict(b.rule(), text(b.proof()))).toList();
    List<Verdict> allows = d.allows().stream()
        .map(b -> new Verdict(b.rule(), text(b.proof()))).toList();
    BigDecimal cmi = d.scores().get("CMI");
    return new Outcome(actions, vetoed, blocks, allows, cmi == null ? 0 : cmi.doubleValue());
  }

  private static Act act(Decision.DecidedAction a) {
    Map<String, String> params = new LinkedHashMap<>();
    a.params().forEach((k, v) -> {
      if (v != null) {
        params.put(k, text(v));
      }
    });
    return new Act(a.action(), params);
  }

  static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
