package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collaboration ledger's chain when several writers share one database (as several
 * processes do on PostgreSQL) and when appends repeat ids, on H2 and PostgreSQL.
 */
class LiquidLedgerTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static CollaborationEvent event(String id, int i) {
    return new CollaborationEvent(id, LiquidFixture.NOW.plusSeconds(i), "P-" + (i % 7), null,
        "C-" + (i % 3), "BID_DOCUMENT", List.of("标书 \"v" + i + "\"\n"), List.of(),
        i % 2 == 0 ? "法务部" : null);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepOneUnbrokenChainWhenTwoLedgersAppendToOneDatabase(String db) throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      BatonStore store = BatonStore.open(ds);
      try (CollaborationLedger a = CollaborationLedger.open(store);
          CollaborationLedger b = CollaborationLedger.open(store)) {
        // given: two ledgers (two writers, each with the head it committed last)
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        // when: both append concurrently, and alternately
        for (int t = 0; t < 6; t++) {
          int thread = t;
          CollaborationLedger ledger = t % 2 == 0 ? a : b;
          done.add(pool.submit(() -> {
            for (int i = 0; i < 40; i++) {
              ledger.append(event("E-" + thread + "-" + i, i), "writer-" + thread % 2);
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        pool.shutdown();
        for (int i = 0; i < 5; i++) {
          a.append(event("A-" + i, i), "a");
          b.append(event("B-" + i, i), "b");
        }
        // then: every event once, sequences 1..n, the chain and its head intact
        List<RecordedEvent> all = a.all();
        assertThat(all).hasSize(250);
        for (int i = 0; i < all.size(); i++) {
          assertThat(all.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(a.verify().intact()).as(a.verify().problem()).isTrue();
        assertThat(b.verify().checked()).isEqualTo(250);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordRepeatedIdsOnceAndDetectTamperingWhenAppendsRepeat(String db)
      throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      BatonStore store = BatonStore.open(ds);
      try (CollaborationLedger ledger = CollaborationLedger.open(store)) {
        // given
        RecordedEvent first = ledger.append(event("R-1", 1), "ops");
        // when: a batch repeats a recorded id and one of its own
        List<RecordedEvent> out = ledger.appendAll(List.of(event("R-2", 2), event("R-1", 1),
            event("R-2", 2), event("R-3", 3)), "ops");
        // then
        assertThat(out).extracting(RecordedEvent::sequence).containsExactly(2L, 1L, 2L, 3L);
        assertThat(out.get(1)).isEqualTo(first);
        assertThat(ledger.append(event("R-4", 4), "ops").sequence()).isEqualTo(4);
        assertThat(ledger.verify().intact()).isTrue();
        // when: the last event is removed from the database
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.executeUpdate("delete from baton_liquid_event where event_id = 'R-4'");
        }
        // then: the head no longer matches
        LedgerVerifyReport report = ledger.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).contains("trailing events were removed");
      }
    }
  }
}
