package dev.baton.engine.consent;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.time.Instant;
import java.util.List;

/** Test support: a ledger on a fresh database, and short ways to write consent records. */
final class Ledgers implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private final HikariDataSource dataSource;
  final ConsentLedger ledger;

  private Ledgers(HikariDataSource dataSource, ConsentPolicy policy) {
    this.dataSource = dataSource;
    this.ledger = ConsentLedger.on(BatonStore.open(dataSource), policy);
  }

  /** A ledger with the default policy on a fresh database of that kind ("h2", "postgresql"). */
  static Ledgers fresh(String db) {
    return fresh(db, ConsentPolicy.defaults());
  }

  static Ledgers fresh(String db, ConsentPolicy policy) {
    return new Ledgers(TestDatabases.fresh(db), policy);
  }

  static List<String> databases() {
    return TestDatabases.names();
  }

  /** Adds a customer with a name made from the id. */
  Ledgers customer(String id) {
    ledger.upsertCustomer(new Customer(id, "Customer " + id, "华东", "REP-07"));
    return this;
  }

  static ConsentRecord consent(String customerId, Channel channel, Purpose purpose,
      ConsentStatus status, String evidenceId, String recordedAt) {
    return consent(customerId, channel, purpose, status, evidenceId, recordedAt, null);
  }

  static ConsentRecord consent(String customerId, Channel channel, Purpose purpose,
      ConsentStatus status, String evidenceId, String recordedAt, String expiresAt) {
    ConsentSource source = switch (channel) {
      case EMAIL -> ConsentSource.WEBSITE_OPT_IN;
      case WECHAT -> ConsentSource.WECHAT_AUTHORIZATION;
      case SMS, VOICE -> status == ConsentStatus.GRANTED ? ConsentSource.EVENT_QR_CODE
          : ConsentSource.SERVICE_HOTLINE;
    };
    return new ConsentRecord(customerId, channel, purpose, status, source, evidenceId,
        Instant.parse(recordedAt), expiresAt == null ? null : Instant.parse(expiresAt));
  }

  /** Grants every pair of the default policy, without expiry, recorded in March 2026. */
  Ledgers grantDefaults(String customerId) {
    for (ConsentPair p : ConsentPolicy.defaults().required()) {
      ledger.record(consent(customerId, p.channel(), p.purpose(), ConsentStatus.GRANTED,
          "EV-" + customerId + "-" + p, "2026-03-12T09:00:00Z"));
    }
    return this;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
