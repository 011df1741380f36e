package dev.baton.engine.audit;

import java.util.Objects;
import java.util.Set;

/**
 * How an export hides personal data. Every value of a listed field name is replaced wherever it
 * appears: in the input facts, in the decision (action parameters, matched facts, the expected
 * and actual values of a nearest miss on that field) and in the matching columns ({@code
 * customerId}, {@code actor}, {@code requestId}); and wherever another text of the same record
 * embeds such a value (a request id {@code VR-DEMO-2002} of customer {@code C-2002}, a reason
 * that repeats a name), that part gets the same pseudonym or redaction. {@link #PERSONAL_FIELDS}
 * is the documented policy for Baton's own data.
 *
 * @param fields the field names to hide, e.g. {@code customerId}, {@code name}, {@code phone}
 * @param mode how to hide them
 * @param secret the key of the pseudonyms ({@link Mode#PSEUDONYM}); keep it secret, or the
 *     pseudonyms of known values can be recomputed
 */
public record Masking(Set<String> fields, Mode mode, String secret) {

  public Masking {
    fields = Set.copyOf(fields);
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.PSEUDONYM && (secret == null || secret.isEmpty())) {
      throw new IllegalArgumentException("Pseudonymous masking needs a secret: without one the"
          + " pseudonym of a known customer id can be recomputed by anyone.");
    }
  }

  /**
   * The fields that hold personal data in Baton's packs, facts, actions and records: customer,
   * contact and rep identities ({@code customerId}, {@code repId}, {@code actor} — the person or
   * system that asked —, {@code reviewer}), names, contact details. {@link #personalData} masks
   * these.
   */
  public static final Set<String> PERSONAL_FIELDS = Set.of("customerId", "repId", "actor",
      "reviewer", "name", "contactName", "phone", "mobile", "email", "wechatId", "address");

  /** How a value is hidden. */
  public enum Mode {
    /**
     * A stable pseudonym: the first 16 hex digits of HMAC-SHA-256 of the value under the secret,
     * so that the same customer has the same pseudonym across exports with the same secret.
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
   * The policy for personal data: {@link #PERSONAL_FIELDS} plus any extra fields, as stable
   * pseudonyms when a secret is given (auditors can still join records of one customer), else
   * redacted.
   */
  public static Masking personalData(String secretOrNull, String... extraFields) {
    Set<String> fields = new java.util.HashSet<>(PERSONAL_FIELDS);
    fields.addAll(Set.of(extraFields));
    return secretOrNull == null || secretOrNull.isEmpty()
        ? new Masking(fields, Mode.REDACT, null)
        : new Masking(fields, Mode.PSEUDONYM, secretOrNull);
  }

  /** {@code ***} for these fields. */
  public static Masking redact(String... fields) {
    return new Masking(Set.of(fields), Mode.REDACT, null);
  }
}
