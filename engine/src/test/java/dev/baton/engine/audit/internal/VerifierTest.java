package dev.baton.engine.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verify reads the chain in keyset pages of sequences, several at once; with pages of 4 records
 * these tests put the damage at and across the ends of pages, where a walk in pages could go
 * wrong.
 */
class VerifierTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final List<RulePack> PIPELINE =
      List.of(RulePacks.read(Path.of("../rule-packs/consent-check")));

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static List<RecordedDecision> fill(DecisionLog log, int n) {
    List<RecordedDecision> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Evaluation e = new Evaluation(PIPELINE, List.of(new Fact("Consent",
          Map.of("customerId", "C-" + i, "channel", "WECHAT", "purpose", "MARKETING", "status",
              "GRANTED", "source", "WECHAT_AUTHORIZATION", "evidenceId", "EV-" + i,
              "recordedAt", "2026-08-18T11:00:00Z"))),
          Instant.parse("2026-11-27T09:00:00Z"), "REQ-" + i, "ops");
      out.add(log.record(e, ENGINE.evaluate(e)));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldVerifyEveryRangeWhenNothingWasChanged(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), ENGINE)) {
      // given
      fill(log, 13);
      // when
      VerifyReport report = new Verifier(BatonStore.open(ds), 4).verify();
      // then
      assertThat(report).isEqualTo(VerifyReport.passed(13));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheFirstMissingRecordWhenAWholeRangeWasDeleted(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), ENGINE)) {
      // given
      fill(log, 13);
      // when: records 5 to 8 (the second range) and a changed record later on
      execute(ds, "delete from baton_decision_pack where sequence between 5 and 8");
      execute(ds, "delete from baton_decision where sequence between 5 and 8");
      execute(ds, "update baton_decision set actor = 'mallory' where sequence = 11");
      // then
      VerifyReport report = new Verifier(BatonStore.open(ds), 4).verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.checked()).isEqualTo(5);
      assertThat(report.firstBadSequence()).isEqualTo(5L);
      assertThat(report.reason()).contains("Record 5 is missing: the chain goes from record 4"
          + " to record 9");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheFirstChangedRecordWhenRecordsOfTwoRangesWereChanged(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), ENGINE)) {
      // given
      List<RecordedDecision> recorded = fill(log, 13);
      // when: the last record of the second range and one of the third
      execute(ds, "update baton_decision set actor = 'mallory' where sequence = 8");
      execute(ds, "update baton_decision set actor = 'mallory' where sequence = 10");
      // then
      VerifyReport report = new Verifier(BatonStore.open(ds), 4).verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.checked()).isEqualTo(8);
      assertThat(report.firstBadSequence()).isEqualTo(8L);
      assertThat(report.firstBadDecisionId()).isEqualTo(recorded.get(7).decisionId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportTheSameWithPagesOfOneAsWithOnePageForTheWholeLog(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), ENGINE)) {
      // given: a changed record in the middle
      List<RecordedDecision> recorded = fill(log, 7);
      execute(ds, "update baton_decision set customer_id = 'C-X' where sequence = 6");
      // when
      VerifyReport onePerPage = new Verifier(BatonStore.open(ds), 1).verify();
      VerifyReport onePage = new Verifier(BatonStore.open(ds), 1024).verify();
      // then
      assertThat(onePerPage).isEqualTo(onePage);
      assertThat(onePerPage.firstBadSequence()).isEqualTo(6L);
      assertThat(onePerPage.firstBadDecisionId()).isEqualTo(recorded.get(5).decisionId());
      assertThat(onePerPage.checked()).isEqualTo(6);
    }
  }

  private static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
