package dev.baton.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/** Data sources for the databases Baton supports. */
public final class Databases {
  /** The default data directory, relative to the working directory; {@code BATON_DATA_DIR} overrides it. */
  public static final String DEFAULT_DATA_DIR = "data";

  private Databases() {}

  /** The data directory: {@code BATON_DATA_DIR} or {@code ./data}. */
  public static Path defaultDataDir() {
    String env = System.getenv("BATON_DATA_DIR");
    return Path.of(env == null || env.isBlank() ? DEFAULT_DATA_DIR : env);
  }

  /** The JDBC URL of the H2 file database in a data directory. */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("baton")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
  }

  /**
   * The default database: the H2 file in {@link #defaultDataDir()}, with {@code
   * AUTO_SERVER=TRUE}: the first process opens the file and serves it on loopback to the
   * others, so the CLI works on the database of a running designer or {@code baton serve}.
   */
  public static String defaultUrl() {
    return sharedH2Url(defaultDataDir());
  }

  /**
   * The JDBC URL of the H2 file database in a data directory, shared with other processes
   * ({@code AUTO_SERVER=TRUE}; H2 refuses it together with {@code DB_CLOSE_ON_EXIT=FALSE}, so the
   * database closes with the JVM).
   */
  public static String sharedH2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("baton")
        + ";LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
  }

  /**
   * A pooled data source for a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...});
   * user and password may be null (or given in the URL). Close it when done.
   */
  public static HikariDataSource pooled(String jdbcUrl, String user, String password) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    if (user != null) {
      c.setUsername(user);
    }
    if (password != null) {
      c.setPassword(password);
    }
    c.setMaximumPoolSize(8);
    c.setPoolName("baton");
    return new HikariDataSource(c);
  }

  /** A pooled data source for a JDBC URL with credentials in it (or none needed). */
  public static HikariDataSource pooled(String jdbcUrl) {
    return pooled(jdbcUrl, null, null);
  }

  /**
   * The data source with durable commits: every store commits through it, so a write that was
   * acknowledged survives a crash of the process. On PostgreSQL a commit is durable when it
   * returns (its write-ahead log is flushed); on an H2 file it is not — H2 writes committed
   * changes to its file up to a second later — so after a commit of a transaction that wrote,
   * and after a write in auto-commit mode, the connections force it into the file ({@code
   * CHECKPOINT}) before returning, one checkpoint for all the commits that wait at the same time.
   * That survives the process being killed; like H2 itself it does not promise to survive a
   * power failure of the machine.
   *
   * <p>{@code CHECKPOINT} needs H2 admin rights (the user that created the database has them);
   * without them a warning is logged once and commits return as H2 alone makes them. Idempotent:
   * a durable data source is returned as it is. {@link BatonStore#open} applies it; an
   * application that writes its own tables through the same database (with JDBC, Spring's
   * {@code JdbcTemplate} or transactions) should use the wrapped data source for those too.
   * Closing the returned data source closes the given one when that is closeable (a pool).
   */
  public static DataSource durable(DataSource dataSource) {
    return dev.baton.engine.store.internal.DurableDataSource.of(dataSource);
  }

  /** Which database a data source talks to. */
  public static Dialect dialectOf(DataSource ds) {
    try (var c = ds.getConnection()) {
      String name = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      return name.contains("postgres") ? Dialect.POSTGRESQL : Dialect.H2;
    } catch (java.sql.SQLException e) {
      throw new StoreException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /** The databases Baton supports. */
  public enum Dialect {
    H2,
    POSTGRESQL
  }
}
