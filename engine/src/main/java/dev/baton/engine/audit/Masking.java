package dev.baton.engine.audit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How an export hides personal data: the masking policy. Every value of a listed field name is
 * replaced wherever it appears: in the input facts, in the decision (action parameters, matched
 * facts, the expected and actual values of a nearest miss on that field) and in the matching
 * columns ({@code customerId}, {@code actor}, {@code requestId}); and wherever any text of the
 * export embeds such a value (a request id {@code DEMO-C-2002} of customer {@code C-2002}, a
 * reason that repeats a name, another record's free text that names a rep), that part gets the
 * same pseudonym or redaction. Texts that match one of the {@link #patterns} (e-mail addresses,
 * phone numbers) are hidden the same way even where no personal field names them. {@link
 * #personalData} is the documented policy for Baton's own data (docs/audit.md).
 *
 * <p>Pseudonyms are keyed: {@code P-} and the first 13 base-32 digits (64 bits) of
 * HMAC-SHA-256 of the value under the secret, e.g. {@code P-K5S3Q2MZXB7QA}. The same value has
 * the same pseudonym everywhere in one export and across exports with the same secret, so an
 * auditor can still join the records of one customer without seeing who it is; without the
 * secret the pseudonym of a known customer id cannot be recomputed.
 *
 * @param fields the field names to hide, e.g. {@code customerId}, {@code name}, {@code phone}
 * @param mode how to hide them
 * @param secret the key of the pseudonyms ({@link Mode#PSEUDONYM}); keep it secret, or the
 *     pseudonyms of known values can be recomputed
 * @param patterns regular expressions of personal values found by their shape in any text of a
 *     record (the whole match is hidden)
 */
public record Masking(Set<String> fields, Mode mode, String secret, List<Pattern> patterns) {

  public Masking {
    fields = Set.copyOf(fields);
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.PSEUDONYM && (secret == null || secret.isEmpty())) {
      throw new IllegalArgumentException("Pseudonymous masking needs a secret: without one the"
          + " pseudonym of a known customer id can be recomputed by anyone.");
    }
  }

  /** A policy of fields only, no patterns. */
  public Masking(Set<String> fields, Mode mode, String secret) {
    this(fields, mode, secret, List.of());
  }

  /**
   * The fields that hold personal data in Baton's packs, facts, actions and records: customer,
   * contact and rep identities ({@code customerId}, {@code repId}, {@code actor} — the person or
   * system that asked —, {@code reviewer}), names, contact details. {@link #personalData} masks
   * these.
   */
  public static final Set<String> PERSONAL_FIELDS = Set.of("customerId", "repId", "actor",
      "reviewer", "name", "contactName", "phone", "mobile", "email", "wechatId", "address");

  /**
   * An e-mail address in any text: {@code name@domain.tld}.
   */
  public static final Pattern EMAIL =
      Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /**
   * A phone number in any text: a mainland China mobile number ({@code 13812345678}, optionally
   * with {@code +86}), or an international number written with {@code +} and 8 to 15 digits
   * (spaces and dashes allowed between groups). Dates and plain numbers are not phone numbers.
   */
  public static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+])(?:\\+86[ -]?)?1[3-9]\\d{9}(?!\\w)"
          + "|(?<![\\w+])\\+\\d{1,3}(?:[ -]?\\d){7,14}(?!\\w)");

  /** How a value is hidden. */
  public enum Mode {
    /**
     * A stable keyed pseudonym: {@code P-} and 13 base-32 digits of HMAC-SHA-256 of the value
     * under the secret, so that the same customer has the same pseudonym across exports with
     * the same secret.
     */
    PSEUDONYM,
    /** The text {@code ***}. */
    REDACT
  }

  /** No masking. */
  public static Masking none() {
    return new Masking(Set.of(), Mode.REDACT, null);
  }

  /** Stable pseudonyms for these fields. */
  public static Masking pseudonyms(String secret, String... fields) {
    return new Masking(Set.of(fields), Mode.PSEUDONYM, secret);
  }

  /**
   * The policy for personal data: {@link #PERSONAL_FIELDS} plus any extra fields, and e-mail
   * addresses and phone numbers in any text ({@link #EMAIL}, {@link #PHONE}); as stable keyed
   * pseudonyms when a secret is given (auditors can still join records of one customer), else
   * redacted.
   */
  public static Masking personalData(String secretOrNull, String... extraFields) {
    Set<String> fields = new java.util.HashSet<>(PERSONAL_FIELDS);
    fields.addAll(Set.of(extraFields));
    List<Pattern> shapes = List.of(EMAIL, PHONE);
    return secretOrNull == null || secretOrNull.isEmpty()
        ? new Masking(fields, Mode.REDACT, null, shapes)
        : new Masking(fields, Mode.PSEUDONYM, secretOrNull, shapes);
  }

  /** {@code ***} for these fields. */
  public static Masking redact(String... fields) {
    return new Masking(Set.of(fields), Mode.REDACT, null);
  }

  /**
   * The same policy that also hides every text matching this regular expression.
   *
   * @throws IllegalArgumentException when the expression does not compile, with its position
   */
  public Masking withPattern(String regex) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("The masking pattern '" + regex + "' is not a regular"
          + " expression: " + e.getDescription() + " at index " + e.getIndex()
          + ". Fix the expression.", e);
    }
    List<Pattern> more = new java.util.ArrayList<>(patterns);
    more.add(p);
    return new Masking(fields, mode, secret, more);
  }

  /** True when nothing is hidden. */
  public boolean isNone() {
    return fields.isEmpty() && patterns.isEmpty();
  }
}
