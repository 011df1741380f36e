package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.BatonOptions;
import dev.baton.engine.store.Databases;
import picocli.CommandLine.Option;

/**
 * The options of every command that works on the Baton database: which database and with which
 * credentials. Opening it creates or upgrades the schema.
 */
final class DatabaseOptions {

  @Option(names = "--db", paramLabel = "<jdbc-url>",
      description = "The database, e.g. jdbc:h2:file:/srv/baton/baton or"
          + " jdbc:postgresql://db:5432/baton (default: the H2 file under ./data, or under"
          + " $BATON_DATA_DIR).")
  String url;

  @Option(names = "--db-user", paramLabel = "<user>", description = "The database user.")
  String user;

  @Option(names = "--db-password", paramLabel = "<password>",
      defaultValue = "${env:BATON_DB_PASSWORD}",
      description = "The database password (default: $BATON_DB_PASSWORD; prefer the variable,"
          + " a command line is visible to other users).")
  String password;

  /** The JDBC URL in use. */
  String url() {
    return url == null || url.isBlank() ? Databases.defaultUrl() : url;
  }

  /**
   * Opens Baton on the database, creating or upgrading its schema. Whatever goes wrong while
   * connecting (no driver for the URL, no server, wrong password, a file in use by another
   * process) is a {@link BatonException} naming the database.
   */
  Baton open() {
    // the schema check writes nothing to stdout (the engine sends Liquibase's output to its
    // log), so an export piped from stdout stays clean
    try {
      return Baton.open(BatonOptions.database(url()).withCredentials(blankToNull(user),
          blankToNull(password)));
    } catch (RuntimeException e) {
      throw new BatonException("Cannot open the database " + url() + ": " + rootMessage(e)
          + ". Check --db (a jdbc:h2:file:... or jdbc:postgresql://... URL), --db-user and"
          + " --db-password or BATON_DB_PASSWORD"
          + (url().startsWith("jdbc:h2:") ? "; an H2 file can be open in one process at a"
              + " time." : "."));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The innermost message: connection pools wrap the driver's reason several times. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    m = m.strip();
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }
}
