package dev.baton.engine.consent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which consents every customer should have, for the red / yellow / green overview ({@link
 * CustomerStatus}) and consent coverage ({@link CoverageReport}).
 *
 * <p>The {@link #defaults() default} requires the consents the template pipeline's automated
 * actions need for a customer to be served without a sales call:
 *
 * <ul>
 *   <li>{@code WECHAT+MARKETING}: the cmi-threshold pack pushes the tailored content pack over
 *       WeChat (its {@code contentPackChannel} default);
 *   <li>{@code EMAIL+MARKETING}: content by e-mail, the website opt-in;
 *   <li>{@code SMS+SALES_FOLLOW_UP}: follow-up texts, and the text the consent-check pack sends
 *       instead of an AI voice call the customer refused.
 * </ul>
 *
 * <p>{@code VOICE} is not required by default: most buyers refuse unplanned sales calls, and the
 * pipeline is built to work without them (a voice refusal becomes a text). Requiring it would
 * make refusing calls a red customer and put the 92% coverage target out of reach by design. A
 * team that runs AI voice campaigns adds {@code VOICE+SALES_FOLLOW_UP} to its policy.
 *
 * @param required the required channel and purpose pairs (at least one; repeats are dropped)
 * @param expiryWarning a grant that expires within this time from now makes a customer yellow
 *     (default 30 days)
 * @param coverageTarget the coverage target in percent, 0 to 100 (default 92.0, from the
 *     domain brief's acceptance figures)
 */
public record ConsentPolicy(
    List<ConsentPair> required, Duration expiryWarning, BigDecimal coverageTarget) {

  /** The default warning time before a grant expires: 30 days. */
  public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);

  /** The default coverage target: 92.0 percent of customers. */
  public static final BigDecimal DEFAULT_COVERAGE_TARGET = new BigDecimal("92.0");

  public ConsentPolicy {
    required = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(required, "required")));
    Objects.requireNonNull(expiryWarning, "expiryWarning");
    Objects.requireNonNull(coverageTarget, "coverageTarget");
    if (required.isEmpty()) {
      throw new IllegalArgumentException("A consent policy needs at least one required pair,"
          + " e.g. ConsentPair.of(Channel.EMAIL, Purpose.MARKETING).");
    }
    if (expiryWarning.isNegative()) {
      throw new IllegalArgumentException("expiryWarning must not be negative, was "
          + expiryWarning + "; use Duration.ZERO for no warning.");
    }
    if (coverageTarget.signum() < 0 || coverageTarget.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("coverageTarget is a percentage from 0 to 100, was "
          + coverageTarget.toPlainString() + ".");
    }
  }

  /**
   * The default policy: {@code EMAIL+MARKETING}, {@code SMS+SALES_FOLLOW_UP}, {@code
   * WECHAT+MARKETING} required; warn 30 days before a grant expires; coverage target 92.0%.
   */
  public static ConsentPolicy defaults() {
    return new ConsentPolicy(List.of(
        ConsentPair.of(Channel.EMAIL, Purpose.MARKETING),
        ConsentPair.of(Channel.SMS, Purpose.SALES_FOLLOW_UP),
        ConsentPair.of(Channel.WECHAT, Purpose.MARKETING)),
        DEFAULT_EXPIRY_WARNING, DEFAULT_COVERAGE_TARGET);
  }

  /** The same policy with other required pairs. */
  public ConsentPolicy withRequired(List<ConsentPair> newRequired) {
    return new ConsentPolicy(newRequired, expiryWarning, coverageTarget);
  }
}
