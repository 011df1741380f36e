package dev.baton.designer.consent;

import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.LedgerEntry;
import java.util.List;

/**
 * One customer's consent: the status with its reasons, the consent in force for every channel
 * and purpose, and the ledger history with the evidence ids.
 *
 * @param status the red / yellow / green status with reasons
 * @param current the consent in force for each of the 12 channel and purpose pairs
 * @param history every record of the customer, oldest first
 */
public record CustomerDetail(CustomerStatus status, ConsentSnapshot current,
    List<LedgerEntry> history) {

  public CustomerDetail {
    history = List.copyOf(history);
  }
}
