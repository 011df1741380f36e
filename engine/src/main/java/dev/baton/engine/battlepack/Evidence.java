package dev.baton.engine.battlepack;

import java.util.Objects;

/**
 * What a pricing strategy or risk hint is based on: one item of the {@link BattlePackContext}.
 *
 * @param kind the kind of item
 * @param id the item's id (deal id, activity id, update id, {@code customerId#cycleNo}, signal
 *     id, or the visit request id)
 * @param summary one line on what the item says
 */
public record Evidence(Kind kind, String id, String summary) {

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
  }

  /** The kinds of evidence. */
  public enum Kind {
    /** A past or open deal with the customer. */
    DEAL,
    /** Competitor activity in the customer's region. */
    COMPETITOR_ACTIVITY,
    /** A regulatory catalogue update. */
    CATALOGUE_UPDATE,
    /** One of the last 3 purchase cycles. */
    PURCHASE_CYCLE,
    /** A behaviour signal. */
    BEHAVIOUR_SIGNAL,
    /** The visit request itself (only when the history holds nothing better). */
    VISIT_REQUEST
  }
}
