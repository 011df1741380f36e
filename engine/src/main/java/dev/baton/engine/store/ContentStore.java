package dev.baton.engine.store;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Canonical rule-pack content by SHA-256, written once and never changed: what a decision
 * record's pack hash points to, so that replay evaluates exactly the pack that decided.
 */
public final class ContentStore {
  private final BatonStore store;

  ContentStore(BatonStore store) {
    this.store = store;
  }

  /** Stores a pack's canonical content if it is not there yet; returns its hash. */
  public String put(RulePack pack) {
    String json = RulePacks.canonicalJson(pack);
    String hash = RulePacks.contentHash(pack);
    store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "select 1 from baton_pack_content where hash = ?")) {
        q.setString(1, hash);
        try (ResultSet r = q.executeQuery()) {
          if (r.next()) {
            return null;
          }
        }
      }
      try (PreparedStatement ins = c.prepareStatement("insert into baton_pack_content"
          + " (hash, pack_id, version, content, stored_at) values (?, ?, ?, ?, ?)")) {
        ins.setString(1, hash);
        ins.setString(2, pack.id());
        ins.setString(3, pack.version());
        ins.setString(4, json);
        ins.setTimestamp(5, Timestamp.from(Instant.now()));
        ins.executeUpdate();
      } catch (java.sql.SQLException e) {
        // a concurrent writer stored the same content first: content-addressed, so fine
        if (!get(hash).isPresent()) {
          throw e;
        }
      }
      return null;
    });
    return hash;
  }

  /** The pack with this content hash. */
  public Optional<RulePack> get(String hash) {
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "select content from baton_pack_content where hash = ?")) {
        q.setString(1, hash);
        try (ResultSet r = q.executeQuery()) {
          return r.next()
              ? Optional.of(RulePacks.parse(hash + ".json", r.getString(1)))
              : Optional.<RulePack>empty();
        }
      }
    });
  }
}
