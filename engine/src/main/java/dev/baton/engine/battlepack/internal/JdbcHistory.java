package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackContext;
import dev.baton.engine.battlepack.BattlePackHistory;
import dev.baton.engine.battlepack.BehaviourSignal;
import dev.baton.engine.battlepack.CatalogueUpdate;
import dev.baton.engine.battlepack.CompetitorActivity;
import dev.baton.engine.battlepack.Deal;
import dev.baton.engine.battlepack.PurchaseCycle;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.store.BatonStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** The history tables. */
public final class JdbcHistory implements BattlePackHistory {
  private final BatonStore store;

  public JdbcHistory(BatonStore store) {
    this.store = store;
  }

  @Override
  public boolean addDeal(Deal d) {
    return insertIfAbsent("select 1 from baton_bp_deal where deal_id = ?", new Object[] {d.dealId()},
        "insert into baton_bp_deal (deal_id, customer_id, product, stage, amount, discount_pct,"
            + " risk_level, next_step_channel, last_contact_at, closed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.dealId(), d.customerId(), d.product(), d.stage(), d.amount(), d.discountPct(),
        d.riskLevel(), d.nextStepChannel(), d.lastContactAt(), d.closedAt());
  }

  @Override
  public boolean addCompetitorActivity(CompetitorActivity a) {
    return insertIfAbsent("select 1 from baton_bp_competitor_activity where activity_id = ?",
        new Object[] {a.activityId()},
        "insert into baton_bp_competitor_activity (activity_id, region, competitor, product, kind,"
            + " price_change_pct, detail, observed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        a.activityId(), a.region(), a.competitor(), a.product(), a.kind(), a.priceChangePct(),
        a.detail(), a.observedAt());
  }

  @Override
  public boolean addCatalogueUpdate(CatalogueUpdate u) {
    return insertIfAbsent("select 1 from baton_bp_catalogue_update where update_id = ?",
        new Object[] {u.updateId()},
        "insert into baton_bp_catalogue_update (update_id, catalogue, product, change_kind,"
            + " price_cap, detail, effective_at, published_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        u.updateId(), u.catalogue(), u.product(), u.changeKind(), u.priceCap(), u.detail(),
        u.effectiveAt(), u.publishedAt());
  }

  @Override
  public boolean addPurchaseCycle(PurchaseCycle p) {
    return insertIfAbsent("select 1 from baton_bp_purchase_cycle where customer_id = ? and"
            + " cycle_no = ?", new Object[] {p.customerId(), p.cycleNo()},
        "insert into baton_bp_purchase_cycle (customer_id, cycle_no, started_on, ordered_on,"
            + " amount) values (?, ?, ?, ?, ?)",
        p.customerId(), p.cycleNo(), p.startedOn(), p.orderedOn(), p.amount());
  }

  @Override
  public boolean addBehaviourSignal(BehaviourSignal s) {
    return insertIfAbsent("select 1 from baton_bp_behaviour_signal where signal_id = ?",
        new Object[] {s.signalId()},
        "insert into baton_bp_behaviour_signal (signal_id, customer_id, kind, detail, occurred_at)"
            + " values (?, ?, ?, ?, ?)",
        s.signalId(), s.customerId(), s.kind(), s.detail(), s.occurredAt());
  }

  private boolean insertIfAbsent(String exists, Object[] key, String insert, Object... values) {
    try {
      return store.inTransaction(c -> {
        try (PreparedStatement s = c.prepareStatement(exists)) {
          Sql.setAll(s, key);
          try (ResultSet r = s.executeQuery()) {
            if (r.next()) {
              return false;
            }
          }
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
          Sql.setAll(s, values);
          s.executeUpdate();
        }
        return true;
      });
    } catch (RuntimeException e) {
      if (Sql.isDuplicate(e)) {
        return false; // added concurrently
      }
      throw e;
    }
  }

  @Override
  public List<Deal> deals(String customerId) {
    return store.inTransaction(c -> deals(c, customerId));
  }

  private static List<Deal> deals(Connection c, String customerId) throws SQLException {
    List<Deal> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_deal where customer_id"
        + " = ? order by case when closed_at is null then 0 else 1 end,"
        + " coalesce(closed_at, last_contact_at) desc, deal_id")) {
      s.setString(1, customerId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Deal(r.getString("deal_id"), r.getString("customer_id"),
              r.getString("product"), r.getString("stage"), r.getBigDecimal("amount"),
              r.getBigDecimal("discount_pct"), r.getString("risk_level"),
              r.getString("next_step_channel"), Sql.instant(r, "last_contact_at"),
              Sql.instant(r, "closed_at")));
        }
      }
    }
    return out;
  }

  @Override
  public List<CompetitorActivity> competitorActivity(String region, Instant now) {
    return store.inTransaction(c -> competitorActivity(c, region, now));
  }

  private static List<CompetitorActivity> competitorActivity(Connection c, String region,
      Instant now) throws SQLException {
    List<CompetitorActivity> out = new ArrayList<>();
    if (region == null) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_competitor_activity"
        + " where region = ? and observed_at > ? and observed_at <= ?"
        + " order by observed_at desc, activity_id")) {
      Sql.setAll(s, region, now.minus(COMPETITOR_WINDOW), now);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new CompetitorActivity(r.getString("activity_id"), r.getString("region"),
              r.getString("competitor"), r.getString("product"), r.getString("kind"),
              r.getBigDecimal("price_change_pct"), r.getString("detail"),
              Sql.instant(r, "observed_at")));
        }
      }
    }
    return out;
  }

  @Override
  public List<CatalogueUpdate> catalogueUpdates(List<String> products, Instant now) {
    return store.inTransaction(c -> catalogueUpdates(c, products, now));
  }

  private static List<CatalogueUpdate> catalogueUpdates(Connection c, List<String> products,
      Instant now) throws SQLException {
    List<CatalogueUpdate> out = new ArrayList<>();
    if (products.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", Collections.nCopies(products.size(), "?"));
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_catalogue_update"
        + " where product in (" + marks + ") and published_at > ? and published_at <= ?"
        + " order by published_at desc, update_id")) {
      List<Object> args = new ArrayList<>(products);
      args.add(now.minus(CATALOGUE_WINDOW));
      args.add(now);
      Sql.setAll(s, args.toArray());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new CatalogueUpdate(r.getString("update_id"), r.getString("catalogue"),
              r.getString("product"), r.getString("change_kind"), r.getBigDecimal("price_cap"),
              r.getString("detail"), Sql.instant(r, "effective_at"),
              Sql.instant(r, "published_at")));
        }
      }
    }
    return out;
  }

  @Override
  public List<PurchaseCycle> lastPurchaseCycles(String customerId, int n, Instant now) {
    return store.inTransaction(c -> lastPurchaseCycles(c, customerId, n, now));
  }

  private static List<PurchaseCycle> lastPurchaseCycles(Connection c, String customerId, int n,
      Instant now) throws SQLException {
    List<PurchaseCycle> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_purchase_cycle where"
        + " customer_id = ? and ordered_on <= ? order by ordered_on desc, cycle_no desc")) {
      Sql.setAll(s, customerId, LocalDate.ofInstant(now, ZoneOffset.UTC));
      s.setMaxRows(n);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new PurchaseCycle(r.getString("customer_id"), r.getInt("cycle_no"),
              Sql.date(r, "started_on"), Sql.date(r, "ordered_on"), r.getBigDecimal("amount")));
        }
      }
    }
    Collections.reverse(out);
    return out;
  }

  @Override
  public List<BehaviourSignal> signals(String customerId, Instant now) {
    return store.inTransaction(c -> signals(c, customerId, now));
  }

  private static List<BehaviourSignal> signals(Connection c, String customerId, Instant now)
      throws SQLException {
    List<BehaviourSignal> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_behaviour_signal where"
        + " customer_id = ? and occurred_at > ? and occurred_at <= ?"
        + " order by occurred_at desc, signal_id")) {
      Sql.setAll(s, customerId, now.minus(SIGNAL_WINDOW), now);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new BehaviourSignal(r.getString("signal_id"), r.getString("customer_id"),
              r.getString("kind"), r.getString("detail"), Sql.instant(r, "occurred_at")));
        }
      }
    }
    return out;
  }

  @Override
  public BattlePackContext gather(VisitRequest visit, String decisionId, String customerName,
      String region, Instant now) {
    return store.inTransaction(c -> {
      List<Deal> deals = deals(c, visit.customerId()).stream()
          .filter(d -> d.closedAt() == null || !d.closedAt().isAfter(now)).toList();
      List<String> products = new ArrayList<>(new LinkedHashSet<>(
          deals.stream().map(Deal::product).toList()));
      return new BattlePackContext(visit, decisionId, customerName, region, now, deals,
          competitorActivity(c, region, now), catalogueUpdates(c, products, now),
          lastPurchaseCycles(c, visit.customerId(), PURCHASE_CYCLES, now),
          signals(c, visit.customerId(), now));
    });
  }
}
