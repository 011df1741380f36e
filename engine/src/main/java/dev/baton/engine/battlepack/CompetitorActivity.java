package dev.baton.engine.battlepack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Competitor activity observed in a sales region (区域竞品动态).
 *
 * @param activityId the observation's id
 * @param region the sales region, as in {@link dev.baton.engine.consent.Customer#region()}
 * @param competitor the competitor
 * @param product the competing product
 * @param kind {@code PRICE_CUT}, {@code PROMOTION}, {@code NEW_PRODUCT} or {@code TENDER_WIN}
 * @param priceChangePct the price change in percent (negative for a cut), or null
 * @param detail what was observed
 * @param observedAt when it was observed
 */
public record CompetitorActivity(
    String activityId,
    String region,
    String competitor,
    String product,
    String kind,
    BigDecimal priceChangePct,
    String detail,
    Instant observedAt) {

  public CompetitorActivity {
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(competitor, "competitor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(observedAt, "observedAt");
  }
}
