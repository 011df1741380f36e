package dev.baton.designer.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.review.ui.ReviewInboxView;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ReviewerRolesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private final ReviewerRoles roles = ReviewerRoles.of("legal, Li.Wei", "finance");

  private static ReviewItem item(ReviewStatus status, Instant due) {
    return new ReviewItem("BP-1", ReviewRole.LEGAL, "D-1", 7L, status, null, null, due,
        NOW.minusSeconds(3600), null, null);
  }

  @Test
  void shouldGiveEachReviewerTheirQueueWhenNamedInTheConfiguration() {
    // when / then
    assertThat(roles.rolesOf("legal", true, false)).containsExactly(ReviewRole.LEGAL);
    assertThat(roles.rolesOf("li.wei", true, false)).containsExactly(ReviewRole.LEGAL);
    assertThat(roles.rolesOf("finance", true, false)).containsExactly(ReviewRole.FINANCE);
  }

  @Test
  void shouldGiveNoQueueWhenTheUserLacksTheReviewerRoleOrIsNotNamed() {
    // when / then
    assertThat(roles.rolesOf("legal", false, false)).isEmpty();
    assertThat(roles.rolesOf("auditor", true, false)).isEmpty();
  }

  @Test
  void shouldGiveEveryQueueWhenTheUserIsAdministrator() {
    // when / then: legal, finance and the manager's approval of flagged packs
    assertThat(roles.rolesOf("admin", false, true)).containsExactlyInAnyOrder(ReviewRole.LEGAL,
        ReviewRole.FINANCE, ReviewRole.MANAGER);
  }

  @Test
  void shouldMarkOverdueWhenEscalatedOrPastDue() {
    // given
    ReviewItem escalated = item(ReviewStatus.ESCALATED, NOW.plusSeconds(60));
    ReviewItem late = item(ReviewStatus.PENDING, NOW.minusSeconds(1));
    ReviewItem onTime = item(ReviewStatus.PENDING, NOW.plusSeconds(60));
    ReviewItem decidedLate = item(ReviewStatus.APPROVED, NOW.minusSeconds(60));
    // when / then
    assertThat(InboxEntry.of(escalated, Optional.empty(), NOW).overdue()).isTrue();
    assertThat(InboxEntry.of(late, Optional.empty(), NOW).overdue()).isTrue();
    assertThat(InboxEntry.of(onTime, Optional.empty(), NOW).overdue()).isFalse();
    assertThat(InboxEntry.overdue(decidedLate, NOW)).isFalse();
  }

  @Test
  void shouldExplainARefusalInTheUsersLanguageWhenAVerdictIsRefused() {
    // given
    Texts en = new Texts(Messages.EN);
    Texts zh = new Texts(Messages.ZH_CN);
    ReviewRefusedException twice = new ReviewRefusedException(
        ReviewRefusedException.Reason.ALREADY_DECIDED, "already approved");
    // when / then
    assertThat(ReviewInboxView.refusal(en, twice)).contains("already decided")
        .contains("nothing was changed").contains("already approved");
    assertThat(ReviewInboxView.refusal(zh, twice)).contains("已有结论");
    assertThat(ReviewInboxView.refusal(en, new AccessDeniedException("no")))
        .contains("do not review for this queue");
  }
}
