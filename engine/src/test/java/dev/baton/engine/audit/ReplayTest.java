package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static dev.baton.engine.audit.DecisionChainTest.document;
import static dev.baton.engine.audit.DecisionChainTest.execute;
import static dev.baton.engine.audit.DecisionChainTest.setDocument;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.AuditFixtures.MutableClock;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.rules.internal.DroolsRulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replay re-evaluates recorded inputs on the recorded pack versions and reports differences. */
class ReplayTest {
  private static final Instant MORNING = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReproduceEveryDecisionWhenNothingWasChanged(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given: 12 customers in the morning, 6 at noon, and 2 decisions without the CMI pack
      List<RecordedDecision> recorded = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        clock.set(i < 12 ? MORNING : NOON);
        recorded.add(decide(log, "REQ-" + i,
            customer("C-" + i, Profile.values()[i % 6], i % 3 != 0)));
      }
      List<RulePack> withoutCmi = AuditFixtures.pipeline().subList(1, 3);
      for (int i = 0; i < 2; i++) {
        Evaluation e = new Evaluation(withoutCmi, List.of(AuditFixtures.fact("Opportunity",
            "opportunityId", "OPP-" + i, "customerId", "C-x" + i, "stage", "QUALIFICATION",
            "amount", 120000)), AuditFixtures.NOW, "REQ-x" + i, null);
        Decision d = engine().evaluate(e);
        log.record(e, d);
      }
      Replayer replayer = log.replayer();
      // when
      ReplayReport all = replayer.replay(ReplayScope.all());
      ReplayReport pack = replayer.replay(ReplayScope.pack("cmi-threshold"));
      ReplayReport morning = replayer.replay(ReplayScope.between(MORNING, NOON));
      ReplayReport one = replayer.replay(ReplayScope.decision(recorded.get(4).decisionId()));
      // then
      assertThat(all).isEqualTo(new ReplayReport(20, 20, 0, 0, List.of(), List.of(), false));
      assertThat(all.allIdentical()).isTrue();
      assertThat(pack.total()).isEqualTo(18);
      assertThat(pack.allIdentical()).isTrue();
      assertThat(morning.total()).isEqualTo(12);
      assertThat(morning.allIdentical()).isTrue();
      assertThat(one).isEqualTo(new ReplayReport(1, 1, 0, 0, List.of(), List.of(), false));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReproduceDecisionsRecordedWithOneSessionPerPackWhenReplayedInOneSession(String db) {
    RulesEngine perPack = DroolsRulesEngine.perPackSessions();
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults())) {
      // given: decisions taken and recorded as before the single-session pipeline
      for (int i = 0; i < 12; i++) {
        Evaluation e = AuditFixtures.evaluation("REQ-" + i,
            customer("C-" + i, Profile.values()[i % 6], i % 2 == 0));
        log.record(e, perPack.evaluate(e));
      }
      // when
      ReplayReport all = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(all).isEqualTo(new ReplayReport(12, 12, 0, 0, List.of(), List.of(), false));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportEachDifferentFieldWhenTheRecordedDecisionWasChanged(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: C-1 compared products (CMI 50) and got a sales task...
      decide(log, "REQ-0", customer("C-0", Profile.EAGER, true));
      RecordedDecision target = decide(log, "REQ-1", customer("C-1", Profile.COMPARING, true));
      decide(log, "REQ-2", customer("C-2", Profile.QUIET, true));
      // ...which someone rewrites in the database as a content pack with a CMI of 80
      String json = document(ds, "decision", target.sequence());
      setDocument(ds, "decision", target.sequence(), json
          .replace("\"action\":\"CREATE_SALES_TASK\"", "\"action\":\"PUSH_CONTENT_PACK\"")
          .replace("\"scores\":{\"CMI\":50}", "\"scores\":{\"CMI\":80.0}"));
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(report.total()).isEqualTo(3);
      assertThat(report.identical()).isEqualTo(2);
      assertThat(report.different()).isEqualTo(1);
      assertThat(report.allIdentical()).isFalse();
      ReplayDifference difference = report.differences().get(0);
      assertThat(difference.sequence()).isEqualTo(target.sequence());
      assertThat(difference.decisionId()).isEqualTo(target.decisionId());
      assertThat(difference.fields()).containsExactly(
          new FieldDifference("/actions/0/action", "\"PUSH_CONTENT_PACK\"",
              "\"CREATE_SALES_TASK\""),
          new FieldDifference("/scores/CMI", "80.0", "50"));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportEqualNumbersAsEqualWhenOnlyTheirNotationDiffers(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      RecordedDecision target = decide(log, "REQ-1", customer("C-1", Profile.COMPARING, true));
      String json = document(ds, "decision", target.sequence());
      setDocument(ds, "decision", target.sequence(),
          json.replace("\"scores\":{\"CMI\":50}", "\"scores\":{\"CMI\":50.00}"));
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then: the chain is broken (verify says so), but the decision is the same
      assertThat(report.identical()).isEqualTo(1);
      assertThat(log.verify().ok()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportTheSameTextWrittenWithEscapesAsIdentical(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: the stored decision's Chinese text rewritten as JSON escapes (other bytes, other
      // text, the same values)
      RecordedDecision target = decide(log, "REQ-1", customer("C-1", Profile.COMPARING, true));
      String json = document(ds, "decision", target.sequence());
      assertThat(json).contains("华东");
      setDocument(ds, "decision", target.sequence(),
          json.replace("华东", "\\u534e\\u4e1c"));
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(report).isEqualTo(new ReplayReport(1, 1, 0, 0, List.of(), List.of(), false));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReproduceADecisionWithCharactersOutsideTheBasicPlane(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: an emoji (a surrogate pair) in the customer's name, which the decision repeats
      List<dev.baton.engine.rulepack.Fact> facts = new ArrayList<>();
      for (dev.baton.engine.rulepack.Fact f : customer("C-1", Profile.COMPARING, true)) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(f.values());
        values.computeIfPresent("name", (k, v) -> v + " \uD83D\uDE00");
        facts.add(new dev.baton.engine.rulepack.Fact(f.type(), values));
      }
      decide(log, "REQ-1", facts);
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(report).isEqualTo(new ReplayReport(1, 1, 0, 0, List.of(), List.of(), false));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportAChangedChineseValueAsADifference(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: a region in the recorded decision changed (same length in bytes)
      RecordedDecision target = decide(log, "REQ-1", customer("C-1", Profile.COMPARING, true));
      String json = document(ds, "decision", target.sequence());
      setDocument(ds, "decision", target.sequence(), json.replace("华东", "华南"));
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(report.different()).isEqualTo(1);
      assertThat(report.differences().get(0).fields()).isNotEmpty().allSatisfy(f -> {
        assertThat(f.recorded()).isEqualTo("\"华南\"");
        assertThat(f.replayed()).isEqualTo("\"华东\"");
      });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFailEveryDecisionOfAPackWhenItsStoredContentWasChanged(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      for (int i = 0; i < 4; i++) {
        decide(log, "REQ-" + i, customer("C-" + i, Profile.values()[i], true));
      }
      // when: the recorded cmi-threshold content is edited in place
      execute(ds, "update baton_pack_content set content = replace(content,"
          + " 'CREATE_SALES_TASK', 'CREATE_SALES_CALL') where pack_id = 'cmi-threshold'");
      ReplayReport report = log.replayer().replay(ReplayScope.all());
      // then
      assertThat(report.total()).isEqualTo(4);
      assertThat(report.failed()).isEqualTo(4);
      assertThat(report.failures()).hasSize(4);
      assertThat(report.failures().get(0).problem())
          .contains("The stored content of pack cmi-threshold@1.0.0")
          .contains("was changed");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportAFailureWhenTheDecisionIdIsNotRecorded(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // when
      ReplayReport report = log.replayer().replay(ReplayScope.decision("no-such-decision"));
      // then
      assertThat(report.total()).isEqualTo(1);
      assertThat(report.failed()).isEqualTo(1);
      assertThat(report.failures().get(0).problem()).contains("No recorded decision");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldStopEarlyWhenAReplayIsCancelled(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withProgressEvery(3))) {
      // given
      for (int i = 0; i < 12; i++) {
        decide(log, "REQ-" + i, customer("C-" + i, Profile.values()[i % 6], true));
      }
      Cancellation cancellation = Cancellation.create();
      List<Progress> seen = new ArrayList<>();
      // when: cancelled at the first progress report
      ReplayReport report = log.replayer().replay(ReplayScope.all(), p -> {
        seen.add(p);
        cancellation.cancel();
      }, cancellation);
      // then
      assertThat(report.cancelled()).isTrue();
      assertThat(report.total()).isEqualTo(3);
      assertThat(report.identical()).isEqualTo(3);
      assertThat(seen).containsExactly(new Progress(3, 12));
    }
  }
}
