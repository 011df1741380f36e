package dev.baton.designer.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewHistoryTest {
  private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
  private static final ReviewHistoryEntry REJECTED = new ReviewHistoryEntry(new ReviewItem(
      "BP-7", ReviewRole.LEGAL, "D-7", 1L, ReviewStatus.REJECTED, "Voice consent missing",
      "li.legal", T, T, null, T), "C-2002");

  @Test
  void shouldMatchEveryWordInAnyFieldIgnoringCase() {
    assertThat(REJECTED.matches("")).isTrue();
    assertThat(REJECTED.matches("voice c-2002")).isTrue();
    assertThat(REJECTED.matches("rejected LI.LEGAL")).isTrue();
    assertThat(REJECTED.matches("bp-7 legal")).isTrue();
    assertThat(REJECTED.matches("approved")).isFalse();
    assertThat(REJECTED.matches("voice C-9999")).isFalse();
  }

  @Test
  void shouldSayOneBattlePackInTheSingularWhenOneWaits() {
    Texts en = new Texts(Messages.EN);
    assertThat(en.t("review.summary", 1, 0)).isEqualTo("1 battle pack waits for your review");
    assertThat(en.t("review.summary", 3, 1))
        .isEqualTo("3 battle packs wait for your review, 1 of them overdue");
    assertThat(en.t("review.summary", 0, 0)).isEqualTo("No battle pack waits for your review");
    assertThat(new Texts(Messages.ZH_CN).t("review.summary", 2, 1))
        .isEqualTo("2 个作战包等待您预审，其中 1 个已逾期");
  }
}
