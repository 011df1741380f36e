package dev.baton.engine.consent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Consent coverage: the share of customers that have every required consent of the {@link
 * ConsentPolicy} granted at a given time.
 *
 * @param at the time it was worked out for
 * @param customers how many customers the ledger holds
 * @param covered how many of them have every required pair granted
 * @param percent {@code covered / customers} in percent, rounded down to one decimal (so that
 *     91.96% shows as 91.9, not as a target met); 0.0 when there are no customers
 * @param target the policy's target in percent
 * @param meetsTarget true when the exact share reaches the target; false when there are no
 *     customers (an empty ledger proves nothing)
 * @param perPair per required pair, how many customers have it granted
 * @param green how many customers are green
 * @param yellow how many customers are yellow
 * @param red how many customers are red
 */
public record CoverageReport(
    Instant at,
    int customers,
    int covered,
    BigDecimal percent,
    BigDecimal target,
    boolean meetsTarget,
    List<PairCoverage> perPair,
    int green,
    int yellow,
    int red) {

  public CoverageReport {
    perPair = List.copyOf(perPair);
  }

  /**
   * How many customers have one required pair granted.
   *
   * @param pair the channel and purpose
   * @param granted how many customers have it granted now
   * @param percent {@code granted / customers} in percent, rounded down to one decimal
   */
  public record PairCoverage(ConsentPair pair, int granted, BigDecimal percent) {}
}
