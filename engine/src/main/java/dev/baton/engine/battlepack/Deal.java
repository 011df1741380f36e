package dev.baton.engine.battlepack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal with a customer: won or lost (closed), or still open (an opportunity).
 *
 * @param dealId the deal's id, e.g. {@code OPP-3301}
 * @param customerId the customer
 * @param product the product or product line sold
 * @param stage {@code QUALIFICATION}, {@code PROPOSAL}, {@code NEGOTIATION} (open), {@code WON}
 *     or {@code LOST} (closed)
 * @param amount the deal's amount (after discount)
 * @param discountPct the discount granted or offered, in percent of list price
 * @param riskLevel {@code LOW}, {@code MEDIUM}, {@code HIGH}, or null
 * @param nextStepChannel the customer channel planned for the next contact, or null
 * @param lastContactAt the last contact, or null
 * @param closedAt when the deal was won or lost; null while it is open
 */
public record Deal(
    String dealId,
    String customerId,
    String product,
    String stage,
    BigDecimal amount,
    BigDecimal discountPct,
    String riskLevel,
    String nextStepChannel,
    Instant lastContactAt,
    Instant closedAt) {

  public Deal {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(discountPct, "discountPct");
  }

  /** True while the deal is not won or lost. */
  public boolean open() {
    return closedAt == null;
  }

  /** True for a won deal. */
  public boolean won() {
    return "WON".equals(stage);
  }
}
