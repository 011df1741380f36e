package dev.baton.engine.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's red / yellow / green consent status at one time, with its reasons (see {@link
 * ConsentRating} for the rule).
 *
 * @param customer the customer
 * @param at the time it was worked out for
 * @param rating red, yellow or green
 * @param reasons one per required pair that is not fine, in the policy's order; empty when green
 * @param required the consent in force for every required pair, in the policy's order
 * @param covered true when every required pair is granted now (counts towards coverage, even
 *     when a grant expires soon)
 */
public record CustomerStatus(
    Customer customer,
    Instant at,
    ConsentRating rating,
    List<StatusReason> reasons,
    List<CurrentConsent> required,
    boolean covered) {

  public CustomerStatus {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(rating, "rating");
    reasons = List.copyOf(reasons);
    required = List.copyOf(required);
  }
}
