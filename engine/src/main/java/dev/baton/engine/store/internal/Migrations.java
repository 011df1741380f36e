package dev.baton.engine.store.internal;

import dev.baton.engine.store.StoreException;
import java.sql.Connection;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Runs Baton's Liquibase changelogs. */
public final class Migrations {
  /** The master changelog on the classpath. */
  public static final String MASTER = "db/changelog/baton-master.yaml";

  private Migrations() {}

  /** Creates or upgrades the schema; safe to call on every start. */
  public static synchronized void run(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      Database db = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(c));
      @SuppressWarnings("deprecation")
      Liquibase lb = new Liquibase(MASTER,
          new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), db);
      // Liquibase prints its messages and its update summary to the console by default; an
      // embedded library must not write to stdout (decision exports go there), so both go to
      // the log instead.
      lb.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
      Map<String, Object> scope = new HashMap<>();
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
      Scope.child(scope, () -> lb.update(""));
    } catch (Exception e) {
      throw new StoreException("Cannot create or upgrade the Baton schema: " + e.getMessage(), e);
    }
  }
}
