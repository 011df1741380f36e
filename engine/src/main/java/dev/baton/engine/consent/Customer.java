package dev.baton.engine.consent;

import java.util.Objects;

/**
 * A customer the ledger holds consent for: the population of the red / yellow / green overview
 * and of consent coverage.
 *
 * @param id the customer's id, as the CRM knows it (1 to 64 characters), e.g. {@code C-1001}
 * @param name the customer's name (1 to 200 characters)
 * @param region the sales region (区域), or null
 * @param owner the account owner (a sales rep's id or name), or null
 */
public record Customer(String id, String name, String region, String owner) {

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
