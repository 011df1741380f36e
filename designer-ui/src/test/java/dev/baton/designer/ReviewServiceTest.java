package dev.baton.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.audit.AuditFilter;
import dev.baton.designer.audit.AuditService;
import dev.baton.designer.review.ReviewService;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The review and audit services refuse on the server, whatever the UI shows. */
class ReviewServiceTest extends DesignerTestBase {
  @Autowired ReviewService reviews;
  @Autowired AuditService audit;
  @Autowired BattlePackRuntime runtime;

  @Test
  @WithMockUser(username = "legal", roles = "REVIEWER")
  void shouldRefuseAVerdictWhenTheReviewerWorksAnotherQueue() {
    // when / then: legal may not decide the finance review
    assertThatThrownBy(() -> reviews.decide("BP-any", ReviewRole.FINANCE, true, "ok"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(reviews.myRoles()).containsExactly(ReviewRole.LEGAL);
    // and: nor claim its task
    assertThatThrownBy(() -> reviews.claim("BP-any", ReviewRole.FINANCE))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "legal", roles = "REVIEWER")
  void shouldRefuseAClaimAndChangeNothingWhenTheReviewHasNoOpenTask() {
    // given: an open legal review of an instance that has no review task
    String packId = "BP-NO-TASK-" + java.util.UUID.randomUUID();
    java.time.Instant now = java.time.Instant.now();
    runtime.services().reviews().queue(packId, ReviewRole.LEGAL, "D-x", 2L, now,
        now.plusSeconds(3600));
    // when / then
    assertThatThrownBy(() -> reviews.claim(packId, ReviewRole.LEGAL))
        .isInstanceOfSatisfying(ReviewRefusedException.class, e -> assertThat(e.getMessage())
            .contains("no open task"));
    assertThat(reviews.inbox()).filteredOn(e -> e.item().packId().equals(packId))
        .singleElement().satisfies(e -> assertThat(e.userTaskKey()).isNull());
    assertThat(runtime.services().reviews().item(packId, ReviewRole.LEGAL).orElseThrow()
        .status().open()).isTrue();
  }

  @Test
  @WithMockUser(username = "admin", roles = "ADMIN")
  void shouldRefuseTheSecondReviewAndHideItFromTheInboxWhenOnePersonDecidedTheFirst() {
    // given an administrator (who works both queues) approved the legal review of a pack
    String packId = "BP-FOUR-EYES-" + java.util.UUID.randomUUID();
    java.time.Instant now = java.time.Instant.now();
    for (ReviewRole role : ReviewRole.values()) {
      runtime.services().reviews().queue(packId, role, "D-x", 1L, now, now.plusSeconds(3600));
    }
    reviews.decide(packId, ReviewRole.LEGAL, true, "checked");
    // when / then: the same person cannot decide the finance review too
    assertThatThrownBy(() -> reviews.decide(packId, ReviewRole.FINANCE, true, "ok"))
        .isInstanceOfSatisfying(ReviewRefusedException.class, e -> assertThat(e.reason())
            .isEqualTo(ReviewRefusedException.Reason.SAME_REVIEWER));
    assertThat(runtime.services().reviews().item(packId, ReviewRole.FINANCE).orElseThrow()
        .status().open()).isTrue();
    assertThat(reviews.inbox()).extracting(e -> e.item().packId()).doesNotContain(packId);
  }

  @Test
  @WithMockUser(username = "analyst", roles = "ANALYST")
  void shouldRefuseTheInboxAndAVerdictWhenTheUserIsNoReviewer() {
    // when / then
    assertThatThrownBy(() -> reviews.inbox()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> reviews.decide("BP-any", ReviewRole.LEGAL, true, "ok"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "legal", roles = "REVIEWER")
  void shouldRefuseTheAuditWhenTheUserIsNoAuditor() {
    // when / then
    assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> audit.search(AuditFilter.none()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "auditor", roles = "AUDITOR")
  void shouldFindTheDemoDecisionsWhenTheAuditorSearchesByPack() {
    // when
    long n = audit.count(new AuditFilter(null, "cmi-threshold", null, null, null, null));
    // then
    assertThat(n).isGreaterThanOrEqualTo(48);
    assertThat(audit.verify().ok()).isTrue();
  }
  @Test
  @WithMockUser(username = "legal", roles = "REVIEWER")
  void shouldRefuseToGiveBackAndKeepTheClaimWhenSomeoneElseHoldsTheReview() {
    // given: a legal review task claimed by another person
    dev.baton.engine.battlepack.VisitRequest visit = dev.baton.engine.battlepack.VisitRequest.of(
        "VR-GIVE-BACK-" + java.util.UUID.randomUUID(), "C-3003", "REP-21",
        java.time.LocalDate.now().plusDays(3), "WECOM");
    long instance = runtime.startVisit(visit);
    io.camunda.client.api.search.response.UserTask task = awaitTask(instance);
    dev.baton.engine.battlepack.ReviewTasks.claim(runtime.client(), task.getUserTaskKey(),
        "li.other");
    String packId = runtime.pendingReviews(ReviewRole.LEGAL).stream()
        .filter(i -> i.processInstanceKey() == instance).findFirst().orElseThrow().packId();

    // when / then
    assertThatThrownBy(() -> reviews.unclaim(packId, ReviewRole.LEGAL))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("li.other");
    assertThat(dev.baton.engine.battlepack.ReviewTasks.of(runtime.client(), instance,
        ReviewRole.LEGAL).orElseThrow().getAssignee()).isEqualTo("li.other");
    // and: the inbox shows the other reviewer's open finance review on the legal card
    assertThat(reviews.inbox()).filteredOn(e -> e.item().packId().equals(packId))
        .singleElement().satisfies(e -> assertThat(e.otherReviews())
            .extracting(i -> i.role()).containsExactly(ReviewRole.FINANCE));
    // and: a history search never shows another queue's decisions
    assertThat(reviews.history("", 500)).allSatisfy(h -> assertThat(h.item().role())
        .isEqualTo(ReviewRole.LEGAL));
    // cleanup: decide both reviews, so no other test finds this pack waiting
    runtime.decide(packId, ReviewRole.LEGAL, dev.baton.engine.battlepack.ReviewVerdict.reject(
        ReviewRole.LEGAL, "li.other", "test cleanup"));
    runtime.decide(packId, ReviewRole.FINANCE, dev.baton.engine.battlepack.ReviewVerdict.reject(
        ReviewRole.FINANCE, "wang.other", "test cleanup"));
  }

  private io.camunda.client.api.search.response.UserTask awaitTask(long instance) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      var t = dev.baton.engine.battlepack.ReviewTasks.of(runtime.client(), instance,
          ReviewRole.LEGAL);
      if (t.isPresent()) {
        return t.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no legal review task for instance " + instance);
  }
}
