package dev.baton.engine.rulepack;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One result of the static checks of a pack ({@link RulePackChecks}).
 *
 * @param kind what was found
 * @param severity how bad it is: an {@link Severity#ERROR} makes {@code baton check} fail
 * @param ruleIds the rules concerned, the one the finding is about first; empty for a gap,
 *     which belongs to no rule
 * @param factType the fact type whose fields were analysed, or null
 * @param field the field concerned, or null
 * @param messageKey the key of the text in the bundle {@code dev.baton.engine.rulepack.checks}
 *     (English and Simplified Chinese), e.g. {@code check.overlap}
 * @param args the values of the text's placeholders, in order
 */
public record Finding(
    Kind kind,
    Severity severity,
    List<String> ruleIds,
    String factType,
    String field,
    String messageKey,
    List<String> args) {

  /** The bundle holding the texts of the findings, in English and Simplified Chinese. */
  public static final String BUNDLE = "dev.baton.engine.rulepack.checks";

  public Finding {
    ruleIds = List.copyOf(ruleIds);
    args = List.copyOf(args);
  }

  /** What a finding is about. */
  public enum Kind {
    /** The conditions contradict each other: the rule can never fire. */
    NEVER_FIRES,
    /**
     * The rule's conditions lie inside another rule's and it takes no action the other does not
     * take: it adds nothing of its own, and its actions are taken twice.
     */
    SUBSUMED,
    /** Two rules propose the same action for the same facts: the decision carries it twice. */
    OVERLAP,
    /** The same facts are allowed by one rule and blocked by another; the block wins. */
    CONFLICT,
    /** Values of a fact's enumeration or numeric fields for which no rule of the pack fires. */
    GAP,
    /**
     * Hit policy first or priority: the rules that win over this one match every fact it
     * matches, so it can never fire. Named after it, the winning rules.
     */
    SHADOWED
  }

  /** How bad a finding is. */
  public enum Severity {
    WARNING,
    ERROR
  }

  /** The rule the finding is about, or null for a gap. */
  public String ruleId() {
    return ruleIds.isEmpty() ? null : ruleIds.get(0);
  }

  /** The text in English. */
  public String message() {
    return message(Locale.ENGLISH);
  }

  /** The text in the given language (English unless it is Chinese). */
  public String message(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern;
    try {
      pattern = bundle.getString(messageKey);
    } catch (MissingResourceException e) {
      return messageKey + " " + args;
    }
    return new MessageFormat(pattern, locale).format(args.toArray());
  }

  /** {@code ERROR rule 'a' (rule 'b'): message}, in English. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(severity.name()).append(' ').append(kind.name());
    if (!ruleIds.isEmpty()) {
      b.append(" rule '").append(ruleIds.get(0)).append('\'');
    }
    return b.append(": ").append(message()).toString();
  }
}
