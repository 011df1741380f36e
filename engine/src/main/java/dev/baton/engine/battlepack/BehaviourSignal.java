package dev.baton.engine.battlepack;

import java.time.Instant;
import java.util.Objects;

/**
 * A behaviour signal of a customer, as the cmi-threshold pack reads it.
 *
 * @param signalId the signal's id
 * @param customerId the customer
 * @param kind {@code WEBSITE_HEATMAP}, {@code COMMUNITY_KEYWORD}, {@code
 *     COMPETITOR_COMPARISON_DOWNLOAD} or {@code RATING_CHANGE}
 * @param detail what was seen (page, keyword, document)
 * @param occurredAt when
 */
public record BehaviourSignal(
    String signalId, String customerId, String kind, String detail, Instant occurredAt) {

  public BehaviourSignal {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
