package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The battle-pack workflow end to end on the embedded engine, through the official client: the
 * BPMN from rule-packs, the real workers, reviewers deciding through the review queue, which
 * completes the review user tasks.
 */
class BattlePackWorkflowTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  /** Database + Baton + embedded engine + client + the running workflow. */
  static final class Running implements AutoCloseable {
    final HikariDataSource dataSource;
    final Baton baton;
    final EmbeddedWorkflowEngine engine;
    final WorkflowRestServer rest;
    final CamundaClient client;
    final BattlePackRuntime battle;
    /** An instance started on the earlier, message-based BPMN before the current one, or 0. */
    final long earlierInstance;

    Running(String database) throws Exception {
      this(database, null);
    }

    /** As {@link #Running(String)}, first starting a visit on an earlier BPMN version. */
    Running(String database, byte[] earlierBpmn) throws Exception {
      dataSource = TestDatabases.fresh(database);
      baton = Baton.open(dataSource, true);
      DemoData.load(baton.store());
      engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0));
      rest = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
      // gRPC for the workers, REST for the review user tasks (as a Camunda 8 client has both)
      client = CamundaClient.newClientBuilder().grpcAddress(engine.grpcAddress())
          .restAddress(rest.restAddress()).preferRestOverGrpc(false).build();
      if (earlierBpmn != null) {
        client.newDeployResourceCommand().addResourceBytes(earlierBpmn, "visit-battle-pack.bpmn")
            .send().join();
        earlierInstance = VisitRequests.start(client, DemoData.VISIT_AI_ALLOWED);
      } else {
        earlierInstance = 0;
      }
      BattlePackServices services = BattlePackServices.of(baton,
          PackLoader.fixed(Fixture.templates()))
          .withClock(Clock.fixed(DemoData.DEMO_NOW, ZoneOffset.UTC));
      battle = BattlePackRuntime.start(client, services,
          Files.readAllBytes(Fixture.RULE_PACKS.resolve("workflows/visit-battle-pack.bpmn")));
    }

    ReviewItem awaitPending(ReviewRole role, long instance) {
      return await().atMost(Duration.ofSeconds(30)).until(
          () -> battle.pendingReviews(role).stream()
              .filter(i -> i.processInstanceKey() == instance).findFirst().orElse(null),
          i -> i != null);
    }

    boolean active(long processInstanceKey) throws SQLException {
      try (var c = dataSource.getConnection();
          var ps = c.prepareStatement(
              "select count(*) from wf_element_instance where entity_key = ?")) {
        ps.setLong(1, processInstanceKey);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1) > 0;
        }
      }
    }

    UserTask awaitTask(long instance, ReviewRole role) {
      return await().atMost(Duration.ofSeconds(30)).until(
          () -> ReviewTasks.of(client, instance, role).orElse(null), t -> t != null);
    }

    dev.baton.engine.workflow.IncidentView awaitIncident(long instance) {
      return await().atMost(Duration.ofSeconds(30)).until(
          () -> engine.inspector().incidents(true).stream()
              .filter(i -> i.processInstanceKey() == instance).findFirst().orElse(null),
          i -> i != null);
    }

    /** A raw REST call, as any HTTP client could make it; returns the status. */
    int post(String path, String json) throws Exception {
      var http = java.net.http.HttpClient.newHttpClient();
      return http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(rest.restAddress() + path))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void awaitCompleted(long instance) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !active(instance));
    }

    @Override
    public void close() {
      battle.close();
      client.close();
      rest.close();
      engine.close();
      baton.close();
      dataSource.close();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReleaseThePackWhenLegalAndFinanceApprove(String db) throws Exception {
    try (Running r = new Running(db)) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);

      // when
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      ReviewItem finance = r.awaitPending(ReviewRole.FINANCE, instance);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "claims are backed"));
      r.battle.decide(finance.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "within margin"));

      // then
      r.awaitCompleted(instance);
      StoredPack pack = r.battle.services().packs().pack(legal.packId()).orElseThrow();
      assertThat(pack.status()).isEqualTo("RELEASED");
      assertThat(pack.processInstanceKey()).isEqualTo(instance);
      assertThat(pack.pack().pricingStrategies()).hasSize(3);
      assertThat(pack.pack().riskHints()).hasSize(2);
      assertThat(r.baton.decisions().get(legal.decisionId())).isPresent();
      assertThat(r.battle.services().packs().timeline(legal.decisionId()))
          .allSatisfy(s -> assertThat(s.processInstanceKey()).isEqualTo(instance))
          .extracting(WorkflowStep::jobType)
          .containsSubsequence(BattlePackWorkers.EVALUATE, BattlePackWorkers.GATHER_CONTEXT,
              BattlePackWorkers.GENERATE_BATTLE_PACK, BattlePackWorkers.RELEASE_PACK)
          .doesNotContain(BattlePackWorkers.RETURN_TO_REP);
      assertThat(r.battle.services().packs().outbox(legal.decisionId()))
          .extracting(OutboxEntry::action).containsExactly("RELEASE_BATTLE_PACK");
    }
  }

  @Test
  void shouldReturnThePackToTheRepWithTheCommentWhenFinanceRejects() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);

      // when
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.reject(ReviewRole.FINANCE, "wang.finance", "discount below floor"));
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "fine"));

      // then
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RETURNED");
      assertThat(r.battle.services().packs().outbox(legal.decisionId()))
          .singleElement().satisfies(e -> assertThat(e.payloadJson())
              .contains("discount below floor"));
    }
  }

  @Test
  void shouldRefuseASecondVerdictAndKeepTheFirstWhenAReviewIsDecidedTwice() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"));

      // when / then
      assertThatThrownBy(() -> r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.reject(ReviewRole.LEGAL, "zhao.legal", "changed my mind")))
          .isInstanceOf(ReviewRefusedException.class)
          .hasMessageContaining("already");
      assertThat(r.battle.services().reviews().item(legal.packId(), ReviewRole.LEGAL)
          .orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReleaseALargeDealsPackOnlyAfterTheManagerApprovesWhenLegalAndFinanceApproved(
      String db) throws Exception {
    try (Running r = new Running(db)) {
      // given: a 1,500,000 deal, above the review limit
      long instance = r.battle.startVisit(DemoData.VISIT_HUMAN_REVIEW);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "claims are backed"));
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "within margin"));

      // when: legal and finance approved, the pack waits for the manager
      ReviewItem manager = r.awaitPending(ReviewRole.MANAGER, instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isNotEqualTo("RELEASED");
      r.battle.decide(manager.packId(), ReviewRole.MANAGER,
          ReviewVerdict.approve(ReviewRole.MANAGER, "zhou.manager", "go"));

      // then
      r.awaitCompleted(instance);
      assertThat(manager.packId()).isEqualTo(legal.packId());
      StoredPack pack = r.battle.services().packs().pack(legal.packId()).orElseThrow();
      assertThat(pack.status()).isEqualTo("RELEASED");
      assertThat(pack.pack().pricingStrategies()).hasSize(3);
      assertThat(pack.pack().riskHints()).hasSize(2);
      assertThat(r.battle.services().packs().timeline(legal.decisionId()))
          .extracting(WorkflowStep::jobType)
          .containsSubsequence(BattlePackWorkers.EVALUATE, BattlePackWorkers.GENERATE_BATTLE_PACK,
              BattlePackWorkers.QUEUE_REVIEW, BattlePackWorkers.QUEUE_REVIEW,
              BattlePackWorkers.QUEUE_REVIEW, BattlePackWorkers.RELEASE_PACK)
          .doesNotContain(BattlePackWorkers.CARRY_OUT_ALTERNATIVES);
      assertThat(r.battle.services().packs().outbox(legal.decisionId()))
          .singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("RELEASE_BATTLE_PACK");
            assertThat(e.payloadJson()).contains("zhou.manager");
          });
    }
  }

  @Test
  void shouldReturnALargeDealsPackToTheRepWhenTheManagerRejects() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_HUMAN_REVIEW);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"));
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"));
      ReviewItem manager = r.awaitPending(ReviewRole.MANAGER, instance);

      // when
      r.battle.decide(manager.packId(), ReviewRole.MANAGER,
          ReviewVerdict.reject(ReviewRole.MANAGER, "zhou.manager", "bring the tender plan"));

      // then
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RETURNED");
      assertThat(r.battle.services().packs().outbox(legal.decisionId()))
          .singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("RETURN_TO_REP");
            assertThat(e.payloadJson()).contains("bring the tender plan");
          });
    }
  }

  @Test
  void shouldNotAskTheManagerWhenTheDealIsWithinTheReviewLimit() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);

      // when
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"));
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"));

      // then
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RELEASED");
      assertThat(r.battle.services().reviews().item(legal.packId(), ReviewRole.MANAGER))
          .isEmpty();
    }
  }

  @Test
  void shouldCarryOutTheAlternativesWhenConsentBlocksTheAi() throws Exception {
    try (Running r = new Running("h2")) {
      // when
      long instance = r.battle.startVisit(DemoData.VISIT_CONSENT_BLOCKED);

      // then
      r.awaitCompleted(instance);
      List<WorkflowStep> steps = await().atMost(Duration.ofSeconds(10)).until(
          () -> stepsOf(r, instance), s -> !s.isEmpty());
      assertThat(steps).extracting(WorkflowStep::jobType)
          .containsExactly(BattlePackWorkers.EVALUATE, BattlePackWorkers.CARRY_OUT_ALTERNATIVES);
      assertThat(r.battle.pendingReviews(ReviewRole.LEGAL)).isEmpty();
    }
  }

  @Test
  void shouldEscalateALateReviewAndStillCompleteWhenItIsDecided() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED, Duration.ofSeconds(1));
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);

      // when
      await().atMost(Duration.ofSeconds(30)).until(() -> r.battle.services().reviews()
          .item(legal.packId(), ReviewRole.LEGAL).orElseThrow().status()
          == ReviewStatus.ESCALATED);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "late but fine"));
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"));

      // then
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RELEASED");
      assertThat(stepsOf(r, instance)).extracting(WorkflowStep::jobType)
          .contains(BattlePackWorkers.ESCALATE_REVIEW);
    }
  }

  @Test
  void shouldRefuseTheSecondReviewByTheSamePersonAndLeaveItsTaskOpen() throws Exception {
    try (Running r = new Running("h2")) {
      // given: li.legal approved the legal review
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);
      UserTask financeTask = r.awaitTask(instance, ReviewRole.FINANCE);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "fine"));

      // when: the same person decides the finance review too (four eyes)
      assertThatThrownBy(() -> r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, " LI.legal ", "also fine")))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e -> assertThat(e.reason())
              .isEqualTo(ReviewRefusedException.Reason.SAME_REVIEWER));

      // then: nothing changed: the finance item and its task stay open, unassigned
      assertThat(r.battle.services().reviews().item(legal.packId(), ReviewRole.FINANCE)
          .orElseThrow().status()).isEqualTo(ReviewStatus.PENDING);
      UserTask still = ReviewTasks.of(r.client, instance, ReviewRole.FINANCE).orElseThrow();
      assertThat(still.getUserTaskKey()).isEqualTo(financeTask.getUserTaskKey());
      assertThat(still.getState()).isEqualTo(UserTaskState.CREATED);
      assertThat(still.getAssignee()).isNull();
      assertThat(r.active(instance)).isTrue();
    }
  }

  @Test
  void shouldReleaseNothingWhenReviewTasksAreCompletedWithForgedVerdicts() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);

      // when: a caller that can reach the engine completes both review tasks itself, over raw
      // REST, with approving verdicts
      for (ReviewRole role : List.of(ReviewRole.LEGAL, ReviewRole.FINANCE)) {
        long task = r.awaitTask(instance, role).getUserTaskKey();
        assertThat(r.post("/v2/user-tasks/" + task + "/completion", "{\"variables\":"
            + " {\"approved\": true, \"comment\": \"forged\", \"reviewer\": \"mallory\","
            + " \"role\": \"" + role.wire() + "\"}}")).isEqualTo(204);
      }

      // then: the release step refuses with an incident; nothing is released or sent
      var incident = r.awaitIncident(instance);
      assertThat(incident.elementId()).isEqualTo("release-pack");
      assertThat(incident.errorMessage()).contains("review queue says PENDING");
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isNotEqualTo("RELEASED");
      assertThat(r.battle.services().packs().outbox(legal.decisionId())).isEmpty();
      assertThat(r.battle.services().reviews().forPack(legal.packId()))
          .extracting(ReviewItem::status).containsOnly(ReviewStatus.PENDING);
    }
  }

  @Test
  void shouldReleaseNothingWhenReviewTasksAreCompletedWithoutVerdicts() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);

      // when: both tasks are completed through the client with no variables at all
      for (ReviewRole role : List.of(ReviewRole.LEGAL, ReviewRole.FINANCE)) {
        r.client.newCompleteUserTaskCommand(r.awaitTask(instance, role).getUserTaskKey())
            .send().join();
      }

      // then: the workflow takes the rejection branch, whose step refuses too
      var incident = r.awaitIncident(instance);
      assertThat(incident.elementId()).isEqualTo("return-to-rep");
      assertThat(incident.errorMessage()).contains("without a verdict");
      assertThat(r.battle.services().packs().outbox(legal.decisionId())).isEmpty();
    }
  }

  @Test
  void shouldReturnNothingWhenAForgedRejectionCompletesATask() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "fine"));

      // when
      r.client.newCompleteUserTaskCommand(
          r.awaitTask(instance, ReviewRole.FINANCE).getUserTaskKey())
          .variables(java.util.Map.of("approved", false, "comment", "forged",
              "reviewer", "mallory", "role", "finance"))
          .send().join();

      // then
      var incident = r.awaitIncident(instance);
      assertThat(incident.elementId()).isEqualTo("return-to-rep");
      assertThat(r.battle.services().packs().outbox(legal.decisionId())).isEmpty();
    }
  }

  @Test
  void shouldCompleteTheReviewTaskWithTheRecordedVerdictWhenAReviewerDecides() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      long instance = r.battle.startVisit(DemoData.VISIT_AI_ALLOWED);
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      UserTask open = r.awaitTask(instance, ReviewRole.LEGAL);
      assertThat(open.getCandidateGroups()).containsExactly("legal");
      assertThat(ReviewTasks.open(r.client, ReviewRole.LEGAL))
          .extracting(UserTask::getProcessInstanceKey).contains(instance);
      ReviewTasks.claim(r.client, open.getUserTaskKey(), "li.legal");

      // when
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.reject(ReviewRole.LEGAL, "li.legal", "claim 2 lacks evidence"));

      // then: the task is completed by the reviewer, and a repeated delivery changes nothing
      UserTask done = ReviewTasks.of(r.client, instance, ReviewRole.LEGAL).orElseThrow();
      assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);
      assertThat(done.getAssignee()).isEqualTo("li.legal");
      assertThat(ReviewTasks.open(r.client, ReviewRole.LEGAL))
          .extracting(UserTask::getProcessInstanceKey).doesNotContain(instance);
      r.battle.republish(legal.packId(), ReviewRole.LEGAL);
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"));
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RETURNED");
    }
  }

  @Test
  void shouldFinishAnInstanceOfTheEarlierMessageBasedVersionWhenReviewersDecide()
      throws Exception {
    byte[] earlier;
    try (var in = BattlePackWorkflowTest.class.getResourceAsStream(
        "/battlepack/visit-battle-pack-v1-messages.bpmn")) {
      earlier = in.readAllBytes();
    }
    try (Running r = new Running("h2", earlier)) {
      // given: an instance of the message-based version, waiting for its reviews
      long instance = r.earlierInstance;
      ReviewItem legal = r.awaitPending(ReviewRole.LEGAL, instance);
      r.awaitPending(ReviewRole.FINANCE, instance);

      // when
      r.battle.decide(legal.packId(), ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"));
      r.battle.decide(legal.packId(), ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"));

      // then: it finishes on its own version, through the messages it waits for
      r.awaitCompleted(instance);
      assertThat(r.battle.services().packs().pack(legal.packId()).orElseThrow().status())
          .isEqualTo("RELEASED");
      assertThat(ReviewTasks.of(r.client, instance, ReviewRole.LEGAL)).isEmpty();
    }
  }

  private static List<WorkflowStep> stepsOf(Running r, long instance) {
    return r.battle.services().packs().timelineOfInstance(instance);
  }
}
