package dev.baton.engine.repository.internal;

import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackDiff.Change;
import dev.baton.engine.repository.PackDiff.Kind;
import dev.baton.engine.rulepack.Operator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link PackDiff} as readable text in English or Simplified Chinese. The phrases are
 * here rather than in a resource bundle so that the two languages are checked side by side: every
 * kind must have both (a missing one fails at class load).
 */
public final class DiffText {
  private static final Map<Kind, String[]> PHRASES = new EnumMap<>(Kind.class);

  static {
    phrase(Kind.KIND_CHANGED, "kind changed from {b} to {a}", "类型由 {b} 改为 {a}");
    phrase(Kind.TITLE_CHANGED, "{p}: changed from {b} to {a}", "{p}：由 {b} 改为 {a}");
    phrase(Kind.DESCRIPTION_CHANGED, "description changed", "说明已修改");
    phrase(Kind.SCORES_CHANGED, "scores changed from {b} to {a}", "评分项由 {b} 改为 {a}");
    phrase(Kind.PARAMETER_ADDED, "{p} added: {a}", "新增 {p}：{a}");
    phrase(Kind.PARAMETER_REMOVED, "{p} removed (was {b})", "删除 {p}（原为 {b}）");
    phrase(Kind.PARAMETER_VALUE_CHANGED, "{p}: value changed from {b} to {a}",
        "{p}：取值由 {b} 改为 {a}");
    phrase(Kind.PARAMETER_TYPE_CHANGED, "{p}: type changed from {b} to {a}",
        "{p}：类型由 {b} 改为 {a}");
    phrase(Kind.PARAMETER_TITLE_CHANGED, "{p}: title changed from {b} to {a}",
        "{p}：标题由 {b} 改为 {a}");
    phrase(Kind.FACT_TYPE_ADDED, "fact type {p} added: {a}", "新增事实类型 {p}：{a}");
    phrase(Kind.FACT_TYPE_REMOVED, "fact type {p} removed (was {b})",
        "删除事实类型 {p}（原为 {b}）");
    phrase(Kind.FIELD_ADDED, "field {p} added: {a}", "新增字段 {p}：{a}");
    phrase(Kind.FIELD_REMOVED, "field {p} removed (was {b})", "删除字段 {p}（原为 {b}）");
    phrase(Kind.FIELD_TYPE_CHANGED, "field {p}: type changed from {b} to {a}",
        "字段 {p}：类型由 {b} 改为 {a}");
    phrase(Kind.PRIORITY_CHANGED, "priority changed from {b} to {a}", "优先级由 {b} 改为 {a}");
    phrase(Kind.CONDITION_ADDED, "condition {p} added: {a}", "新增条件 {p}：{a}");
    phrase(Kind.CONDITION_REMOVED, "condition {p} removed: {b}", "删除条件 {p}：{b}");
    phrase(Kind.CONDITION_CHANGED, "condition {p} changed from {b} to {a}",
        "条件 {p} 由 {b} 改为 {a}");
    phrase(Kind.TEST_ADDED, "{p}: test added {a}", "{p}：新增判断 {a}");
    phrase(Kind.TEST_REMOVED, "{p}: test removed {b}", "{p}：删除判断 {b}");
    phrase(Kind.OPERATOR_CHANGED, "{p}: operator changed from {b} to {a}",
        "{p}：运算符由 {b} 改为 {a}");
    phrase(Kind.THRESHOLD_CHANGED, "{p}: threshold changed from {b} to {a}",
        "{p}：阈值由 {b} 改为 {a}");
    phrase(Kind.VALUE_CHANGED, "{p}: compared value changed from {b} to {a}",
        "{p}：比较值由 {b} 改为 {a}");
    phrase(Kind.CONSTRAINT_CHANGED, "{p}: changed from {b} to {a}", "{p}：由 {b} 改为 {a}");
    phrase(Kind.ACTION_ADDED, "action {p} added: {a}", "新增动作 {p}：{a}");
    phrase(Kind.ACTION_REMOVED, "action {p} removed: {b}", "删除动作 {p}：{b}");
    phrase(Kind.ACTION_PARAMETER_ADDED, "{p}: action parameter added: {a}",
        "{p}：新增动作参数 {a}");
    phrase(Kind.ACTION_PARAMETER_REMOVED, "{p}: action parameter removed (was {b})",
        "{p}：删除动作参数（原为 {b}）");
    phrase(Kind.ACTION_PARAMETER_CHANGED, "{p}: action parameter changed from {b} to {a}",
        "{p}：动作参数由 {b} 改为 {a}");
    for (Kind k : Kind.values()) {
      if (!PHRASES.containsKey(k)) {
        throw new IllegalStateException("No phrase for " + k);
      }
    }
  }

  private DiffText() {}

  private static void phrase(Kind kind, String en, String zh) {
    PHRASES.put(kind, new String[] {en, zh});
  }

  /** The diff as text; Chinese for a {@code zh} locale, English otherwise. */
  public static String write(PackDiff d, Locale locale) {
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    StringBuilder b = new StringBuilder();
    b.append(d.packId()).append(' ').append(d.fromVersion()).append(" → ")
        .append(d.toVersion());
    if (d.isEmpty()) {
      b.append(zh ? "：除版本号外没有变更" : ": no changes apart from the version").append('\n');
      return b.toString();
    }
    int n = d.size();
    b.append(zh ? "：共 " + n + " 处变更" : ": " + n + (n == 1 ? " change" : " changes"))
        .append('\n');
    section(b, zh ? "规则包" : "Pack", d.header(), zh);
    section(b, zh ? "参数" : "Parameters", d.parameters(), zh);
    section(b, zh ? "事实类型" : "Fact types", d.facts(), zh);
    if (!d.rulesAdded().isEmpty()) {
      b.append(zh ? "新增规则" : "Rules added").append('\n');
      d.rulesAdded().forEach(r -> b.append("  + ").append(r.id()).append(" — ")
          .append(r.title().in(locale)).append('\n'));
    }
    if (!d.rulesRemoved().isEmpty()) {
      b.append(zh ? "删除规则" : "Rules removed").append('\n');
      d.rulesRemoved().forEach(r -> b.append("  - ").append(r.id()).append(" — ")
          .append(r.title().in(locale)).append('\n'));
    }
    if (!d.rulesChanged().isEmpty()) {
      b.append(zh ? "修改的规则" : "Rules changed").append('\n');
      for (PackDiff.RuleChange r : d.rulesChanged()) {
        b.append("  ~ ").append(r.id()).append(" — ").append(r.title().in(locale)).append('\n');
        r.changes().forEach(c -> b.append("      • ").append(line(c, zh)).append('\n'));
      }
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String heading, List<Change> changes,
      boolean zh) {
    if (changes.isEmpty()) {
      return;
    }
    b.append(heading).append('\n');
    changes.forEach(c -> b.append("  • ").append(line(c, zh)).append('\n'));
  }

  /** One change as a sentence. */
  static String line(Change c, boolean zh) {
    String none = zh ? "（无）" : "(none)";
    String before = c.before() == null ? none : c.before();
    String after = c.after() == null ? none : c.after();
    if (c.kind() == Kind.OPERATOR_CHANGED) {
      before = operator(c.before());
      after = operator(c.after());
    }
    String phrase = PHRASES.get(c.kind())[zh ? 1 : 0];
    return fill(phrase, Map.of("{p}", c.path(), "{b}", before, "{a}", after));
  }

  /** Replaces the placeholders in one pass, so that values containing "{a}" stay as they are. */
  private static String fill(String phrase, Map<String, String> values) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < phrase.length()) {
      String key = i + 3 <= phrase.length() ? phrase.substring(i, i + 3) : "";
      String v = values.get(key);
      if (v != null) {
        b.append(v);
        i += 3;
      } else {
        b.append(phrase.charAt(i++));
      }
    }
    return b.toString();
  }

  private static String operator(String label) {
    return Operator.fromLabel(label).map(o -> o.symbol().equals(label) ? label
        : label + " (" + o.symbol() + ")").orElse(label);
  }
}
