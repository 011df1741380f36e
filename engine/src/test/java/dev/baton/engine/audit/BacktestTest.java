package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.audit.AuditFixtures.MutableClock;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.audit.BacktestReport.AffectedDecision;
import dev.baton.engine.audit.BacktestReport.Flip;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePackInvalidException;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A backtest runs a candidate pack over recorded inputs and summarises how actions change. */
class BacktestTest {
  private static final Instant MORNING = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final int CUSTOMERS = 24;

  static List<String> databases() {
    return TestDatabases.names();
  }

  /**
   * 24 customers, 4 of each profile; every fifth one (C-0, C-5, C-10, ...) has no WeChat
   * marketing consent. The first 16 are recorded in the morning, the rest at noon. Two more decisions do
   * not use the cmi-threshold pack.
   */
  private static Map<String, RecordedDecision> record(DecisionLog log, MutableClock clock) {
    Map<String, RecordedDecision> byCustomer = new LinkedHashMap<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      clock.set(i < 16 ? MORNING : NOON);
      byCustomer.put("C-" + i, decide(log, "REQ-" + i,
          customer("C-" + i, Profile.values()[i % 6], i % 5 != 0)));
    }
    List<RulePack> withoutCmi = AuditFixtures.pipeline().subList(1, 3);
    for (int i = 0; i < 2; i++) {
      Evaluation e = new Evaluation(withoutCmi, List.of(AuditFixtures.fact("Opportunity",
          "opportunityId", "OPP-x" + i, "customerId", "C-x" + i, "stage", "PROPOSAL",
          "amount", 90000)), AuditFixtures.NOW, "REQ-x" + i, "crm-sync");
      Decision d = engine().evaluate(e);
      log.record(e, d);
    }
    return byCustomer;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCountFlipsPerCustomerWhenTheCandidateLowersTheCmiThreshold(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given
      Map<String, RecordedDecision> recorded = record(log, clock);
      RulePack draft = AuditFixtures.cmiThresholdDraft(50);
      // when
      BacktestReport report = log.replayer().backtest(draft, BacktestScope.all());
      // then: customers with CMI 50 or 55 (COMPARING, DISCUSSING) get the content pack instead
      // of a sales task - when they granted WeChat marketing; otherwise the consent pack vetoes
      // the content pack and they get neither
      List<String> toContent = new ArrayList<>();
      List<String> toNothing = new ArrayList<>();
      for (int i = 0; i < CUSTOMERS; i++) {
        Profile p = Profile.values()[i % 6];
        if (p == Profile.COMPARING || p == Profile.DISCUSSING) {
          (i % 5 != 0 ? toContent : toNothing).add("C-" + i);
        }
      }
      assertThat(toContent).containsExactly("C-1", "C-6", "C-7", "C-12", "C-13", "C-18", "C-19");
      assertThat(toNothing).containsExactly("C-0");
      assertThat(report.cancelled()).isFalse();
      assertThat(report.total()).isEqualTo(CUSTOMERS);
      assertThat(report.changed()).isEqualTo(8);
      assertThat(report.unchanged()).isEqualTo(CUSTOMERS - 8);
      assertThat(report.failures()).isEmpty();
      assertThat(report.failed()).isZero();
      assertThat(report.flips()).containsExactly(
          new Flip(List.of("CREATE_SALES_TASK"), List.of("PUSH_CONTENT_PACK"), 7, 7),
          new Flip(List.of("CREATE_SALES_TASK"), List.of(), 1, 1));
      assertThat(report.counts()).containsExactly(
          Map.entry("CREATE_SALES_TASK → PUSH_CONTENT_PACK", 7L),
          Map.entry("CREATE_SALES_TASK → (none)", 1L));
      assertThat(report.summary()).containsExactly(
          "7 decisions, 7 customers: CREATE_SALES_TASK → PUSH_CONTENT_PACK",
          "1 decisions, 1 customers: CREATE_SALES_TASK → (none)");
      assertThat(report.affected()).extracting(AffectedDecision::customerId)
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.Stream.concat(toContent.stream(), toNothing.stream()).toList());
      AffectedDecision first = report.affected().get(0);
      assertThat(first.customerId()).isEqualTo("C-0");
      assertThat(first.label()).isEqualTo("CREATE_SALES_TASK → (none)");
      AffectedDecision second = report.affected().get(1);
      assertThat(second.customerId()).isEqualTo("C-1");
      assertThat(second.decisionId()).isEqualTo(recorded.get("C-1").decisionId());
      assertThat(second.sequence()).isEqualTo(recorded.get("C-1").sequence());
      assertThat(second.removed()).containsExactly("CREATE_SALES_TASK");
      assertThat(second.added()).containsExactly("PUSH_CONTENT_PACK");
      // and the recorded decisions themselves still replay as recorded
      assertThat(log.replayer().replay(ReplayScope.all()).allIdentical()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFlipTheOtherWayWhenTheCandidateRaisesTheThreshold(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given
      record(log, clock);
      // when: 90 leaves only CMI 100 above the threshold
      BacktestReport report = log.replayer().backtest(AuditFixtures.cmiThresholdDraft(90),
          BacktestScope.all());
      // then: READY customers (CMI 70) get a sales task instead of the content pack that those
      // with consent had (C-3, C-9, C-21; C-15 had none: the consent pack vetoed it)
      assertThat(report.counts()).containsExactly(
          Map.entry("PUSH_CONTENT_PACK → CREATE_SALES_TASK", 3L),
          Map.entry("(none) → CREATE_SALES_TASK", 1L));
      assertThat(report.affected()).extracting(AffectedDecision::customerId)
          .containsExactly("C-3", "C-9", "C-15", "C-21");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldOnlyBacktestTheDecisionsRecordedInTheRange(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given
      record(log, clock);
      // when
      BacktestReport noon = log.replayer().backtest(AuditFixtures.cmiThresholdDraft(50),
          BacktestScope.between(NOON, null));
      // then: customers C-16 to C-23, of whom C-18 (CMI 50) and C-19 (CMI 55) flip
      assertThat(noon.total()).isEqualTo(8);
      assertThat(noon.affected()).extracting(AffectedDecision::customerId)
          .containsExactly("C-18", "C-19");
      assertThat(noon.counts()).containsExactly(
          Map.entry("CREATE_SALES_TASK → PUSH_CONTENT_PACK", 2L));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportProgressWhenABacktestRuns(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock).withProgressEvery(5))) {
      // given
      record(log, clock);
      List<Progress> seen = new ArrayList<>();
      // when
      BacktestReport report = log.replayer().backtest(AuditFixtures.cmiThresholdDraft(50),
          BacktestScope.all(), seen::add, Cancellation.create());
      // then
      assertThat(report.total()).isEqualTo(CUSTOMERS);
      assertThat(seen).containsExactly(new Progress(5, 24), new Progress(10, 24),
          new Progress(15, 24), new Progress(20, 24), new Progress(24, 24));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldStopEarlyWhenABacktestIsCancelled(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock).withProgressEvery(4))) {
      // given
      record(log, clock);
      Cancellation cancellation = Cancellation.create();
      // when: the user cancels when the first progress arrives
      BacktestReport report = log.replayer().backtest(AuditFixtures.cmiThresholdDraft(50),
          BacktestScope.all(), p -> cancellation.cancel(), cancellation);
      // then
      assertThat(report.cancelled()).isTrue();
      assertThat(report.total()).isEqualTo(4);
      assertThat(report.changed() + report.unchanged()).isEqualTo(4);
      // and a token cancelled before the start does nothing at all
      BacktestReport none = log.replayer().backtest(AuditFixtures.cmiThresholdDraft(50),
          BacktestScope.all(), ProgressListener.NONE, cancellation);
      assertThat(none.total()).isZero();
      assertThat(none.cancelled()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldListAFailureWhenTheCandidateDoesNotFitTheRecordedInput(String db) {
    MutableClock clock = new MutableClock(MORNING);
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given: a candidate that no longer declares the BehaviourSignal facts the input holds
      record(log, clock);
      RulePack narrow = RulePacks.parse("narrow.yaml", """
          id: cmi-threshold
          version: 2.0.0-draft
          kind: cmi-threshold
          title: {en: Sales task for every customer, zh-CN: 每个客户都派销售任务}
          facts:
            Customer: {customerId: string, name: string, region: string}
          rules:
            - id: always-sales-task
              title: {en: Always a sales task, zh-CN: 总是销售任务}
              when:
                - Customer as customer: {}
              then:
                - emit: {action: CREATE_SALES_TASK, customerId: $customer.customerId, actor: HUMAN}
          """);
      // when
      BacktestReport report = log.replayer().backtest(narrow, BacktestScope.all());
      // then: QUIET customers have no signal and fit; the others are listed as failed
      assertThat(report.total()).isEqualTo(CUSTOMERS);
      assertThat(report.failed()).isEqualTo(20);
      assertThat(report.failures().get(0).problem()).contains("BehaviourSignal");
      assertThat(report.unchanged() + report.changed()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseACandidateThatDoesNotCompile(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      RulePack base = AuditFixtures.cmiThresholdDraft(50);
      RulePack broken = new RulePack(base.id(), base.version(), base.kind(), base.title(),
          base.description(), List.of(), base.scores(), base.factTypes(), base.rules());
      // when / then: its rules use parameters it no longer has
      assertThatThrownBy(() -> log.replayer().backtest(broken, BacktestScope.all()))
          .isInstanceOf(RulePackInvalidException.class);
    }
  }
}
