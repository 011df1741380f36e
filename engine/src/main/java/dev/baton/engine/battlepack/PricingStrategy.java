package dev.baton.engine.battlepack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One pricing strategy of a battle pack.
 *
 * @param id its id in the pack: {@code PS-1}, {@code PS-2}, {@code PS-3}
 * @param name a short name, e.g. {@code Hold price, add value}
 * @param discountPct the discount to offer, in percent of list price
 * @param price the price to quote
 * @param rationale why, in one or two sentences
 * @param evidence what it is based on (at least one item)
 */
public record PricingStrategy(
    String id, String name, BigDecimal discountPct, BigDecimal price, String rationale,
    List<Evidence> evidence) {

  public PricingStrategy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(discountPct, "discountPct");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(rationale, "rationale");
    evidence = List.copyOf(evidence);
  }
}
