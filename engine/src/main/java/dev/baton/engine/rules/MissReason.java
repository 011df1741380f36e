package dev.baton.engine.rules;

import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.Operator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A nearest miss's explanation as a message key with arguments, for a user interface that shows
 * it in the user's language. It is derived from the English sentence the engine stores in
 * {@link Decision.NearestMiss#explanation()} (which stays as it is: decision JSON, hashes and
 * replay are unchanged), so records written before this class existed render the same way.
 *
 * <p>Keys and their arguments ({@code what} is a fact as the explainer names it, e.g. {@code
 * Customer #1} or {@code Score(CMI)}; values are shown as the engine wrote them):
 * <ul>
 *   <li>{@code miss.allHold}, {@code miss.tooMany}: none;</li>
 *   <li>{@code miss.noFact}: fact type;</li>
 *   <li>{@code miss.exists}: what (a fact the rule requires to be absent);</li>
 *   <li>{@code miss.noAlternative}: what;</li>
 *   <li>{@code miss.field}: what, field, actual value, {@link Operator}, expected (may be
 *       empty);</li>
 *   <li>{@code miss.fieldMissing}: what, field, {@link Operator}, expected;</li>
 *   <li>{@code miss.aggregate}: {@link AggregateFunction}, fact type (and field), result,
 *       {@link Operator}, expected;</li>
 *   <li>{@code miss.noneOf}, {@code miss.notAll}: the inner {@link MissReason};</li>
 *   <li>{@code miss.text}: the sentence as stored (a shape this class does not know).</li>
 * </ul>
 *
 * @param key the message key
 * @param args strings (identifiers and values, shown as they are), {@link Operator}s,
 *     {@link AggregateFunction}s and inner {@link MissReason}s
 */
public record MissReason(String key, List<Object> args) {

  private static final String MISSING = "missing";
  private static final Pattern NO_FACT = Pattern.compile("no (\\S+) fact");
  private static final Pattern EXISTS =
      Pattern.compile("a matching (.+) exists, and the rule requires none");
  private static final Pattern NONE_OF =
      Pattern.compile("none of the alternatives holds \\(first: (.*)\\)", Pattern.DOTALL);
  private static final Pattern NOT_ALL = Pattern.compile("not all hold: (.*)", Pattern.DOTALL);
  private static final Pattern NO_ALTERNATIVE = Pattern.compile("(.+?): no alternative holds");
  private static final Pattern AGGREGATE = Pattern.compile(
      "(count|sum|avg|min|max) of (\\S+) is (.*?), needs (.*)", Pattern.DOTALL);
  private static final Pattern FIELD =
      Pattern.compile("(.+?): (\\S+) is (.*?), needs (.*)", Pattern.DOTALL);
  /** Operators by symbol, longest first (so that "is not empty" wins over "is empty"). */
  private static final List<Operator> BY_SYMBOL = Arrays.stream(Operator.values())
      .sorted(Comparator.comparingInt((Operator o) -> o.symbol().length()).reversed()).toList();

  public MissReason {
    args = List.copyOf(args);
  }

  /** The reason of a nearest miss. */
  public static MissReason of(Decision.NearestMiss miss) {
    return of(miss.explanation());
  }

  /** The reason of an explanation as the engine writes it (see the class comment). */
  public static MissReason of(String explanation) {
    String e = explanation == null ? "" : explanation;
    if (e.equals("every condition holds, yet the rule did not fire")) {
      return new MissReason("miss.allHold", List.of());
    }
    if (e.equals("too many combinations to explain")) {
      return new MissReason("miss.tooMany", List.of());
    }
    Matcher m = NO_FACT.matcher(e);
    if (m.matches()) {
      return new MissReason("miss.noFact", List.of(m.group(1)));
    }
    if ((m = EXISTS.matcher(e)).matches()) {
      return new MissReason("miss.exists", List.of(m.group(1)));
    }
    if ((m = NONE_OF.matcher(e)).matches()) {
      return new MissReason("miss.noneOf", List.of(m.group(1).equals("its first alternative fails")
          ? new MissReason("miss.firstFails", List.of()) : of(m.group(1))));
    }
    if ((m = NOT_ALL.matcher(e)).matches()) {
      return new MissReason("miss.notAll", List.of(m.group(1).equals("?")
          ? new MissReason("miss.text", List.of("?")) : of(m.group(1))));
    }
    if ((m = AGGREGATE.matcher(e)).matches()) {
      Object[] need = needs(m.group(4));
      if (need != null) {
        return new MissReason("miss.aggregate", List.of(
            AggregateFunction.fromLabel(m.group(1)).orElseThrow(), m.group(2),
            m.group(3), need[0], need[1]));
      }
    }
    if ((m = NO_ALTERNATIVE.matcher(e)).matches()) {
      return new MissReason("miss.noAlternative", List.of(m.group(1)));
    }
    if ((m = FIELD.matcher(e)).matches()) {
      Object[] need = needs(m.group(4));
      if (need != null) {
        return m.group(3).equals(MISSING)
            ? new MissReason("miss.fieldMissing", List.of(m.group(1), m.group(2), need[0],
                need[1]))
            : new MissReason("miss.field", List.of(m.group(1), m.group(2), m.group(3), need[0],
                need[1]));
      }
    }
    return new MissReason("miss.text", List.of(e));
  }

  /** "{symbol}[ {expected}]" as the operator and the expected text, or null. */
  private static Object[] needs(String text) {
    for (Operator o : BY_SYMBOL) {
      if (text.equals(o.symbol())) {
        return new Object[] {o, ""};
      }
      if (text.startsWith(o.symbol() + " ")) {
        return new Object[] {o, text.substring(o.symbol().length() + 1)};
      }
    }
    return null;
  }
}
