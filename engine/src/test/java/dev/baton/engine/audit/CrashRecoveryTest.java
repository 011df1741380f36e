package dev.baton.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.AuditFixtures.Profile;
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
 * Durability: a child JVM records decisions from 4 threads and is killed with SIGKILL while it
 * does; every decision it acknowledged must be in the log once, and the chain must verify.
 */
class CrashRecoveryTest {
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedDecisionOnceWhenTheRecordingProcessIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child process recording decisions from 4 threads
      // when: it is killed with SIGKILL while its threads are recording
      List<String> acknowledged = CrashHarness.run(RecordingChild.class, database,
          ACKNOWLEDGED_BEFORE_KILL, "KILL", "4").acknowledged();

      // then: every acknowledged decision is there once, and the chain verifies
      try (HikariDataSource ds = database.open();
          DecisionLog log = DecisionLog.open(BatonStore.open(ds), AuditFixtures.engine())) {
        List<String> recorded = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        log.forEach(DecisionQuery.all(), r -> {
          recorded.add(r.requestId());
          sequences.add(r.sequence());
        });
        CrashHarness.assertKeptOnce(acknowledged, recorded);
        assertThat(sequences.get(sequences.size() - 1)).isEqualTo(sequences.size());
        assertThat(log.verify()).isEqualTo(VerifyReport.passed(sequences.size()));

        // and recording goes on: a retry of an acknowledged request is a duplicate, new ones
        // extend the chain
        String retried = acknowledged.get(0);
        assertThat(AuditFixtures.decide(log, retried,
            AuditFixtures.customer("C-retry", Profile.QUIET, true)).duplicate()).isTrue();
        for (int i = 0; i < 20; i++) {
          RecordedDecision ack = AuditFixtures.decide(log, "AFTER-" + i,
              AuditFixtures.customer("C-after-" + i, Profile.values()[i % 6], true));
          assertThat(ack.sequence()).isEqualTo(sequences.size() + i + 1L);
        }
        assertThat(log.verify()).isEqualTo(VerifyReport.passed(sequences.size() + 20L));
      }
    }
  }
}
