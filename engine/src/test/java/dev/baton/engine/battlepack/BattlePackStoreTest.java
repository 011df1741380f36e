package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the stored battle packs of a period. */
class BattlePackStoreTest {
  private static final Instant DAY_1 = DemoData.DEMO_NOW.minus(Duration.ofDays(2));
  private static final Instant DAY_2 = DemoData.DEMO_NOW.minus(Duration.ofDays(1));
  private static final Instant DAY_3 = DemoData.DEMO_NOW;

  static List<String> databases() {
    return dev.baton.engine.store.TestDatabases.names();
  }

  /** Runs the workflow's steps up to the generated pack at {@code at}; returns its id. */
  private static String generateAt(Fixture f, Instant at) {
    f.clockAt(at);
    Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
    wf.run(BattlePackWorkers.EVALUATE);
    wf.run(BattlePackWorkers.GATHER_CONTEXT);
    wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
    return (String) wf.variables.get("packId");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldListThePacksGeneratedInAPeriodOldestFirstWhenAskedForAHalfOpenRange(String db) {
    try (Fixture f = new Fixture(db)) {
      // given: one pack on each of three days, generated out of order
      String third = generateAt(f, DAY_3);
      String first = generateAt(f, DAY_1);
      String second = generateAt(f, DAY_2);
      BattlePackStore packs = f.services.packs();

      // when / then: [from, to) includes from and excludes to
      assertThat(packs.packsCreated(DAY_1, DAY_3)).extracting(p -> p.pack().packId())
          .containsExactly(first, second);
      assertThat(packs.packsCreated(DAY_2, DAY_2.plusMillis(1)))
          .extracting(p -> p.pack().packId()).containsExactly(second);
      assertThat(packs.packsCreated(DAY_3.plusMillis(1), null)).isEmpty();
      // open ends
      assertThat(packs.packsCreated(null, null)).extracting(p -> p.pack().packId())
          .containsExactly(first, second, third);
      assertThat(packs.packsCreated(DAY_2, null)).extracting(p -> p.pack().packId())
          .containsExactly(second, third);
      assertThat(packs.packsCreated(null, DAY_2)).extracting(p -> p.pack().packId())
          .containsExactly(first);
      // the packs as stored, with status and times
      StoredPack p = packs.packsCreated(DAY_1, DAY_2).get(0);
      assertThat(p.status()).isEqualTo("IN_REVIEW");
      assertThat(p.createdAt()).isEqualTo(DAY_1);
      assertThat(p).isEqualTo(packs.pack(first).orElseThrow());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseThePeriodWhenFromIsAfterTo(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      BattlePackStore packs = f.services.packs();
      // when / then
      assertThatThrownBy(() -> packs.packsCreated(DAY_3, DAY_1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from <= to");
    }
  }
}
