package dev.baton.engine.liquid;

/**
 * A customer's long-term outcome, which weighs the contribution points of the events for them:
 * renewed (续约) and ecosystem partners added (生态伙伴拓展数).
 */
public record CustomerOutcome(String customerId, boolean renewed, int partnersAdded) {
  public CustomerOutcome {
    Names.checkId("customer id", customerId);
    if (partnersAdded < 0) {
      throw new LiquidInputException("Customer " + customerId + ": partnersAdded "
          + partnersAdded + " must not be negative.");
    }
  }
}
