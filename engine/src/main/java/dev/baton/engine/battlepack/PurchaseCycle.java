package dev.baton.engine.battlepack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One purchase cycle of a customer: from the start of the need to the order.
 *
 * @param customerId the customer
 * @param cycleNo the cycle's number, from 1, in time order
 * @param startedOn when the cycle started
 * @param orderedOn when the customer ordered
 * @param amount what the customer ordered
 */
public record PurchaseCycle(
    String customerId, int cycleNo, LocalDate startedOn, LocalDate orderedOn, BigDecimal amount) {

  public PurchaseCycle {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(startedOn, "startedOn");
    Objects.requireNonNull(orderedOn, "orderedOn");
    Objects.requireNonNull(amount, "amount");
  }

  /** The cycle's length in days. */
  public long days() {
    return ChronoUnit.DAYS.between(startedOn, orderedOn);
  }

  /** The id evidence refers to: {@code customerId#cycleNo}. */
  public String id() {
    return customerId + "#" + cycleNo;
  }
}
