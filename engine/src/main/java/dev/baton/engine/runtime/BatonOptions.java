package dev.baton.engine.runtime;

import dev.baton.engine.store.Databases;

/**
 * How to open Baton.
 *
 * @param jdbcUrl the database; {@link Databases#defaultUrl()} (an H2 file under ./data) by default
 * @param user the database user, or null (H2, or credentials in the URL)
 * @param password the database password, or null
 * @param recordDecisions whether {@link Baton#decide} records decisions (on by default)
 */
public record BatonOptions(String jdbcUrl, String user, String password,
    boolean recordDecisions) {

  /** The embedded defaults: H2 file database under the data directory, recording on. */
  public static BatonOptions defaults() {
    return new BatonOptions(Databases.defaultUrl(), null, null, true);
  }

  /** The defaults with another database. */
  public static BatonOptions database(String jdbcUrl) {
    return new BatonOptions(jdbcUrl == null ? Databases.defaultUrl() : jdbcUrl, null, null, true);
  }

  /** The same options with credentials. */
  public BatonOptions withCredentials(String newUser, String newPassword) {
    return new BatonOptions(jdbcUrl, newUser, newPassword, recordDecisions);
  }
}
