package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static dev.baton.engine.audit.AuditFixtures.evaluation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.audit.AuditFixtures.MutableClock;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReadBackEverythingWhenADecisionIsRecorded(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);
      List<Fact> facts = customer("C-1001", Profile.COMPARING, true);
      Evaluation evaluation = evaluation("VR-2026-1127-001", facts);
      Decision decision = engine().evaluate(evaluation);
      try (DecisionLog log = DecisionLog.open(store, engine())) {
        // when
        RecordedDecision ack = log.record(evaluation, decision);
        // then
        assertThat(ack.duplicate()).isFalse();
        assertThat(ack.sequence()).isEqualTo(1);
        assertThat(ack.requestId()).isEqualTo("VR-2026-1127-001");
        assertThat(ack.hash()).hasSize(64);
        DecisionRecord r = log.get(ack.decisionId()).orElseThrow();
        assertThat(log.byRequestId("VR-2026-1127-001")).contains(r);
        assertThat(r.sequence()).isEqualTo(1);
        assertThat(r.hash()).isEqualTo(ack.hash());
        assertThat(r.evaluatedAt()).isEqualTo(AuditFixtures.NOW);
        assertThat(r.actor()).isEqualTo("sales-ops@example.com");
        assertThat(r.customerId()).isEqualTo("C-1001");
        assertThat(r.packs()).isEqualTo(decision.packs());
        assertThat(r.actions()).containsExactly("CREATE_SALES_TASK", "GRADE_OPPORTUNITY");
        assertThat(r.decisionJson()).doesNotContain("\n");
        assertThat(JSON.readTree(r.decisionJson())).isEqualTo(JSON.readTree(decision.toJson()));
        assertThat(r.facts()).hasSameSizeAs(facts);
        assertThat(r.facts().get(0)).isEqualTo(facts.get(0));
        assertThat(r.facts().get(r.facts().size() - 2).values().get("amount"))
            .isEqualTo(new BigDecimal("480000"));
        assertThat(r.inputJson()).startsWith("{\"actor\":\"sales-ops@example.com\",\"facts\":[");
        assertThat(r.inputJson()).endsWith("\"now\":\"2026-11-27T09:00:00Z\","
            + "\"requestId\":\"VR-2026-1127-001\"}");
        for (Decision.PackRef p : decision.packs()) {
          assertThat(store.contents().get(p.hash())).hasValueSatisfying(
              pack -> assertThat(RulePacks.contentHash(pack)).isEqualTo(p.hash()));
        }
        assertThat(log.verify().ok()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepOneRecordWhenTheSameRequestIdIsRecordedAgain(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      RecordedDecision first = decide(log, "REQ-1", customer("C-1001", Profile.EAGER, true));
      // when
      RecordedDecision again = decide(log, "REQ-1", customer("C-1001", Profile.EAGER, true));
      RecordedDecision otherFacts = decide(log, "REQ-1", customer("C-2002", Profile.QUIET, true));
      // then
      assertThat(again.duplicate()).isTrue();
      assertThat(again.decisionId()).isEqualTo(first.decisionId());
      assertThat(again.sequence()).isEqualTo(first.sequence());
      assertThat(again.hash()).isEqualTo(first.hash());
      assertThat(otherFacts.duplicate()).isTrue();
      assertThat(otherFacts.decisionId()).isEqualTo(first.decisionId());
      assertThat(log.count(DecisionQuery.all())).isEqualTo(1);
      assertThat(log.byRequestId("REQ-1").orElseThrow().customerId()).isEqualTo("C-1001");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepOneRecordPerRequestIdWhenThreadsRecordTheSameRequestsAtOnce(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: 8 threads record the same 40 requests, in different orders
      int threads = 8;
      int requests = 40;
      List<Evaluation> evaluations = new ArrayList<>();
      List<Decision> decisions = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        Evaluation e = evaluation("REQ-" + i, customer("C-" + i, Profile.values()[i % 6], true));
        evaluations.add(e);
        decisions.add(engine().evaluate(e));
      }
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Map<String, Set<String>> idsByRequest = new ConcurrentHashMap<>();
      Map<String, List<Boolean>> fresh = new ConcurrentHashMap<>();
      List<Future<?>> done = new ArrayList<>();
      // when
      for (int t = 0; t < threads; t++) {
        int offset = t * 5;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < requests; k++) {
            int i = (k + offset) % requests;
            RecordedDecision ack = log.record(evaluations.get(i), decisions.get(i));
            idsByRequest.computeIfAbsent(ack.requestId(), x -> ConcurrentHashMap.newKeySet())
                .add(ack.decisionId());
            fresh.computeIfAbsent(ack.requestId(), x -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(!ack.duplicate());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      // then
      assertThat(log.count(DecisionQuery.all())).isEqualTo(requests);
      assertThat(idsByRequest).hasSize(requests);
      idsByRequest.forEach((request, ids) -> assertThat(ids).as(request).hasSize(1));
      fresh.forEach((request, flags) -> {
        assertThat(flags).as(request).hasSize(threads);
        assertThat(flags.stream().filter(b -> b).count()).as(request).isEqualTo(1);
      });
      Set<Long> sequences = new HashSet<>();
      log.forEach(DecisionQuery.all(), r -> sequences.add(r.sequence()));
      assertThat(sequences).hasSize(requests);
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(requests));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldGenerateARequestIdWhenTheEvaluationHasNone(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      Evaluation evaluation = evaluation(null, customer("C-3003", Profile.READY, true));
      Decision decision = engine().evaluate(evaluation);
      // when
      RecordedDecision a = log.record(evaluation, decision);
      RecordedDecision b = log.record(evaluation, decision);
      // then
      assertThat(a.requestId()).matches("[0-9a-f-]{36}");
      assertThat(b.requestId()).isNotEqualTo(a.requestId());
      assertThat(b.duplicate()).isFalse();
      DecisionRecord r = log.get(a.decisionId()).orElseThrow();
      assertThat(r.requestId()).isEqualTo(a.requestId());
      assertThat(r.inputJson()).contains("\"requestId\":null");
      assertThat(log.replayer().replay(ReplayScope.decision(a.decisionId())).allIdentical())
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFindDecisionsWhenQueriedByCustomerPackActionAndTime(String db) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(),
            DecisionLogOptions.defaults().withClock(clock))) {
      // given: one customer per hour
      Profile[] profiles = {Profile.COMPARING, Profile.EAGER, Profile.BROWSING, Profile.READY};
      for (int i = 0; i < profiles.length; i++) {
        clock.set(Instant.parse("2026-11-27T09:00:00Z").plusSeconds(3600L * i));
        decide(log, "REQ-" + i, customer("C-" + i, profiles[i], true));
      }
      DecisionQuery all = DecisionQuery.all();
      // when / then
      assertThat(log.find(all.customer("C-1"))).extracting(DecisionRecord::requestId)
          .containsExactly("REQ-1");
      assertThat(log.find(all.action("PUSH_CONTENT_PACK"))).extracting(DecisionRecord::requestId)
          .containsExactly("REQ-1", "REQ-3");
      assertThat(log.find(all.action("CREATE_SALES_TASK"))).extracting(DecisionRecord::customerId)
          .containsExactly("C-0", "C-2");
      assertThat(log.count(all.action("CREATE_SALES"))).isZero();
      assertThat(log.count(all.action("CREATE%SALES_TASK"))).isZero();
      assertThat(log.count(all.pack("cmi-threshold"))).isEqualTo(4);
      assertThat(log.count(all.pack("cmi-threshold", "1.0.0"))).isEqualTo(4);
      assertThat(log.count(all.pack("cmi-threshold", "2.0.0"))).isZero();
      assertThat(log.count(all.pack("no-such-pack"))).isZero();
      assertThat(log.find(all.recorded(Instant.parse("2026-11-27T10:00:00Z"),
          Instant.parse("2026-11-27T12:00:00Z")))).extracting(DecisionRecord::requestId)
          .containsExactly("REQ-1", "REQ-2");
      assertThat(log.find(all.page(1, 2))).extracting(DecisionRecord::sequence)
          .containsExactly(2L, 3L);
      assertThat(log.find(all.page(3, 0))).extracting(DecisionRecord::sequence)
          .containsExactly(4L);
      assertThat(log.get("no-such-id")).isEmpty();
      assertThat(log.byRequestId("no-such-request")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldLeaveCustomerEmptyWhenTheFactsNameSeveralCustomers(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      List<Fact> facts = new ArrayList<>(customer("C-1", Profile.QUIET, true));
      facts.addAll(customer("C-2", Profile.QUIET, true));
      // when
      RecordedDecision ack = decide(log, "REQ-two", facts);
      // then
      assertThat(log.get(ack.decisionId()).orElseThrow().customerId()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordNothingWhenTheDecisionWasNotMadeFromTheEvaluation(String db) {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      Evaluation evaluation = evaluation("REQ-1", customer("C-1", Profile.QUIET, true));
      Decision decision = engine().evaluate(evaluation);
      Evaluation other = new Evaluation(evaluation.pipeline().subList(0, 2), evaluation.facts(),
          evaluation.now(), "REQ-1", evaluation.actor());
      Evaluation later = new Evaluation(evaluation.pipeline(), evaluation.facts(),
          evaluation.now().plusSeconds(1), "REQ-1", evaluation.actor());
      // when / then
      assertThatThrownBy(() -> log.record(other, decision))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was not made from this evaluation");
      assertThatThrownBy(() -> log.record(later, decision))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> log.record(evaluation("x".repeat(300), evaluation.facts()),
          decision)).isInstanceOf(IllegalArgumentException.class);
      assertThat(log.count(DecisionQuery.all())).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseToRecordWhenTheLogIsClosed(String db) {
    try (var ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);
      DecisionLog log = DecisionLog.open(store, engine());
      decide(log, "REQ-1", customer("C-1", Profile.QUIET, true));
      // when
      log.close();
      // then
      assertThatThrownBy(() -> decide(log, "REQ-2", customer("C-2", Profile.QUIET, true)))
          .isInstanceOf(DecisionLogException.class)
          .hasMessageContaining("closed");
      try (DecisionLog reopened = DecisionLog.open(store, engine())) {
        assertThat(reopened.count(DecisionQuery.all())).isEqualTo(1);
        assertThat(decide(reopened, "REQ-2", customer("C-2", Profile.QUIET, true)).sequence())
            .isEqualTo(2);
        assertThat(reopened.verify().ok()).isTrue();
      }
    }
  }
}
