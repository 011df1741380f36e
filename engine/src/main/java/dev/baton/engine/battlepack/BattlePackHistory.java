package dev.baton.engine.battlepack;

import dev.baton.engine.battlepack.internal.JdbcHistory;
import dev.baton.engine.store.BatonStore;
import java.time.Instant;
import java.util.List;

/**
 * The sales history a battle pack is built from: deals, regional competitor activity,
 * catalogue updates, purchase cycles and behaviour signals, in Baton's database.
 *
 * <p><b>Contract.</b> Thread-safe. The {@code add} methods are idempotent by id: adding an item
 * whose id is already stored changes nothing and returns false (so loading the same data twice
 * is safe). Reads take the time to answer for; nothing uses the wall clock.
 */
public interface BattlePackHistory {

  /** How far back {@link #gather} looks for competitor activity. */
  java.time.Duration COMPETITOR_WINDOW = java.time.Duration.ofDays(180);
  /** How far back {@link #gather} looks for catalogue updates (by publication). */
  java.time.Duration CATALOGUE_WINDOW = java.time.Duration.ofDays(365);
  /** How far back {@link #gather} and the evaluation look for behaviour signals. */
  java.time.Duration SIGNAL_WINDOW = java.time.Duration.ofDays(90);
  /** How many purchase cycles {@link #gather} reads. */
  int PURCHASE_CYCLES = 3;

  /** The history in a store. */
  static BattlePackHistory on(BatonStore store) {
    return new JdbcHistory(store);
  }

  /** Adds a deal unless one with its id exists; true when added. */
  boolean addDeal(Deal deal);

  /** Adds competitor activity unless its id exists; true when added. */
  boolean addCompetitorActivity(CompetitorActivity activity);

  /** Adds a catalogue update unless its id exists; true when added. */
  boolean addCatalogueUpdate(CatalogueUpdate update);

  /** Adds a purchase cycle unless the customer already has that cycle number; true when added. */
  boolean addPurchaseCycle(PurchaseCycle cycle);

  /** Adds a behaviour signal unless its id exists; true when added. */
  boolean addBehaviourSignal(BehaviourSignal signal);

  /** Every deal with the customer, newest first (open deals by last contact, closed by close). */
  List<Deal> deals(String customerId);

  /** Competitor activity in a region observed in {@code (now - window, now]}, newest first. */
  List<CompetitorActivity> competitorActivity(String region, Instant now);

  /** Catalogue updates for these products published in {@code (now - window, now]}, newest first. */
  List<CatalogueUpdate> catalogueUpdates(List<String> products, Instant now);

  /** The customer's last {@code n} purchase cycles ordered by {@code now}, oldest first. */
  List<PurchaseCycle> lastPurchaseCycles(String customerId, int n, Instant now);

  /** The customer's behaviour signals in {@code (now - SIGNAL_WINDOW, now]}, newest first. */
  List<BehaviourSignal> signals(String customerId, Instant now);

  /**
   * Everything {@code baton.gather-context} hands to the generator for a visit request: all
   * deals, competitor activity of the region, catalogue updates of the products the customer
   * bought or negotiates, the last 3 purchase cycles and recent signals, as known at {@code now}.
   */
  BattlePackContext gather(VisitRequest visit, String decisionId, String customerName,
      String region, Instant now);
}
