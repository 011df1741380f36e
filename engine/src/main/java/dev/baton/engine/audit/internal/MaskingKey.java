package dev.baton.engine.audit.internal;

import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;

/**
 * The database's own key of masking pseudonyms (table {@code baton_masking_key}, one row):
 * generated at random by the first export that needs it and committed before it is used, so
 * every later export — after a restart, or from another process on the same database — uses the
 * same key. Two processes generating at once: one insert wins, the other reads the winner's.
 */
final class MaskingKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MaskingKey() {}

  static String of(BatonStore store) {
    String found = store.inTransaction(MaskingKey::read);
    if (found != null) {
      return found;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      store.inTransaction(c -> {
        try (PreparedStatement q = c.prepareStatement(
            "insert into baton_masking_key (id, secret, created_at) values (1, ?, ?)")) {
          q.setString(1, generated);
          DecisionRows.setInstant(q, 2, Instant.now());
          q.executeUpdate();
        }
        return null;
      });
      return generated;
    } catch (StoreException e) {
      // another process stored its key first: use that one
      String winner = store.inTransaction(MaskingKey::read);
      if (winner == null) {
        throw e;
      }
      return winner;
    }
  }

  private static String read(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "select secret from baton_masking_key where id = 1");
        ResultSet r = q.executeQuery()) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
