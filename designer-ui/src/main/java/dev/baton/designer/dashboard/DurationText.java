package dev.baton.designer.dashboard;

import dev.baton.designer.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** A duration in words of the user's language, to the unit that matters: 2.4 s, 3 min 5 s, 1 h 20 min, 2 d 3 h. */
public final class DurationText {
  private DurationText() {}

  /** The duration as text. */
  public static String of(Duration d, Texts t) {
    if (d.isNegative()) {
      return "-" + of(d.negated(), t);
    }
    long seconds = d.getSeconds();
    if (seconds < 60) {
      BigDecimal s = BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(1000), 1,
          RoundingMode.HALF_UP);
      return t.t("duration.seconds", s);
    }
    if (seconds < 3600) {
      return t.t("duration.minutes", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return t.t("duration.hours", seconds / 3600, seconds % 3600 / 60);
    }
    return t.t("duration.days", seconds / 86_400, seconds % 86_400 / 3600);
  }
}
