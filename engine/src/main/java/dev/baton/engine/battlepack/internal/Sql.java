package dev.baton.engine.battlepack.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the battle-pack tables. */
final class Sql {
  private Sql() {}

  static void set(PreparedStatement s, int i, Object v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.NULL);
    } else if (v instanceof Instant t) {
      s.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    } else if (v instanceof LocalDate d) {
      s.setDate(i, Date.valueOf(d));
    } else if (v instanceof BigDecimal d) {
      s.setBigDecimal(i, d);
    } else if (v instanceof Long l) {
      s.setLong(i, l);
    } else if (v instanceof Integer n) {
      s.setInt(i, n);
    } else {
      s.setString(i, v.toString());
    }
  }

  static void setAll(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      set(s, i + 1, values[i]);
    }
  }

  static Instant instant(ResultSet r, String column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static LocalDate date(ResultSet r, String column) throws SQLException {
    Date d = r.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  /** A plain decimal without trailing zeros beyond the scale stored (12.50 stays 12.50). */
  static BigDecimal decimal(ResultSet r, String column) throws SQLException {
    return r.getBigDecimal(column);
  }

  /** True for a unique or primary key violation (the same SQLSTATE on H2 and PostgreSQL). */
  static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
