package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.DecisionQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The job handlers on a real database, driven as the workflow engine would drive them. */
class BattlePackWorkersTest {

  static List<String> databases() {
    return dev.baton.engine.store.TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReleaseThePackWhenTheAiMayActAndBothReviewsApprove(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);

      // when
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-legal-review", Map.of("role", "legal"));
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-finance-review", Map.of("role", "finance"));
      String packId = (String) wf.variables.get("packId");
      ReviewQueue reviews = f.services.reviews();
      assertThat(reviews.pending(ReviewRole.LEGAL)).extracting(ReviewItem::packId)
          .containsExactly(packId);
      assertThat(reviews.pending(ReviewRole.FINANCE)).extracting(ReviewItem::packId)
          .containsExactly(packId);
      wf.receive(reviews.decide(packId, ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"), DemoData.DEMO_NOW));
      wf.receive(reviews.decide(packId, ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "within margin"),
          DemoData.DEMO_NOW));
      FakeJobs.Sent released = wf.run(BattlePackWorkers.RELEASE_PACK);

      // then
      assertThat(wf.variables).containsEntry("aiAllowed", true);
      String decisionId = (String) wf.variables.get("decisionId");
      assertThat(f.baton.decisions().get(decisionId)).isPresent();
      assertThat(released.completed()).isTrue();
      StoredPack pack = f.services.packs().pack(packId).orElseThrow();
      assertThat(pack.status()).isEqualTo("RELEASED");
      assertThat(pack.hash()).isEqualTo(wf.variables.get("packHash")).isEqualTo(pack.pack().hash());
      assertThat(pack.pack().pricingStrategies()).hasSize(3);
      assertThat(pack.pack().riskHints()).hasSize(2);
      assertThat(f.services.packs().timeline(decisionId))
          .extracting(WorkflowStep::jobType)
          .containsExactly(BattlePackWorkers.EVALUATE, BattlePackWorkers.GATHER_CONTEXT,
              BattlePackWorkers.GENERATE_BATTLE_PACK, BattlePackWorkers.QUEUE_REVIEW,
              BattlePackWorkers.QUEUE_REVIEW, BattlePackWorkers.RELEASE_PACK);
      assertThat(f.services.packs().timeline(decisionId))
          .allSatisfy(s -> assertThat(s.processInstanceKey()).isEqualTo(wf.key));
      assertThat(f.services.packs().timeline(decisionId).get(2).summary()).contains(pack.hash());
      assertThat(f.services.packs().outbox(decisionId)).singleElement().satisfies(e -> {
        assertThat(e.action()).isEqualTo("RELEASE_BATTLE_PACK");
        assertThat(e.recipient()).isEqualTo("REP-12");
        assertThat(e.payloadJson()).contains(packId).contains("li.legal");
      });
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReturnThePackWithTheCommentsWhenFinanceRejects(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-legal-review", Map.of("role", "legal"));
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-finance-review", Map.of("role", "finance"));
      String packId = (String) wf.variables.get("packId");
      wf.receive(f.services.reviews().decide(packId, ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"), DemoData.DEMO_NOW));
      wf.receive(f.services.reviews().decide(packId, ReviewRole.FINANCE,
          ReviewVerdict.reject(ReviewRole.FINANCE, "wang.finance", "PS-2 discount too deep"),
          DemoData.DEMO_NOW));

      // when
      wf.run(BattlePackWorkers.RETURN_TO_REP);

      // then
      String decisionId = (String) wf.variables.get("decisionId");
      assertThat(wf.variables).containsEntry("financeApproved", false)
          .containsEntry("packStatus", "RETURNED");
      assertThat(f.services.packs().pack(packId).orElseThrow().status()).isEqualTo("RETURNED");
      assertThat(f.services.packs().outbox(decisionId)).singleElement().satisfies(e -> {
        assertThat(e.action()).isEqualTo("RETURN_TO_REP");
        assertThat(e.payloadJson()).contains("PS-2 discount too deep");
      });
      assertThat(f.services.packs().timeline(decisionId)).last()
          .satisfies(s -> assertThat(s.summary()).contains("PS-2 discount too deep"));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCarryOutTheAlternativesWhenConsentBlocksTheContact(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_CONSENT_BLOCKED);

      // when
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.CARRY_OUT_ALTERNATIVES);

      // then
      assertThat(wf.variables).containsEntry("aiAllowed", false);
      assertThat((String) wf.variables.get("aiBlockedReason")).contains("VOICE")
          .contains("EV-2026-1008-VOICE");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> alternatives =
          (List<Map<String, Object>>) wf.variables.get("alternativeActions");
      List<String> names = alternatives.stream().map(a -> (String) a.get("action")).toList();
      assertThat(names).isNotEmpty().doesNotContain("GENERATE_BATTLE_PACK")
          .contains("CREATE_SALES_TASK");
      String decisionId = (String) wf.variables.get("decisionId");
      assertThat(f.services.packs().outbox(decisionId)).extracting(OutboxEntry::action)
          .containsExactlyElementsOf(names);
      assertThat(f.services.packs().packsForDecision(decisionId)).isEmpty();
      assertThat(f.services.packs().timeline(decisionId)).extracting(WorkflowStep::jobType)
          .containsExactly(BattlePackWorkers.EVALUATE, BattlePackWorkers.CARRY_OUT_ALTERNATIVES);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPrepareThePackAndAskForAManagersApprovalWhenTheDealIsAboveTheReviewLimit(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_HUMAN_REVIEW);

      // when
      wf.run(BattlePackWorkers.EVALUATE);

      // then: the AI still prepares the pack; a manager approves it before release
      assertThat(wf.variables).containsEntry("aiAllowed", true)
          .containsEntry("humanApprovalRequired", true)
          .containsEntry("humanApprovalReasons", List.of("Deal size above the review limit"));
      assertThat(wf.variables).doesNotContainKey("aiBlockedReason");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheReleaseWhenTheDecisionAsksForAManagersApprovalAndNoneWasGiven(String db) {
    try (Fixture f = new Fixture(db)) {
      // given: legal and finance approved a pack whose decision asks for a manager's approval
      Fixture.Instance wf = f.start(DemoData.VISIT_HUMAN_REVIEW);
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-legal-review", Map.of("role", "legal"));
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-finance-review", Map.of("role", "finance"));
      String packId = (String) wf.variables.get("packId");
      ReviewQueue reviews = f.services.reviews();
      wf.receive(reviews.decide(packId, ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "ok"), DemoData.DEMO_NOW));
      wf.receive(reviews.decide(packId, ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang.finance", "ok"), DemoData.DEMO_NOW));
      // ... and the variable that routes to the approval is cleared from outside
      wf.variables.put("humanApprovalRequired", false);

      // when
      FakeJobs.Sent released = wf.run(BattlePackWorkers.RELEASE_PACK);

      // then: the recorded decision, not the variable, decides; nothing is released
      assertThat(released.completed()).isFalse();
      assertThat(released.errorMessage).contains("sales manager's approval")
          .contains("has no manager review");
      assertThat(f.services.packs().pack(packId).orElseThrow().status())
          .isNotEqualTo("RELEASED");
      assertThat(f.services.packs().outbox((String) wf.variables.get("decisionId"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNotRepeatAnyEffectWhenAJobIsDeliveredAgain(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      long evaluateKey = FakeJobs.nextKey();
      FakeJobs.Sent first = wf.deliver(evaluateKey, BattlePackWorkers.EVALUATE, "evaluate", Map.of());
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      long generateKey = FakeJobs.nextKey();
      FakeJobs.Sent generated = wf.deliver(generateKey, BattlePackWorkers.GENERATE_BATTLE_PACK,
          "generate-battle-pack", Map.of());

      // when
      FakeJobs.Sent again = wf.deliver(evaluateKey, BattlePackWorkers.EVALUATE, "evaluate",
          Map.of());
      FakeJobs.Sent generatedAgain = wf.deliver(generateKey,
          BattlePackWorkers.GENERATE_BATTLE_PACK, "generate-battle-pack", Map.of());

      // then
      assertThat(again.variables).isEqualTo(Fixture.JSON.convertValue(first.variables, Map.class));
      assertThat(generatedAgain.variables.get("packId")).isEqualTo(generated.variables.get("packId"));
      String decisionId = (String) wf.variables.get("decisionId");
      assertThat(f.services.packs().packsForDecision(decisionId)).hasSize(1);
      assertThat(f.services.packs().timeline(decisionId)).hasSize(3);
      assertThat(f.baton.decisions().find(DecisionQuery.all())).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRedecideOnTheRecordedInputWhenTheStepWasLostAfterRecording(String db) {
    try (Fixture f = new Fixture(db)) {
      // given: an evaluation recorded, then the worker died before its timeline step was written
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      FakeJobs.Sent first = wf.run(BattlePackWorkers.EVALUATE);
      f.baton.store().inTransaction(c -> c.createStatement().executeUpdate(
          "delete from baton_bp_step"));

      // when
      FakeJobs.Sent again = wf.run(BattlePackWorkers.EVALUATE);

      // then
      assertThat(again.variables.get("decisionId")).isEqualTo(first.variables.get("decisionId"));
      assertThat(again.variables.get("aiAllowed")).isEqualTo(true);
      assertThat(f.baton.decisions().find(DecisionQuery.all())).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFailWithoutRetriesAndChangeNothingWhenTheVisitRequestIsInvalid(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      wf.variables.put("visitRequest", Map.of("requestId", "VR-X", "customerId", "C-2002",
          "plannedDate", "next tuesday", "channel", "TELEX"));

      // when
      FakeJobs.Sent sent = wf.run(BattlePackWorkers.EVALUATE);

      // then
      assertThat(sent.completed()).isFalse();
      assertThat(sent.retries).isZero();
      assertThat(sent.errorMessage).contains("repId: is missing")
          .contains("plannedDate: 'next tuesday' is not a date")
          .contains("channel: 'TELEX' is not allowed");
      assertThat(f.baton.decisions().find(DecisionQuery.all())).isEmpty();
      assertThat(f.services.packs().timelineOfInstance(wf.key)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldEscalateOnceWhenTheReviewIsLate(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      wf.variables.put("reviewTimeout", "PT30M");
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);
      wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-legal-review", Map.of("role", "legal"));
      String packId = (String) wf.variables.get("packId");

      // when
      long key = FakeJobs.nextKey();
      wf.deliver(key, BattlePackWorkers.ESCALATE_REVIEW, "escalate-legal", Map.of("role", "legal"));
      wf.deliver(key, BattlePackWorkers.ESCALATE_REVIEW, "escalate-legal", Map.of("role", "legal"));

      // then
      ReviewItem item = f.services.reviews().item(packId, ReviewRole.LEGAL).orElseThrow();
      assertThat(item.status()).isEqualTo(ReviewStatus.ESCALATED);
      assertThat(item.dueAt()).isEqualTo(DemoData.DEMO_NOW.plus(Duration.ofMinutes(30)));
      String decisionId = (String) wf.variables.get("decisionId");
      assertThat(f.services.packs().outbox(decisionId)).extracting(OutboxEntry::action)
          .containsExactly("ESCALATE_REVIEW");
      assertThat(f.services.reviews().pending(ReviewRole.LEGAL)).extracting(ReviewItem::status)
          .containsExactly(ReviewStatus.ESCALATED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFailWithAClearMessageWhenTheQueueTaskHasNoRole(String db) {
    try (Fixture f = new Fixture(db)) {
      // given
      Fixture.Instance wf = f.start(DemoData.VISIT_AI_ALLOWED);
      wf.run(BattlePackWorkers.EVALUATE);
      wf.run(BattlePackWorkers.GATHER_CONTEXT);
      wf.run(BattlePackWorkers.GENERATE_BATTLE_PACK);

      // when
      FakeJobs.Sent sent = wf.run(BattlePackWorkers.QUEUE_REVIEW, "queue-review",
          Map.of("role", "marketing"));

      // then
      assertThat(sent.completed()).isFalse();
      assertThat(sent.retries).isZero();
      assertThat(sent.errorMessage).contains("'marketing' is not a review role");
      assertThat(f.services.reviews().forPack((String) wf.variables.get("packId"))).isEmpty();
    }
  }
}
