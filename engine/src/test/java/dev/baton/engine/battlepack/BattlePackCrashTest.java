package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability of the battle-pack store, its workflow steps and the review queue: a child JVM runs
 * the workflow's steps (evaluate, gather context, generate the pack, queue the legal review) on
 * 2 threads and is killed with SIGKILL while it does; every pack whose review was acknowledged as
 * queued is stored once afterwards, with its review item and its steps.
 */
class BattlePackCrashTest {
  private static final int ACKS_BEFORE_KILL = 30;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedPackAndReviewWhenTheProcessIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child running the battle-pack steps on 2 threads
      // when: it is killed with SIGKILL while it runs them
      List<String> acknowledged = CrashHarness.run(BattlePackCrashTest.class, database,
          ACKS_BEFORE_KILL).acknowledged();

      // then: every acknowledged pack is stored once, with its legal review and its steps
      try (HikariDataSource ds = database.open()) {
        BatonStore store = BatonStore.open(ds);
        BattlePackStore packs = BattlePackStore.on(store);
        ReviewQueue reviews = ReviewQueue.on(store);
        CrashHarness.assertKeptOnce(acknowledged, packs.packsCreated(null, null).stream()
            .map(p -> p.pack().packId()).toList());
        for (String packId : acknowledged) {
          StoredPack pack = packs.pack(packId).orElseThrow();
          assertThat(reviews.item(packId, ReviewRole.LEGAL)).as("review of %s", packId)
              .isPresent();
          assertThat(packs.timelineOfInstance(pack.processInstanceKey()))
              .as("steps of %s", packId).hasSize(4);
        }
      }
    }
  }

  /** The child: runs the steps up to the queued legal review until killed; ACK with the pack. */
  public static void main(String[] args) throws Exception {
    Fixture f = new Fixture(CrashHarness.dataSource(args));
    CrashHarness.writeUntilKilled(2, (thread, i) -> {
      Fixture.Instance wf = f.start(VisitRequest.of("VR-CRASH-" + thread + "-" + i, "C-2002",
          "REP-12", LocalDate.parse("2026-12-03"), "WECOM"));
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-legal-review", Map.of("role", "legal"));
      return (String) wf.variables.get("packId");
    });
  }
}
