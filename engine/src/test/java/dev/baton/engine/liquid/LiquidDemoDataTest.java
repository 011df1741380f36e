package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The demo story holds together: two units, the same person in two roles, KPIs on target. */
class LiquidDemoDataTest {

  @Test
  void shouldTellTheStoryWhenDemoDataIsLoaded() {
    try (HikariDataSource ds = TestDatabases.fresh("h2"); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = LiquidServices.open(baton, LiquidFixture.packs())
            .withClock(Clock.fixed(LiquidDemoData.NOW, ZoneOffset.UTC))) {
      // when
      assertThat(LiquidDemoData.load(liquid)).isTrue();
      assertThat(LiquidDemoData.load(liquid)).isFalse();
      // then: 陈晨 was an account manager in Q1 and is an evangelist in Q2
      Unit q1 = liquid.directory().unitsOf(LiquidDemoData.Q1_CAMPAIGN).get(0);
      Unit q2 = liquid.directory().unitsOf(LiquidDemoData.Q2_CAMPAIGN).get(0);
      assertThat(q1.status()).isEqualTo(UnitStatus.DISSOLVED);
      assertThat(q1.members()).anyMatch(m -> m.personId().equals("P-0001")
          && m.role().equals("ACCOUNT_MANAGER"));
      assertThat(q2.members()).anyMatch(m -> m.personId().equals("P-0001")
          && m.role().equals("KNOWLEDGE_EVANGELIST"));
      // the expired certification keeps 孙浩 out of the risk role
      assertThat(q1.members()).noneMatch(m -> m.personId().equals("P-0003"));
      LiquidKpis kpis = liquid.kpis();
      assertThat(kpis.averageMinutesToForm()).isEqualTo(11.5);
      assertThat(kpis.formationOnTarget()).isTrue();
      assertThat(kpis.attributableShare()).isEqualTo(1.0);
      assertThat(liquid.ledger().verify().intact()).isTrue();
      assertThat(liquid.contributions(LiquidDemoData.Q1_CAMPAIGN).byPerson())
          .containsKey("P-0001");
      assertThat(liquid.propose(LiquidDemoData.OPEN_CAMPAIGN).complete()).isTrue();
    }
  }
}
