package dev.baton.engine.consent;

/**
 * A customer's consent at a glance (授权全景), against the required pairs of a {@link
 * ConsentPolicy}. The rule, in order:
 *
 * <ol>
 *   <li>{@link #RED} when the customer refused (denied or withdrew) any required pair;
 *   <li>otherwise {@link #YELLOW} when any required pair is not granted (no record, or the grant
 *       expired) or its grant expires within the policy's warning time;
 *   <li>otherwise {@link #GREEN}: every required pair is granted and none expires soon.
 * </ol>
 *
 * <p>Red means "the customer said no: respect it"; yellow means "ask or renew"; green means
 * "automated contact on every required pair is allowed".
 */
public enum ConsentRating {
  /** Every required pair granted, none expiring within the warning time. */
  GREEN,
  /** No refusal, but a required pair is missing, expired, or expiring soon. */
  YELLOW,
  /** A required pair was denied or withdrawn. */
  RED
}
