package dev.baton.designer.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in words, per language. */
class DurationTextTest {
  private final Texts en = new Texts(Messages.EN);
  private final Texts zh = new Texts(Messages.ZH_CN);

  @Test
  void shouldUseTheLargestUnitsThatMatterWhenFormatting() {
    assertThat(DurationText.of(Duration.ofMillis(2440), en)).isEqualTo("2.4 s");
    assertThat(DurationText.of(Duration.ofSeconds(185), en)).isEqualTo("3 min 5 s");
    assertThat(DurationText.of(Duration.ofMinutes(80), en)).isEqualTo("1 h 20 min");
    assertThat(DurationText.of(Duration.ofHours(51), en)).isEqualTo("2 d 3 h");
    assertThat(DurationText.of(Duration.ofMinutes(80), zh)).isEqualTo("1 小时 20 分");
  }
}
