package dev.baton.engine.repository;

import dev.baton.engine.repository.internal.DiffJson;
import dev.baton.engine.repository.internal.DiffText;
import dev.baton.engine.repository.internal.Differ;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.RulePack;
import java.util.List;
import java.util.Locale;

/**
 * The semantic difference between two versions of a pack: header, parameters, fact types and
 * fields, rules added and removed, and for each changed rule which condition, field test,
 * operator, threshold, action or action parameter changed. Values are written in the pack
 * syntax (e.g. {@code $params.cmiThreshold}, {@code {enum: [A, B]}}). Compute it with {@link
 * #between(RulePack, RulePack)}; render it with {@link #toJson()} or {@link #text(Locale)}.
 *
 * @param header changes of kind, title, description and scores
 * @param parameters parameters added, removed, or with another value, type or title
 * @param facts fact types added or removed, fields added, removed or retyped
 * @param rulesAdded rules only in {@code to}, in its order
 * @param rulesRemoved rules only in {@code from}, in its order
 * @param rulesChanged rules in both that differ, in {@code to}'s order
 */
public record PackDiff(
    String packId,
    String fromVersion,
    String fromHash,
    String toVersion,
    String toHash,
    List<Change> header,
    List<Change> parameters,
    List<Change> facts,
    List<RuleRef> rulesAdded,
    List<RuleRef> rulesRemoved,
    List<RuleChange> rulesChanged) {

  public PackDiff {
    header = List.copyOf(header);
    parameters = List.copyOf(parameters);
    facts = List.copyOf(facts);
    rulesAdded = List.copyOf(rulesAdded);
    rulesRemoved = List.copyOf(rulesRemoved);
    rulesChanged = List.copyOf(rulesChanged);
  }

  /** The difference from {@code from} to {@code to}; pure, no repository needed. */
  public static PackDiff between(RulePack from, RulePack to) {
    return Differ.diff(from, to);
  }

  /** True when the two packs have the same content apart from their versions. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The number of changes: every change listed, each rule added or removed counting one. */
  public int size() {
    return header.size() + parameters.size() + facts.size() + rulesAdded.size()
        + rulesRemoved.size() + rulesChanged.stream().mapToInt(r -> r.changes().size()).sum();
  }

  /** The difference as pretty-printed JSON, for the designer and for tools. */
  public String toJson() {
    return DiffJson.write(this);
  }

  /** The difference as readable text: English, or Simplified Chinese for a {@code zh} locale. */
  public String text(Locale locale) {
    return DiffText.write(this, locale);
  }

  /** A rule, named by id and title. */
  public record RuleRef(String id, LocalizedText title) {}

  /** A rule present in both versions, with what changed in it. */
  public record RuleChange(String id, LocalizedText title, List<Change> changes) {
    public RuleChange {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One change.
   *
   * @param path where, e.g. {@code parameters.cmiThreshold}, {@code
   *     facts.BehaviourSignal.channel}, or within a rule {@code when[1].Score.value} or {@code
   *     then[0].emit.priority} (indexes are those of the newer version for changed and added
   *     conditions and actions, of the older one for removed ones)
   * @param before the old value in pack syntax (for an operator its name, e.g. {@code gte}), or
   *     null when added
   * @param after the new value, or null when removed
   */
  public record Change(Kind kind, String path, String before, String after) {}

  /** What kind of change. */
  public enum Kind {
    /** The pack's kind changed. */
    KIND_CHANGED,
    /** The title (of the pack, or of a rule) changed. */
    TITLE_CHANGED,
    /** The pack's description changed. */
    DESCRIPTION_CHANGED,
    /** The list of score names changed. */
    SCORES_CHANGED,
    /** A parameter was added. */
    PARAMETER_ADDED,
    /** A parameter was removed. */
    PARAMETER_REMOVED,
    /** A parameter's value changed (e.g. the CMI threshold). */
    PARAMETER_VALUE_CHANGED,
    /** A parameter's type changed. */
    PARAMETER_TYPE_CHANGED,
    /** A parameter's title changed. */
    PARAMETER_TITLE_CHANGED,
    /** A fact type was declared. */
    FACT_TYPE_ADDED,
    /** A fact type was removed. */
    FACT_TYPE_REMOVED,
    /** A field was added to a fact type. */
    FIELD_ADDED,
    /** A field was removed from a fact type. */
    FIELD_REMOVED,
    /** A field's type changed (including enum values). */
    FIELD_TYPE_CHANGED,
    /** A rule's priority changed. */
    PRIORITY_CHANGED,
    /** A condition was added to a rule. */
    CONDITION_ADDED,
    /** A condition was removed from a rule. */
    CONDITION_REMOVED,
    /** A condition changed in a way not broken down further (window, aggregated field). */
    CONDITION_CHANGED,
    /** A field test was added to a condition. */
    TEST_ADDED,
    /** A field test was removed from a condition. */
    TEST_REMOVED,
    /** The operator of a field test changed (e.g. gte to gt). */
    OPERATOR_CHANGED,
    /** The bound of an ordering test changed (lt, lte, gt, gte, between, olderThan, withinLast). */
    THRESHOLD_CHANGED,
    /** The value of another test changed (eq, ne, in, notIn, contains, startsWith). */
    VALUE_CHANGED,
    /** A nested any / all group of field tests changed. */
    CONSTRAINT_CHANGED,
    /** An action was added to a rule. */
    ACTION_ADDED,
    /** An action was removed from a rule. */
    ACTION_REMOVED,
    /** A parameter was added to an action. */
    ACTION_PARAMETER_ADDED,
    /** A parameter was removed from an action. */
    ACTION_PARAMETER_REMOVED,
    /** A parameter of an action changed (e.g. the channel, the reason, the points). */
    ACTION_PARAMETER_CHANGED
  }
}
