package dev.baton.engine.audit.internal;

import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.store.BatonStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading decision rows: queries, keyset pages, the mapping to {@link DecisionRecord}. */
final class DecisionRows {
  static final String COLUMNS = "d.sequence, d.decision_id, d.request_id, d.recorded_at,"
      + " d.evaluated_at, d.actor, d.customer_id, d.pack_refs, d.action_names, d.input,"
      + " d.decision, d.hash";

  private final BatonStore store;

  DecisionRows(BatonStore store) {
    this.store = store;
  }

  Optional<DecisionRecord> one(String column, String value) {
    return row(column, value).map(StoredRow::toRecord);
  }

  /** The row as stored (its documents compressed) whose {@code column} is {@code value}. */
  Optional<StoredRow> row(String column, String value) {
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "select " + COLUMNS + " from baton_decision d where d." + column + " = ?")) {
        q.setString(1, value);
        try (ResultSet r = q.executeQuery()) {
          return r.next() ? Optional.of(map(r)) : Optional.<StoredRow>empty();
        }
      }
    });
  }

  List<DecisionRecord> find(DecisionQuery query) {
    Where w = where(query);
    String sql = "select " + COLUMNS + " from baton_decision d" + w.sql()
        + " order by d.sequence offset ? rows"
        + (query.limit() > 0 ? " fetch next ? rows only" : "");
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(sql)) {
        int i = bind(q, w.params());
        q.setLong(i++, query.offset());
        if (query.limit() > 0) {
          q.setInt(i, query.limit());
        }
        List<DecisionRecord> out = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.add(map(r).toRecord());
          }
        }
        return out;
      }
    });
  }

  long count(DecisionQuery query) {
    return count(query, -1);
  }

  /** How many match, up to {@code maxSequence} when it is not negative. */
  long count(DecisionQuery query, long maxSequence) {
    Where w = where(query);
    String sql = "select count(*) from baton_decision d" + w.sql()
        + (maxSequence < 0 ? "" : (w.sql().isEmpty() ? " where" : " and") + " d.sequence <= ?");
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(sql)) {
        int i = bind(q, w.params());
        if (maxSequence >= 0) {
          q.setLong(i, maxSequence);
        }
        try (ResultSet r = q.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  /** The position of the last committed record (0 for an empty log). */
  long lastSequence() {
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "select sequence from baton_decision_head where id = 1");
          ResultSet r = q.executeQuery()) {
        return r.next() ? r.getLong(1) : 0L;
      }
    });
  }

  /**
   * The matching records after {@code afterSequence} (and up to {@code maxSequence} when it is
   * not negative), in chain order, at most {@code pageSize}: one page of a keyset walk, which
   * holds no transaction open between pages.
   */
  List<StoredRow> page(DecisionQuery query, long afterSequence, long maxSequence,
      int pageSize) {
    Where w = where(query);
    String sql = "select " + COLUMNS + " from baton_decision d" + w.sql()
        + (w.sql().isEmpty() ? " where" : " and") + " d.sequence > ?"
        + (maxSequence >= 0 ? " and d.sequence <= ?" : "")
        + " order by d.sequence fetch first ? rows only";
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(sql)) {
        q.setFetchSize(pageSize);
        int i = bind(q, w.params());
        q.setLong(i++, afterSequence);
        if (maxSequence >= 0) {
          q.setLong(i++, maxSequence);
        }
        q.setInt(i, pageSize);
        List<StoredRow> out = new ArrayList<>(pageSize);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.add(map(r));
          }
        }
        return out;
      }
    });
  }

  /** Every matching record, page by page. */
  void forEach(DecisionQuery query, int pageSize, Consumer<DecisionRecord> action) {
    long after = 0;
    while (true) {
      List<StoredRow> page = page(query, after, -1, pageSize);
      page.forEach(row -> action.accept(row.toRecord()));
      if (page.size() < pageSize) {
        return;
      }
      after = page.get(page.size() - 1).sequence();
    }
  }

  private record Where(String sql, List<Object> params) {}

  private static Where where(DecisionQuery q) {
    List<String> terms = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.customerId() != null) {
      terms.add("d.customer_id = ?");
      params.add(q.customerId());
    }
    if (q.requestId() != null && q.requestId().endsWith("*")) {
      terms.add("d.request_id like ? escape '!'");
      String prefix = q.requestId().substring(0, q.requestId().length() - 1);
      params.add(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    } else if (q.requestId() != null) {
      terms.add("d.request_id = ?");
      params.add(q.requestId());
    }
    if (q.packId() != null) {
      terms.add("exists (select 1 from baton_decision_pack p where p.sequence = d.sequence"
          + " and p.pack_id = ?" + (q.packVersion() != null ? " and p.version = ?" : "") + ")");
      params.add(q.packId());
      if (q.packVersion() != null) {
        params.add(q.packVersion());
      }
    }
    if (q.action() != null) {
      // names are separated by single spaces; '_' is a LIKE wildcard, so escape it
      terms.add("(' ' || d.action_names || ' ') like ? escape '!'");
      params.add("% " + q.action().replace("!", "!!").replace("%", "!%").replace("_", "!_")
          + " %");
    }
    if (q.from() != null) {
      terms.add("d.recorded_at >= ?");
      params.add(q.from());
    }
    if (q.to() != null) {
      terms.add("d.recorded_at < ?");
      params.add(q.to());
    }
    return new Where(terms.isEmpty() ? "" : " where " + String.join(" and ", terms), params);
  }

  private static int bind(PreparedStatement q, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      if (p instanceof Instant t) {
        setInstant(q, i++, t);
      } else {
        q.setString(i++, (String) p);
      }
    }
    return i;
  }

  static void setInstant(PreparedStatement q, int index, Instant t) throws SQLException {
    q.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  static Instant instant(ResultSet r, int index) throws SQLException {
    OffsetDateTime t = r.getObject(index, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static StoredRow map(ResultSet r) throws SQLException {
    return new StoredRow(r.getLong(1), r.getString(2), r.getString(3), instant(r, 4),
        instant(r, 5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
        r.getBytes(10), r.getBytes(11), r.getString(12));
  }

  /** {@code id@version#hash} per pack, separated by spaces. */
  static String packRefs(List<Decision.PackRef> packs) {
    StringBuilder b = new StringBuilder(packs.size() * 100);
    for (Decision.PackRef p : packs) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(p.id()).append('@').append(p.version()).append('#').append(p.hash());
    }
    return b.toString();
  }

  static List<Decision.PackRef> parsePackRefs(String text) {
    List<Decision.PackRef> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String ref : text.split(" ")) {
      int at = ref.indexOf('@');
      int hash = ref.lastIndexOf('#');
      if (at < 0 || hash < at) {
        // a changed row: keep what is there, verify will name the record
        out.add(new Decision.PackRef(ref, "", ""));
      } else {
        out.add(new Decision.PackRef(ref.substring(0, at), ref.substring(at + 1, hash),
            ref.substring(hash + 1)));
      }
    }
    return out;
  }

  /** Distinct names in order, separated by single spaces (action names have no spaces). */
  static String actionNames(List<String> names) {
    return String.join(" ", names.stream().distinct().toList());
  }

  static List<String> parseActionNames(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }
}
