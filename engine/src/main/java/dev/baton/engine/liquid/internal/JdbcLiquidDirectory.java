package dev.baton.engine.liquid.internal;

import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CampaignStatus;
import dev.baton.engine.liquid.CustomerOutcome;
import dev.baton.engine.liquid.FormationMode;
import dev.baton.engine.liquid.LiquidDirectory;
import dev.baton.engine.liquid.LiquidInputException;
import dev.baton.engine.liquid.Person;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.liquid.UnitMember;
import dev.baton.engine.liquid.UnitStatus;
import dev.baton.engine.store.BatonStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LiquidDirectory} on JDBC: upserts as delete + insert in one transaction. */
public final class JdbcLiquidDirectory implements LiquidDirectory {
  private static final String UNIT_COLUMNS = "id, campaign_id, status, mode, formed_at,"
      + " formed_by, decision_id, dissolved_at, process_instance_key";
  private final BatonStore store;

  public JdbcLiquidDirectory(BatonStore store) {
    this.store = store;
  }

  @Override
  public void savePerson(Person person) {
    savePeople(List.of(person));
  }

  @Override
  public void savePeople(List<Person> people) {
    store.inTransaction(c -> {
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement del = c.prepareStatement(
              "delete from baton_liquid_person where id = ?");
          PreparedStatement ins = c.prepareStatement("insert into baton_liquid_person"
              + " (id, name, department, region, passport, updated_at) values (?, ?, ?, ?, ?, ?)")) {
        for (Person p : people) {
          del.setString(1, p.id());
          del.addBatch();
          ins.setString(1, p.id());
          ins.setString(2, p.name());
          ins.setString(3, p.department());
          ins.setString(4, p.region());
          ins.setString(5, LiquidJson.passport(p.passport()));
          ins.setTimestamp(6, now);
          ins.addBatch();
        }
        del.executeBatch();
        ins.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Optional<Person> person(String id) {
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement("select id, name, department, region,"
          + " passport from baton_liquid_person where id = ?")) {
        q.setString(1, id);
        try (ResultSet r = q.executeQuery()) {
          return r.next() ? Optional.of(person(r)) : Optional.<Person>empty();
        }
      }
    });
  }

  @Override
  public List<Person> people() {
    return store.inTransaction(c -> {
      List<Person> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("select id, name, department, region,"
          + " passport from baton_liquid_person order by id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(person(r));
        }
      }
      return out;
    });
  }

  private static Person person(ResultSet r) throws SQLException {
    return new Person(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        LiquidJson.passport(r.getString(5)));
  }

  @Override
  public void saveCampaign(Campaign campaign) {
    store.inTransaction(c -> {
      Optional<Campaign> old = campaign(c, campaign.id());
      if (old.isPresent()) {
        if (old.get().status() != CampaignStatus.OPEN) {
          throw new LiquidInputException("Campaign " + campaign.id() + " is "
              + old.get().status() + ": its demand list can no longer change. Post a new"
              + " campaign instead.");
        }
        try (PreparedStatement del = c.prepareStatement(
            "delete from baton_liquid_campaign where id = ?")) {
          del.setString(1, campaign.id());
          del.executeUpdate();
        }
      }
      try (PreparedStatement ins = c.prepareStatement("insert into baton_liquid_campaign (id,"
          + " name, customer_id, region, demand, exit_rules, demand_at, ends_at, sla, status,"
          + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ins.setString(1, campaign.id());
        ins.setString(2, campaign.name());
        ins.setString(3, campaign.customerId());
        ins.setString(4, campaign.region());
        ins.setString(5, LiquidJson.demand(campaign.demand()));
        ins.setString(6, LiquidJson.exitRules(campaign.exitRules()));
        ins.setTimestamp(7, Timestamp.from(campaign.demandAt()));
        ins.setTimestamp(8, Timestamp.from(campaign.endsAt()));
        ins.setString(9, campaign.sla().toString());
        ins.setString(10, campaign.status().name());
        ins.setTimestamp(11, Timestamp.from(Instant.now()));
        ins.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Campaign> campaign(String id) {
    return store.inTransaction(c -> campaign(c, id));
  }

  private static final String CAMPAIGN_SELECT = "select id, name, customer_id, region, demand,"
      + " exit_rules, demand_at, ends_at, sla, status from baton_liquid_campaign";

  private static Optional<Campaign> campaign(Connection c, String id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(CAMPAIGN_SELECT + " where id = ?")) {
      q.setString(1, id);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(campaign(r)) : Optional.empty();
      }
    }
  }

  @Override
  public List<Campaign> campaigns() {
    return store.inTransaction(c -> {
      List<Campaign> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(CAMPAIGN_SELECT
          + " order by demand_at desc, id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(campaign(r));
        }
      }
      return out;
    });
  }

  private static Campaign campaign(ResultSet r) throws SQLException {
    return new Campaign(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        LiquidJson.demand(r.getString(5)), LiquidJson.exitRules(r.getString(6)),
        r.getTimestamp(7).toInstant(), r.getTimestamp(8).toInstant(),
        Duration.parse(r.getString(9)), CampaignStatus.valueOf(r.getString(10)));
  }

  @Override
  public void saveUnit(Unit unit) {
    store.inTransaction(c -> {
      Campaign campaign = campaign(c, unit.campaignId()).orElseThrow(() ->
          new LiquidInputException("No campaign " + unit.campaignId() + ": post its demand"
              + " list first."));
      for (Unit u : unitsOf(c, unit.campaignId())) {
        if (u.status() != UnitStatus.DISSOLVED) {
          throw new LiquidInputException("Campaign " + unit.campaignId() + " already has unit "
              + u.id() + " (" + u.status() + "): dissolve it before forming another.");
        }
      }
      try (PreparedStatement ins = c.prepareStatement("insert into baton_liquid_unit ("
          + UNIT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ins.setString(1, unit.id());
        ins.setString(2, unit.campaignId());
        ins.setString(3, unit.status().name());
        ins.setString(4, unit.mode().name());
        ins.setTimestamp(5, Timestamp.from(unit.formedAt()));
        ins.setString(6, unit.formedBy());
        ins.setString(7, unit.decisionId());
        ins.setTimestamp(8, unit.dissolvedAt() == null ? null : Timestamp.from(unit.dissolvedAt()));
        ins.setLong(9, unit.processInstanceKey());
        ins.executeUpdate();
      }
      insertMembers(c, unit.id(), unit.members());
      setCampaignStatus(c, campaign.id(), CampaignStatus.STAFFED);
      return null;
    });
  }

  private static void insertMembers(Connection c, String unitId, List<UnitMember> members)
      throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("insert into baton_liquid_member (unit_id,"
        + " person_id, role, joined_at, left_at) values (?, ?, ?, ?, ?)")) {
      for (UnitMember m : members) {
        ins.setString(1, unitId);
        ins.setString(2, m.personId());
        ins.setString(3, m.role());
        ins.setTimestamp(4, Timestamp.from(m.joinedAt()));
        ins.setTimestamp(5, m.leftAt() == null ? null : Timestamp.from(m.leftAt()));
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  private static void setCampaignStatus(Connection c, String campaignId, CampaignStatus status)
      throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "update baton_liquid_campaign set status = ? where id = ?")) {
      up.setString(1, status.name());
      up.setString(2, campaignId);
      up.executeUpdate();
    }
  }

  @Override
  public Optional<Unit> unit(String id) {
    return store.inTransaction(c -> unit(c, id));
  }

  private static Optional<Unit> unit(Connection c, String id) throws SQLException {
    List<Unit> found = units(c, " where id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Unit> unitsOf(String campaignId) {
    return store.inTransaction(c -> unitsOf(c, campaignId));
  }

  private static List<Unit> unitsOf(Connection c, String campaignId) throws SQLException {
    return units(c, " where campaign_id = ?", campaignId);
  }

  @Override
  public List<Unit> units() {
    return store.inTransaction(c -> units(c, "", null));
  }

  private static List<Unit> units(Connection c, String where, String arg) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("select " + UNIT_COLUMNS
        + " from baton_liquid_unit" + where + " order by formed_at desc, id")) {
      if (arg != null) {
        q.setString(1, arg);
      }
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          Timestamp dissolved = r.getTimestamp(8);
          rows.add(new Object[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              r.getTimestamp(5).toInstant(), r.getString(6), r.getString(7),
              dissolved == null ? null : dissolved.toInstant(), r.getLong(9)});
        }
      }
    }
    List<Unit> out = new ArrayList<>();
    for (Object[] row : rows) {
      String id = (String) row[0];
      out.add(new Unit(id, (String) row[1], UnitStatus.valueOf((String) row[2]),
          FormationMode.valueOf((String) row[3]), (Instant) row[4], (String) row[5],
          (String) row[6], (Instant) row[7], (Long) row[8], members(c, id)));
    }
    return out;
  }

  private static List<UnitMember> members(Connection c, String unitId) throws SQLException {
    List<UnitMember> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("select person_id, role, joined_at, left_at"
        + " from baton_liquid_member where unit_id = ? order by joined_at, role, person_id")) {
      q.setString(1, unitId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          Timestamp left = r.getTimestamp(4);
          out.add(new UnitMember(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
              left == null ? null : left.toInstant()));
        }
      }
    }
    return out;
  }

  @Override
  public Unit setStatus(String unitId, UnitStatus status) {
    return store.inTransaction(c -> {
      Unit unit = unit(c, unitId).orElseThrow(() -> unknownUnit(unitId));
      if (unit.status() == UnitStatus.DISSOLVED) {
        return unit;
      }
      try (PreparedStatement up = c.prepareStatement(
          "update baton_liquid_unit set status = ? where id = ?")) {
        up.setString(1, status.name());
        up.setString(2, unitId);
        up.executeUpdate();
      }
      return unit(c, unitId).orElseThrow();
    });
  }

  @Override
  public void setProcessInstance(String unitId, long processInstanceKey) {
    store.inTransaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "update baton_liquid_unit set process_instance_key = ? where id = ?")) {
        up.setLong(1, processInstanceKey);
        up.setString(2, unitId);
        if (up.executeUpdate() == 0) {
          throw unknownUnit(unitId);
        }
      }
      return null;
    });
  }

  @Override
  public Unit confirm(String unitId, List<UnitMember> members, String lead, Instant at) {
    return store.inTransaction(c -> {
      Unit unit = unit(c, unitId).orElseThrow(() -> unknownUnit(unitId));
      if (unit.status() != UnitStatus.PROPOSED) {
        throw new LiquidInputException("Unit " + unitId + " is " + unit.status()
            + ", not PROPOSED: only a proposed unit is confirmed.");
      }
      if (members.isEmpty()) {
        throw new LiquidInputException("Unit " + unitId + ": confirm at least one member.");
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (UnitMember m : members) {
        if (!seen.add(m.personId())) {
          throw new LiquidInputException("Unit " + unitId + ": " + m.personId()
              + " is listed twice; a person takes one role in a unit.");
        }
        try (PreparedStatement q = c.prepareStatement(
            "select 1 from baton_liquid_person where id = ?")) {
          q.setString(1, m.personId());
          try (ResultSet r = q.executeQuery()) {
            if (!r.next()) {
              throw new LiquidInputException("Unit " + unitId + ": no person " + m.personId()
                  + " in the directory.");
            }
          }
        }
      }
      try (PreparedStatement del = c.prepareStatement(
          "delete from baton_liquid_member where unit_id = ?")) {
        del.setString(1, unitId);
        del.executeUpdate();
      }
      insertMembers(c, unitId, members.stream().map(m -> new UnitMember(m.personId(), m.role(),
          at, null)).toList());
      try (PreparedStatement up = c.prepareStatement("update baton_liquid_unit set status = ?,"
          + " formed_at = ?, formed_by = ? where id = ?")) {
        up.setString(1, UnitStatus.ACTIVE.name());
        up.setTimestamp(2, Timestamp.from(at));
        up.setString(3, lead);
        up.setString(4, unitId);
        up.executeUpdate();
      }
      return unit(c, unitId).orElseThrow();
    });
  }

  @Override
  public Unit dissolve(String unitId, Instant at) {
    return store.inTransaction(c -> {
      Unit unit = unit(c, unitId).orElseThrow(() -> unknownUnit(unitId));
      if (unit.status() == UnitStatus.DISSOLVED) {
        return unit;
      }
      try (PreparedStatement up = c.prepareStatement("update baton_liquid_member set left_at = ?"
          + " where unit_id = ? and left_at is null")) {
        up.setTimestamp(1, Timestamp.from(at));
        up.setString(2, unitId);
        up.executeUpdate();
      }
      try (PreparedStatement up = c.prepareStatement("update baton_liquid_unit set status = ?,"
          + " dissolved_at = ? where id = ?")) {
        up.setString(1, UnitStatus.DISSOLVED.name());
        up.setTimestamp(2, Timestamp.from(at));
        up.setString(3, unitId);
        up.executeUpdate();
      }
      setCampaignStatus(c, unit.campaignId(), CampaignStatus.CLOSED);
      return unit(c, unitId).orElseThrow();
    });
  }

  @Override
  public Map<String, Integer> activeUnitCounts() {
    return store.inTransaction(c -> {
      Map<String, Integer> out = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement("select m.person_id, count(*) from"
          + " baton_liquid_member m join baton_liquid_unit u on u.id = m.unit_id"
          + " where m.left_at is null and u.status <> 'DISSOLVED' group by m.person_id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getInt(2));
        }
      }
      return out;
    });
  }

  @Override
  public void saveOutcome(CustomerOutcome outcome) {
    store.inTransaction(c -> {
      try (PreparedStatement del = c.prepareStatement(
          "delete from baton_liquid_outcome where customer_id = ?")) {
        del.setString(1, outcome.customerId());
        del.executeUpdate();
      }
      try (PreparedStatement ins = c.prepareStatement("insert into baton_liquid_outcome"
          + " (customer_id, renewed, partners_added, updated_at) values (?, ?, ?, ?)")) {
        ins.setString(1, outcome.customerId());
        ins.setBoolean(2, outcome.renewed());
        ins.setInt(3, outcome.partnersAdded());
        ins.setTimestamp(4, Timestamp.from(Instant.now()));
        ins.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Map<String, CustomerOutcome> outcomes() {
    return store.inTransaction(c -> {
      Map<String, CustomerOutcome> out = new java.util.TreeMap<>();
      try (PreparedStatement q = c.prepareStatement("select customer_id, renewed,"
          + " partners_added from baton_liquid_outcome");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), new CustomerOutcome(r.getString(1), r.getBoolean(2),
              r.getInt(3)));
        }
      }
      return out;
    });
  }

  private static LiquidInputException unknownUnit(String unitId) {
    return new LiquidInputException("No unit " + unitId + ": list the units with GET"
        + " /api/v1/liquid/units or 'baton liquid units'.");
  }
}
