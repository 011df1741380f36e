package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.liquid.CandidateVerdict.Verdict;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Forming units, the collaboration ledger and contribution points, on H2 and PostgreSQL. */
class LiquidServicesTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static LiquidServices open(HikariDataSource ds, Baton baton) {
    return LiquidServices.open(baton, LiquidFixture.packs())
        .withClock(Clock.fixed(LiquidFixture.NOW, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPickEligibleBestRankedPeopleAndSayWhyNotWhenUnitIsFormed(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(ds, baton)) {
      // given
      liquid.directory().savePeople(LiquidFixture.people());
      liquid.postCampaign(LiquidFixture.microCampaign("CMP-1"));
      // when
      FormedUnit formed = liquid.formUnit("CMP-1", FormationMode.AUTOMATIC, "ops");
      // then
      Formation f = formed.formation();
      assertThat(f.complete()).isTrue();
      assertThat(formed.unit().members()).extracting(UnitMember::personId, UnitMember::role)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("P-AI-1", "AI_TRAINER"),
              org.assertj.core.groups.Tuple.tuple("P-RISK-2", "RISK_EXPERT"),
              org.assertj.core.groups.Tuple.tuple("P-AM-1", "ACCOUNT_MANAGER"));
      assertThat(f.verdict("P-RISK-1", "RISK_EXPERT").orElseThrow().reasons())
          .extracting(Reason::code).containsExactly("CERTIFICATION_MISSING");
      CandidateVerdict low = f.verdict("P-RISK-3", "RISK_EXPERT").orElseThrow();
      assertThat(low.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
      assertThat(low.reasons().get(0).values().get("actual")).hasToString("2");
      assertThat(low.reasons().get(0).values().get("needed")).hasToString("3");
      assertThat(f.verdict("P-AM-1", "AI_TRAINER").orElseThrow().verdict())
          .isEqualTo(Verdict.RANKED_BELOW_PICKS);
      assertThat(f.verdict("P-AM-2", "ACCOUNT_MANAGER").orElseThrow().verdict())
          .isEqualTo(Verdict.RANKED_BELOW_PICKS);
      // the engine's reason says the compared values in one order, whichever the JVM
      List<Reason> below = f.verdict("P-AM-2", "ACCOUNT_MANAGER").orElseThrow().reasons();
      assertThat(below.get(below.size() - 1).values()).containsOnlyKeys("points",
          "lowestPicked", "places");
      assertThat(below.get(below.size() - 1).values().keySet()).containsExactly("points",
          "lowestPicked", "places");
      assertThat(f.decisionId()).isNotNull();
      assertThat(baton.decisions().verify().ok()).isTrue();
      assertThat(liquid.directory().unit(formed.unit().id()).orElseThrow().members()).hasSize(3);
      assertThat(liquid.directory().campaign("CMP-1").orElseThrow().status())
          .isEqualTo(CampaignStatus.STAFFED);
      assertThat(liquid.kpis().averageMinutesToForm()).isEqualTo(12.0);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseSecondUnitAndUnknownCampaignWhenForming(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(ds, baton)) {
      liquid.directory().savePeople(LiquidFixture.people());
      liquid.postCampaign(LiquidFixture.microCampaign("CMP-1"));
      liquid.formUnit("CMP-1", FormationMode.LEAD_CONFIRMS, "ops");
      assertThatThrownBy(() -> liquid.formUnit("CMP-1", FormationMode.AUTOMATIC, "ops"))
          .isInstanceOf(LiquidInputException.class).hasMessageContaining("already has unit");
      assertThatThrownBy(() -> liquid.formUnit("NOPE", FormationMode.AUTOMATIC, "ops"))
          .isInstanceOf(LiquidInputException.class).hasMessageContaining("No campaign NOPE");
      assertThat(liquid.directory().units()).hasSize(1);
      assertThat(liquid.directory().units().get(0).status()).isEqualTo(UnitStatus.PROPOSED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldChainEventsAndDetectTamperingWhenLedgerIsVerified(String db) throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(ds, baton)) {
      // given
      liquid.directory().savePeople(LiquidFixture.people());
      liquid.postCampaign(LiquidFixture.microCampaign("CMP-1"));
      liquid.formUnit("CMP-1", FormationMode.AUTOMATIC, "ops");
      RecordedEvent first = liquid.record(event("E-1", "P-RISK-2", "RISK_REVIEW", "风控部"), "ops");
      RecordedEvent again = liquid.record(event("E-1", "P-RISK-2", "RISK_REVIEW", "风控部"), "ops");
      liquid.record(event("E-2", "P-AM-1", "BID_DOCUMENT", null), "ops");
      // then: idempotent and intact
      assertThat(again.sequence()).isEqualTo(first.sequence());
      assertThat(liquid.ledger().all()).hasSize(2);
      assertThat(liquid.ledger().verify().intact()).isTrue();
      // when: someone edits an event in the database
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("update baton_liquid_event set kind = 'CONTRACT_SIGNED' where event_id = 'E-1'");
      }
      // then
      LedgerVerifyReport report = liquid.ledger().verify();
      assertThat(report.intact()).isFalse();
      assertThat(report.firstBroken()).isEqualTo(1);
      assertThat(report.problem()).contains("E-1");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldWeighPointsByRoleAndOutcomeWhenUnitIsDissolved(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(ds, baton)) {
      // given
      liquid.directory().savePeople(LiquidFixture.people());
      liquid.postCampaign(LiquidFixture.microCampaign("CMP-1"));
      Unit unit = liquid.formUnit("CMP-1", FormationMode.AUTOMATIC, "ops").unit();
      liquid.directory().saveOutcome(new CustomerOutcome("C-1001", true, 0));
      liquid.record(event("E-1", "P-RISK-2", "RISK_REVIEW", "风控部"), "ops");
      liquid.record(event("E-2", "P-AM-1", "BID_DOCUMENT", null), "ops");
      liquid.record(new CollaborationEvent("E-3", LiquidFixture.NOW, "P-AM-2", null, "C-9",
          "CASE_LIBRARY_USE", List.of(), List.of(), null), "ops");
      // when: dissolved a day later
      LiquidServices later = liquid.withClock(Clock.fixed(LiquidFixture.NOW.plus(
          Duration.ofDays(1)), ZoneOffset.UTC));
      LiquidServices.Dissolution d = later.dissolve(unit.id());
      // then: risk review 20 x 1.5 cross-department x 2 renewal = 60; bid 30 x 2 = 60
      ContributionSummary s = d.contributions();
      assertThat(s.byPerson()).containsEntry("P-RISK-2", new BigDecimal("60.00"))
          .containsEntry("P-AM-1", new BigDecimal("60.00"));
      assertThat(s.byRole()).containsKeys("RISK_EXPERT", "ACCOUNT_MANAGER");
      assertThat(s.attributableShare()).isEqualTo(1.0);
      assertThat(d.unit().status()).isEqualTo(UnitStatus.DISSOLVED);
      assertThat(d.unit().activeMembers()).isEmpty();
      // the event outside any campaign is not attributable
      assertThat(liquid.kpis().attributableShare()).isEqualTo(2 / 3.0);
      assertThat(liquid.dissolve(unit.id()).unit().dissolvedAt())
          .isEqualTo(d.unit().dissolvedAt());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseEventOfUnknownPersonAndRecordNothing(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(ds, baton)) {
      assertThatThrownBy(() -> liquid.record(event("E-1", "P-NOBODY", "BID_DOCUMENT", null),
          "ops")).isInstanceOf(LiquidInputException.class).hasMessageContaining("P-NOBODY");
      assertThatThrownBy(() -> new CollaborationEvent("E 1", LiquidFixture.NOW, "P-1", null,
          null, "BID_DOCUMENT", null, null, null)).isInstanceOf(LiquidInputException.class)
          .hasMessageContaining("event id");
      assertThat(liquid.ledger().all()).isEmpty();
    }
  }

  private static CollaborationEvent event(String id, String person, String kind, String dept) {
    return new CollaborationEvent(id, LiquidFixture.NOW.plus(Duration.ofMinutes(30)), person,
        "CMP-1", "C-1001", kind, List.of("需求说明.docx"), List.of("评审意见"), dept);
  }
}
