package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoDataTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldAddNothingWhenLoadedTwice(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);

      // when
      int first = DemoData.load(store);
      int second = DemoData.load(store);

      // then
      assertThat(first).isGreaterThan(30);
      assertThat(second).isZero();
      assertThat(ConsentLedger.on(store).customers()).extracting(c -> c.id())
          .containsExactly("C-1001", "C-2002", "C-3003");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldGatherTheLastThreePurchaseCyclesAndTheRegionWhenAskedForAVisit(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);
      DemoData.load(store);

      // when
      BattlePackContext c = BattlePackHistory.on(store).gather(DemoData.VISIT_CONSENT_BLOCKED,
          "D-1", "华东示例医疗器械有限公司", "华东", DemoData.DEMO_NOW);

      // then
      assertThat(c.purchaseCycles()).extracting(PurchaseCycle::cycleNo).containsExactly(2, 3, 4);
      assertThat(c.deals()).extracting(Deal::dealId)
          .containsExactly("OPP-3301", "D-1001-25", "D-1001-24", "D-1001-23");
      assertThat(c.competitorActivity()).extracting(CompetitorActivity::activityId)
          .containsExactly("CA-HD-2611", "CA-HD-2610");
      assertThat(c.catalogueUpdates()).extracting(CatalogueUpdate::updateId)
          .containsExactly("CU-2026-11-CT80", "CU-2026-09-IP500");
      assertThat(c.signals()).extracting(BehaviourSignal::signalId)
          .containsExactly("SIG-1001-2", "SIG-1001-1", "SIG-1001-3");
    }
  }
}
