package dev.baton.engine.consent;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability of the consent ledger: a child JVM records consent from 4 threads and is killed
 * with SIGKILL while it does; every record the ledger acknowledged is in it once afterwards.
 */
class ConsentCrashTest {
  private static final int THREADS = 4;
  private static final int ACKS_BEFORE_KILL = 150;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedConsentRecordWhenTheProcessIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child recording consent on 4 threads
      // when: it is killed with SIGKILL while it records
      List<String> acknowledged = CrashHarness.run(ConsentCrashTest.class, database,
          ACKS_BEFORE_KILL).acknowledged();

      // then: every acknowledged record is in the ledger, once
      try (HikariDataSource ds = database.open()) {
        ConsentLedger ledger = ConsentLedger.on(BatonStore.open(ds));
        List<String> found = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          ledger.history(customer(t)).forEach(e -> found.add(e.consent().evidenceId()));
        }
        CrashHarness.assertKeptOnce(acknowledged, found);
      }
    }
  }

  private static String customer(int thread) {
    return "C-CRASH-" + thread;
  }

  /** The child: records consent until it is killed; prints ACK with each evidence id. */
  public static void main(String[] args) throws Exception {
    ConsentLedger ledger = ConsentLedger.on(BatonStore.open(CrashHarness.dataSource(args)));
    for (int t = 0; t < THREADS; t++) {
      ledger.upsertCustomer(new Customer(customer(t), "Customer " + t, "华东", "REP-07"));
    }
    Channel[] channels = Channel.values();
    CrashHarness.writeUntilKilled(THREADS, (thread, i) -> {
      String evidence = "EV-" + thread + "-" + i;
      ledger.record(Ledgers.consent(customer(thread), channels[i % channels.length],
          Purpose.SALES_FOLLOW_UP, i % 2 == 0 ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN,
          evidence, "2026-03-12T09:00:00Z"));
      return evidence;
    });
  }
}
