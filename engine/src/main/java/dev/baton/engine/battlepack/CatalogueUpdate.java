package dev.baton.engine.battlepack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A regulatory catalogue update for a product, e.g. the medical insurance catalogue (医保目录).
 *
 * @param updateId the update's id
 * @param catalogue the catalogue's name
 * @param product the product it concerns
 * @param changeKind {@code ADDED}, {@code REMOVED}, {@code PRICE_CAP} or {@code
 *     REIMBURSEMENT_CHANGE}
 * @param priceCap the highest price allowed from {@code effectiveAt}, or null
 * @param detail what changed
 * @param effectiveAt when it takes effect
 * @param publishedAt when it was published
 */
public record CatalogueUpdate(
    String updateId,
    String catalogue,
    String product,
    String changeKind,
    BigDecimal priceCap,
    String detail,
    Instant effectiveAt,
    Instant publishedAt) {

  public CatalogueUpdate {
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(changeKind, "changeKind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(effectiveAt, "effectiveAt");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
