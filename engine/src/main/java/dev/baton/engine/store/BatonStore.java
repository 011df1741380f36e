package dev.baton.engine.store;

import dev.baton.engine.store.internal.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A migrated Baton database. {@link #open(DataSource)} creates or upgrades the schema; the
 * capabilities (pack repository, decision log, consent ledger) are built on it. Thread-safe.
 */
public final class BatonStore {
  private final DataSource dataSource;
  private final Databases.Dialect dialect;
  private final ContentStore contents;

  private BatonStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dialect = Databases.dialectOf(dataSource);
    this.contents = new ContentStore(this);
  }

  /**
   * Migrates the schema (Liquibase) and returns the store, on the data source made {@linkplain
   * Databases#durable durable}: every store built on it commits durably before it acknowledges.
   */
  public static BatonStore open(DataSource dataSource) {
    DataSource durable = Databases.durable(dataSource);
    Migrations.run(durable);
    return new BatonStore(durable);
  }

  /** The data source, with durable commits ({@link Databases#durable}). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** H2 or PostgreSQL. */
  public Databases.Dialect dialect() {
    return dialect;
  }

  /** Pack content by hash. */
  public ContentStore contents() {
    return contents;
  }

  /** Work on one connection in one transaction: committed when it returns, rolled back on a throw. */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  /** Work with a connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
