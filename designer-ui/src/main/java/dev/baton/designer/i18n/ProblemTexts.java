package dev.baton.designer.i18n;

import dev.baton.engine.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validation problem of the engine's reader in the user's language. The reader writes
 * English; the common messages are matched here and rendered from the bundles with their
 * values, the rest are shown in English after a translated lead-in.
 */
public final class ProblemTexts {
  private record Rule(Pattern pattern, String key) {}

  private static final List<Rule> MESSAGES = List.of(
      new Rule(Pattern.compile("'(\\w+)' needs a (.+) field; '(\\w+)' is (.+)\\."),
          "problem.operatorType"),
      new Rule(Pattern.compile("Expected (.+), found nothing \\(null\\)\\."), "problem.missing"),
      new Rule(Pattern.compile("Expected (.+), found (.+)\\."), "problem.expected"),
      new Rule(Pattern.compile("Unknown field '(.+)' of (\\w+)\\."), "problem.unknownField"),
      new Rule(Pattern.compile("'\\$(\\w+)' is not bound earlier in this rule\\."),
          "problem.unbound"),
      new Rule(Pattern.compile("Unknown fact type '(.+)'\\."), "problem.unknownType"),
      new Rule(Pattern.compile("The rule has no actions\\."), "problem.noActions"),
      new Rule(Pattern.compile("The rule id '(.+)' is used twice\\."), "problem.ruleIdTwice"),
      new Rule(Pattern.compile("The rule id '(.+)' is not valid\\."), "problem.ruleIdInvalid"),
      new Rule(Pattern.compile("The name '(.+)' is already bound in this rule\\."),
          "problem.boundTwice"),
      new Rule(Pattern.compile("The version '(.+)' is not a semantic version\\."),
          "problem.version"),
      new Rule(Pattern.compile("The field name '(.+)' is not valid\\."), "problem.fieldName"),
      new Rule(Pattern.compile("The fact type name '(.+)' is not valid\\."), "problem.typeName"),
      new Rule(Pattern.compile("The duration must not be negative\\."),
          "problem.durationNegative"),
      new Rule(Pattern.compile("'(.+)' is not a positive duration\\."),
          "problem.durationNotPositive"),
      new Rule(Pattern.compile("'(any|all)' needs at least one constraint map\\."),
          "problem.groupEmpty"),
      new Rule(Pattern.compile("'(.+)' is not a date or datetime field of (\\w+)\\."),
          "problem.windowField"),
      new Rule(Pattern.compile("A window over the date field '(.+)' must be whole days, found"
          + " (.+)\\."), "problem.windowDays"));

  private static final List<Rule> HINTS = List.of(
      new Rule(Pattern.compile("Use one of (\\[.*\\])\\."), "hint.useOneOf"),
      new Rule(Pattern.compile("Write an ISO-8601 duration such as P30D or PT3M .*"),
          "hint.isoDuration"),
      new Rule(Pattern.compile("Write e\\.g\\. (.+)\\."), "hint.writeEg"),
      new Rule(Pattern.compile("Add one\\."), "hint.addOne"),
      new Rule(Pattern.compile("Use (.+)\\."), "hint.use"),
      new Rule(Pattern.compile("(\\w+) has the fields (\\[.*\\])\\."), "hint.fields"),
      new Rule(Pattern.compile("Names bound so far: (\\[.*\\])\\..*"), "hint.bound"));

  private ProblemTexts() {}

  /** The problem's message and hint in the locale of {@code t}. */
  public static String text(Problem p, Texts t) {
    String msg = translate(p.message(), MESSAGES, t);
    String hint = p.hint() == null || p.hint().isBlank() ? null
        : translate(p.hint(), HINTS, t);
    return hint == null ? msg : msg + " " + t.t("problem.hint", hint);
  }

  private static String translate(String english, List<Rule> rules, Texts t) {
    if (!t.chinese()) {
      return english;
    }
    for (Rule r : rules) {
      Matcher m = r.pattern().matcher(english);
      if (m.matches()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.group(i + 1);
        }
        return t.t(r.key(), args);
      }
    }
    return t.t("problem.untranslated", english);
  }
}
