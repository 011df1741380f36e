package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewQueueTest {
  static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  static final Instant DUE = T0.plus(Duration.ofHours(4));

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static ReviewQueue queueWithBothItems(BatonStore store) {
    ReviewQueue q = ReviewQueue.on(store);
    q.queue("BP-1", ReviewRole.LEGAL, "D-1", 42L, T0, DUE);
    q.queue("BP-1", ReviewRole.FINANCE, "D-1", 42L, T0, DUE);
    return q;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReturnTheReviewDecidedMessageWhenAReviewerDecides(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));

      // when
      ReviewMessage m = q.decide("BP-1", ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "fine"), T0.plusSeconds(60));

      // then
      assertThat(m.name()).isEqualTo("review-decided");
      assertThat(m.correlationKey()).isEqualTo("BP-1:legal");
      assertThat(m.variables()).containsEntry("approved", true).containsEntry("comment", "fine")
          .containsEntry("reviewer", "li.legal").containsEntry("role", "legal");
      assertThat(q.item("BP-1", ReviewRole.LEGAL).orElseThrow().status())
          .isEqualTo(ReviewStatus.APPROVED);
      assertThat(q.pending(ReviewRole.LEGAL)).isEmpty();
      assertThat(q.pending(ReviewRole.FINANCE)).extracting(ReviewItem::itemId)
          .containsExactly("BP-1:finance");
      assertThat(q.messageFor("BP-1", ReviewRole.LEGAL)).contains(m);
      assertThat(q.messageFor("BP-1", ReviewRole.FINANCE)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldListTheRolesDecidedItemsLatestFirstWhenAskedForTheHistory(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given: two packs, legal decides both (the second later), finance decides nothing
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));
      q.queue("BP-2", ReviewRole.LEGAL, "D-2", 43L, T0, DUE);
      q.queue("BP-3", ReviewRole.LEGAL, "D-3", 44L, T0, DUE);
      q.decide("BP-1", ReviewRole.LEGAL,
          ReviewVerdict.reject(ReviewRole.LEGAL, "li.legal", "no consent"), T0.plusSeconds(10));
      q.decide("BP-2", ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li.legal", "fine"), T0.plusSeconds(20));

      // when
      List<ReviewItem> legal = q.decided(ReviewRole.LEGAL, 10);

      // then: decided ones only, latest first, with who, when, verdict and comment
      assertThat(legal).extracting(ReviewItem::packId).containsExactly("BP-2", "BP-1");
      assertThat(legal.get(1)).satisfies(i -> {
        assertThat(i.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(i.reviewer()).isEqualTo("li.legal");
        assertThat(i.comment()).isEqualTo("no consent");
        assertThat(i.decidedAt()).isEqualTo(T0.plusSeconds(10));
      });
      assertThat(q.decided(ReviewRole.LEGAL, 1)).extracting(ReviewItem::packId)
          .containsExactly("BP-2");
      assertThat(q.decided(ReviewRole.FINANCE, 10)).isEmpty();
      assertThat(q.decided(ReviewRole.LEGAL, 0)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseASecondDecisionAndKeepTheFirstWhenTheItemIsDecided(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));
      q.decide("BP-1", ReviewRole.FINANCE,
          ReviewVerdict.reject(ReviewRole.FINANCE, "wang", "too deep"), T0);
      ReviewItem before = q.item("BP-1", ReviewRole.FINANCE).orElseThrow();

      // when / then
      assertThatThrownBy(() -> q.decide("BP-1", ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "zhao", "ok"), T0.plusSeconds(5)))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
              assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.ALREADY_DECIDED))
          .hasMessageContaining("already rejected by wang").hasMessageContaining("final");
      assertThat(q.item("BP-1", ReviewRole.FINANCE)).contains(before);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseAndChangeNothingWhenTheReviewerActsInAnotherRole(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));
      ReviewItem before = q.item("BP-1", ReviewRole.LEGAL).orElseThrow();

      // when / then
      assertThatThrownBy(() -> q.decide("BP-1", ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang", "ok"), T0))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
              assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.ROLE_MISMATCH))
          .hasMessageContaining("A finance reviewer cannot decide the legal review of battle"
              + " pack 'BP-1'");
      assertThat(q.item("BP-1", ReviewRole.LEGAL)).contains(before);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseWhenTheItemIsUnknownOrARejectionHasNoComment(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));

      // when / then
      assertThatThrownBy(() -> q.decide("BP-404", ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li", null), T0))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
              assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.UNKNOWN_ITEM));
      assertThatThrownBy(() -> q.decide("BP-1", ReviewRole.LEGAL,
          ReviewVerdict.reject(ReviewRole.LEGAL, "li", " "), T0))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
              assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.INVALID_VERDICT))
          .hasMessageContaining("needs a comment");
      assertThat(q.item("BP-1", ReviewRole.LEGAL).orElseThrow().status())
          .isEqualTo(ReviewStatus.PENDING);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepAnEscalatedItemOpenForTheReviewerWhenItIsLate(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));

      // when
      ReviewItem escalated = q.escalate("BP-1", ReviewRole.LEGAL, DUE);
      ReviewItem again = q.escalate("BP-1", ReviewRole.LEGAL, DUE.plusSeconds(60));
      ReviewMessage m = q.decide("BP-1", ReviewRole.LEGAL,
          ReviewVerdict.approve(ReviewRole.LEGAL, "li", "late but fine"), DUE.plusSeconds(90));

      // then
      assertThat(escalated.status()).isEqualTo(ReviewStatus.ESCALATED);
      assertThat(again).isEqualTo(escalated);
      assertThat(m.variables()).containsEntry("approved", true);
      assertThat(q.escalate("BP-1", ReviewRole.LEGAL, DUE.plusSeconds(120)).status())
          .isEqualTo(ReviewStatus.APPROVED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepTheFirstItemWhenTheSamePackIsQueuedTwice(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));

      // when
      ReviewItem second = q.queue("BP-1", ReviewRole.LEGAL, "D-1", 42L, T0.plusSeconds(10),
          DUE.plusSeconds(10));

      // then
      assertThat(second.dueAt()).isEqualTo(DUE);
      assertThat(q.pending(ReviewRole.LEGAL)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheSecondReviewAndChangeNothingWhenOnePersonDecidesBoth(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given li decided the legal review
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));
      q.decide("BP-1", ReviewRole.LEGAL, ReviewVerdict.approve(ReviewRole.LEGAL, "li", "ok"), T0);
      ReviewItem before = q.item("BP-1", ReviewRole.FINANCE).orElseThrow();

      // when / then: li (any case) cannot decide the finance review too
      assertThatThrownBy(() -> q.decide("BP-1", ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, " LI ", "fine"), T0.plusSeconds(5)))
          .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
              assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.SAME_REVIEWER))
          .hasMessageContaining("already decided the legal review of battle pack 'BP-1'")
          .hasMessageContaining("four eyes");
      assertThat(q.item("BP-1", ReviewRole.FINANCE)).contains(before);
      assertThat(q.decide("BP-1", ReviewRole.FINANCE,
          ReviewVerdict.approve(ReviewRole.FINANCE, "wang", "fine"), T0.plusSeconds(6))
          .variables()).containsEntry("reviewer", "wang");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldLetOnePersonDecideBothReviewsWhenFourEyesIsOff(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);
      queueWithBothItems(store);
      ReviewQueue q = ReviewQueue.on(store, ReviewPolicy.DEFAULT.withFourEyes(false));
      q.decide("BP-1", ReviewRole.LEGAL, ReviewVerdict.approve(ReviewRole.LEGAL, "li", "ok"), T0);

      // when
      q.decide("BP-1", ReviewRole.FINANCE, ReviewVerdict.approve(ReviewRole.FINANCE, "li", "ok"),
          T0);

      // then
      assertThat(q.forPack("BP-1")).extracting(ReviewItem::status)
          .containsExactly(ReviewStatus.APPROVED, ReviewStatus.APPROVED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldAcceptOnlyOneOfTwoVerdictsWhenOnePersonDecidesBothAtOnce(String db)
      throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given
      ReviewQueue q = queueWithBothItems(BatonStore.open(ds));
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var start = new java.util.concurrent.CountDownLatch(1);
      try {
        // when li decides legal and finance at the same moment
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (ReviewRole role : ReviewRole.values()) {
          results.add(pool.submit(() -> {
            start.await();
            try {
              q.decide("BP-1", role, ReviewVerdict.approve(role, "li", "ok"), T0);
              return true;
            } catch (ReviewRefusedException e) {
              return false;
            }
          }));
        }
        start.countDown();
        int accepted = 0;
        for (var f : results) {
          accepted += f.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }

        // then
        assertThat(accepted).isEqualTo(1);
        assertThat(q.forPack("BP-1")).filteredOn(i -> !i.status().open()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
