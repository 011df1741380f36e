package dev.baton.engine.consent.internal;

import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSource;
import dev.baton.engine.consent.ConsentStatus;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.consent.Purpose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * SQL on baton_customer and baton_consent_record, portable between H2 and PostgreSQL. There is
 * no update or delete of consent records here, on purpose: the ledger is append-only.
 */
final class ConsentTables {
  /** Ids per {@code in (...)} query: well below every driver's parameter limit. */
  private static final int CHUNK = 500;

  private static final String RECORD_COLUMNS = "ledger_id, customer_id, channel, purpose,"
      + " status, source, evidence_id, recorded_at, expires_at, stored_at";

  private ConsentTables() {}

  // --------------------------------------------------------------------------- customers

  /** Inserts or updates a customer; true when it was new. */
  static boolean upsertCustomer(Connection c, Customer customer, Instant now)
      throws SQLException {
    if (updateCustomer(c, customer, now)) {
      return false;
    }
    try (PreparedStatement ins = c.prepareStatement("insert into baton_customer"
        + " (id, name, region, owner, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")) {
      ins.setString(1, customer.id());
      ins.setString(2, customer.name());
      ins.setString(3, customer.region());
      ins.setString(4, customer.owner());
      setInstant(ins, 5, now);
      setInstant(ins, 6, now);
      ins.executeUpdate();
      return true;
    }
  }

  private static boolean updateCustomer(Connection c, Customer customer, Instant now)
      throws SQLException {
    try (PreparedStatement up = c.prepareStatement("update baton_customer"
        + " set name = ?, region = ?, owner = ?, updated_at = ? where id = ?")) {
      up.setString(1, customer.name());
      up.setString(2, customer.region());
      up.setString(3, customer.owner());
      setInstant(up, 4, now);
      up.setString(5, customer.id());
      return up.executeUpdate() > 0;
    }
  }

  static Optional<Customer> customer(Connection c, String id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "select id, name, region, owner from baton_customer where id = ?")) {
      q.setString(1, id);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(customer(r)) : Optional.empty();
      }
    }
  }

  /** Every customer, sorted by id in Java (database collations differ). */
  static List<Customer> customers(Connection c) throws SQLException {
    List<Customer> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(
        "select id, name, region, owner from baton_customer");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        out.add(customer(r));
      }
    }
    out.sort(java.util.Comparator.comparing(Customer::id));
    return out;
  }

  private static Customer customer(ResultSet r) throws SQLException {
    return new Customer(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
  }

  /** Which of these customer ids are in the ledger. */
  static Set<String> knownCustomers(Connection c, Collection<String> ids) throws SQLException {
    return existing(c, "select id from baton_customer where id in ", ids);
  }

  // ----------------------------------------------------------------------------- records

  /** Appends one record; returns its ledger id. */
  static long insert(Connection c, ConsentRecord r, Instant storedAt) throws SQLException {
    try (PreparedStatement ins = c.prepareStatement(insertSql(), new String[] {"ledger_id"})) {
      bind(ins, r, storedAt);
      ins.executeUpdate();
      try (ResultSet keys = ins.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("The database returned no ledger id for the new record.");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Appends records in order, in one batch. */
  static void insertAll(Connection c, List<ConsentRecord> records, Instant storedAt)
      throws SQLException {
    try (PreparedStatement ins = c.prepareStatement(insertSql())) {
      int pending = 0;
      for (ConsentRecord r : records) {
        bind(ins, r, storedAt);
        ins.addBatch();
        if (++pending == CHUNK) {
          ins.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ins.executeBatch();
      }
    }
  }

  private static String insertSql() {
    return "insert into baton_consent_record (customer_id, channel, purpose, status, source,"
        + " evidence_id, recorded_at, expires_at, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  private static void bind(PreparedStatement ins, ConsentRecord r, Instant storedAt)
      throws SQLException {
    ins.setString(1, r.customerId());
    ins.setString(2, r.channel().name());
    ins.setString(3, r.purpose().name());
    ins.setString(4, r.status().name());
    ins.setString(5, r.source().name());
    ins.setString(6, r.evidenceId());
    setInstant(ins, 7, r.recordedAt());
    setInstant(ins, 8, r.expiresAt());
    setInstant(ins, 9, storedAt);
  }

  /** A customer's records in history order. */
  static List<LedgerEntry> history(Connection c, String customerId) throws SQLException {
    List<LedgerEntry> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("select " + RECORD_COLUMNS
        + " from baton_consent_record where customer_id = ? order by recorded_at, ledger_id")) {
      q.setString(1, customerId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(entry(r));
        }
      }
    }
    return out;
  }

  /** The records of several customers, each in history order; customers without any absent. */
  static Map<String, List<LedgerEntry>> histories(Connection c, Collection<String> customerIds)
      throws SQLException {
    Map<String, List<LedgerEntry>> out = new LinkedHashMap<>();
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(customerIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement q = c.prepareStatement("select " + RECORD_COLUMNS
          + " from baton_consent_record where customer_id in " + placeholders(chunk.size())
          + " order by recorded_at, ledger_id")) {
        for (int i = 0; i < chunk.size(); i++) {
          q.setString(i + 1, chunk.get(i));
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            LedgerEntry e = entry(r);
            out.computeIfAbsent(e.consent().customerId(), k -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    return out;
  }

  /**
   * Streams every record, one customer at a time: {@code each} gets a customer id and all its
   * records in history order. Memory holds one customer's records, not the ledger.
   */
  static void forEachCustomer(Connection c, BiConsumer<String, List<LedgerEntry>> each)
      throws SQLException {
    // ordering by customer id keeps each customer's rows together, whatever the collation
    try (PreparedStatement q = c.prepareStatement("select " + RECORD_COLUMNS
        + " from baton_consent_record order by customer_id, recorded_at, ledger_id")) {
      q.setFetchSize(1000);
      try (ResultSet r = q.executeQuery()) {
        String current = null;
        List<LedgerEntry> group = new ArrayList<>();
        while (r.next()) {
          LedgerEntry e = entry(r);
          if (current != null && !current.equals(e.consent().customerId())) {
            each.accept(current, group);
            group = new ArrayList<>();
          }
          current = e.consent().customerId();
          group.add(e);
        }
        if (current != null) {
          each.accept(current, group);
        }
      }
    }
  }

  static Optional<LedgerEntry> byEvidenceId(Connection c, String evidenceId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("select " + RECORD_COLUMNS
        + " from baton_consent_record where evidence_id = ?")) {
      q.setString(1, evidenceId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(entry(r)) : Optional.empty();
      }
    }
  }

  /** The records with these evidence ids, by evidence id. */
  static Map<String, LedgerEntry> byEvidenceIds(Connection c, Collection<String> evidenceIds)
      throws SQLException {
    Map<String, LedgerEntry> out = new LinkedHashMap<>();
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(evidenceIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement q = c.prepareStatement("select " + RECORD_COLUMNS
          + " from baton_consent_record where evidence_id in " + placeholders(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          q.setString(i + 1, chunk.get(i));
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            LedgerEntry e = entry(r);
            out.put(e.evidenceId(), e);
          }
        }
      }
    }
    return out;
  }

  /** Which of these evidence ids are in the ledger. */
  static Set<String> knownEvidence(Connection c, Collection<String> ids) throws SQLException {
    return existing(c, "select evidence_id from baton_consent_record where evidence_id in ", ids);
  }

  private static LedgerEntry entry(ResultSet r) throws SQLException {
    ConsentRecord record = new ConsentRecord(
        r.getString(2),
        Channel.valueOf(r.getString(3)),
        Purpose.valueOf(r.getString(4)),
        ConsentStatus.valueOf(r.getString(5)),
        ConsentSource.valueOf(r.getString(6)),
        r.getString(7),
        instant(r, 8),
        instant(r, 9));
    return new LedgerEntry(r.getLong(1), record, instant(r, 10));
  }

  // ------------------------------------------------------------------------------ helpers

  private static Set<String> existing(Connection c, String sqlPrefix, Collection<String> values)
      throws SQLException {
    Set<String> out = new HashSet<>();
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(values));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement q = c.prepareStatement(sqlPrefix + placeholders(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          q.setString(i + 1, chunk.get(i));
        }
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.add(r.getString(1));
          }
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
  }

  private static void setInstant(PreparedStatement s, int i, Instant t) throws SQLException {
    if (t == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** True for a constraint violation (SQLState class 23): a duplicate key, a missing customer. */
  static boolean isConstraintViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getSQLState() != null && x.getSQLState().startsWith("23")) {
        return true;
      }
    }
    Throwable cause = e.getCause();
    return cause instanceof SQLException s && s != e && isConstraintViolation(s);
  }
}
