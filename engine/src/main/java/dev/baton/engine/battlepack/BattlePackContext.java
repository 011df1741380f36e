package dev.baton.engine.battlepack;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the battle pack is generated from: the visit request and the customer's history as
 * gathered by {@code baton.gather-context} ({@link BattlePackHistory#gather}).
 *
 * @param visitRequest the visit request
 * @param decisionId the recorded decision that allowed the AI to act
 * @param customerName the customer's name, or null when the ledger does not know the customer
 * @param region the customer's sales region, or null
 * @param gatheredAt the time the history was read for
 * @param deals every deal with the customer, newest first
 * @param competitorActivity competitor activity in the customer's region, newest first
 * @param catalogueUpdates catalogue updates for the products the customer bought or negotiates,
 *     newest first
 * @param purchaseCycles the customer's last 3 purchase cycles, oldest first
 * @param signals the customer's recent behaviour signals, newest first
 */
public record BattlePackContext(
    VisitRequest visitRequest,
    String decisionId,
    String customerName,
    String region,
    Instant gatheredAt,
    List<Deal> deals,
    List<CompetitorActivity> competitorActivity,
    List<CatalogueUpdate> catalogueUpdates,
    List<PurchaseCycle> purchaseCycles,
    List<BehaviourSignal> signals) {

  public BattlePackContext {
    Objects.requireNonNull(visitRequest, "visitRequest");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(gatheredAt, "gatheredAt");
    deals = List.copyOf(deals);
    competitorActivity = List.copyOf(competitorActivity);
    catalogueUpdates = List.copyOf(catalogueUpdates);
    purchaseCycles = List.copyOf(purchaseCycles);
    signals = List.copyOf(signals);
  }

  /** True when the evidence kind and id name an item of this context (or the visit request). */
  public boolean contains(Evidence evidence) {
    String id = evidence.id();
    return switch (evidence.kind()) {
      case VISIT_REQUEST -> visitRequest.requestId().equals(id);
      case DEAL -> deals.stream().anyMatch(d -> d.dealId().equals(id));
      case COMPETITOR_ACTIVITY -> competitorActivity.stream()
          .anyMatch(a -> a.activityId().equals(id));
      case CATALOGUE_UPDATE -> catalogueUpdates.stream().anyMatch(u -> u.updateId().equals(id));
      case PURCHASE_CYCLE -> purchaseCycles.stream().anyMatch(c -> c.id().equals(id));
      case BEHAVIOUR_SIGNAL -> signals.stream().anyMatch(s -> s.signalId().equals(id));
    };
  }
}
