package dev.baton.engine.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.internal.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  private static Long general(String s) {
    Instant i = Values.instant(s);
    return i == null ? null : i.toEpochMilli();
  }

  @Test
  void shouldReadLikeTheGeneralParserWhenTextIsAnEdgeCase() {
    // given
    List<String> texts = List.of("2026-11-27T09:30:00Z", "2026-11-27T09:30Z",
        "2026-11-27T09:30:00.1Z", "2026-11-27T09:30:00.123456789Z", "2026-11-27T09:30:00.1234567891Z",
        "2026-11-27T09:30:00.Z", "2026-11-27T09:30:00+08:00", "2026-11-27T09:30:00-05:30",
        "2026-11-27T09:30:00-00:00", "2026-11-27T09:30:00+18:00", "2026-11-27T09:30:00+19:00",
        "2026-11-27T09:30:00+08", "2026-11-27T09:30:00+0800", "2026-11-27T09:30:00+08:00:30",
        "2026-11-27t09:30:00z", "2026-11-27 09:30:00Z", "2026-02-29T00:00:00Z",
        "2024-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-27T24:00:00Z",
        "2026-11-27T23:59:60Z", "2026-11-27T23:60:00Z", "0000-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "1900-01-01T00:00:00.0005Z", "+12026-11-27T09:30:00Z",
        "-2026-11-27T09:30:00Z", "2026-11-27T09:30:00", "2026-11-27", "2026-11-27T09:30:00ZZ",
        "2026-11-27T09:30:00Z ", " 2026-11-27T09:30:00Z", "２０２６-11-27T09:30:00Z",
        "2026-11-27T09:3:00Z", "2026-11-27T9:30:00Z", "", "T", "2026-11-27T09:30:00.5+01:00");
    for (String s : texts) {
      // when
      Long fast = IsoInstants.millis(s);
      // then
      assertThat(fast).as(s).isEqualTo(general(s));
    }
  }

  @Test
  void shouldReadLikeTheGeneralParserWhenTextIsGenerated() {
    // given
    Random random = new Random(42);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append(String.format("%04d-%02d-%02dT%02d:%02d", random.nextInt(10_000),
          random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62)));
      if (random.nextInt(4) > 0) {
        b.append(String.format(":%02d", random.nextInt(62)));
        if (random.nextBoolean()) {
          b.append('.');
          int digits = random.nextInt(11);
          for (int d = 0; d < digits; d++) {
            b.append((char) ('0' + random.nextInt(10)));
          }
        }
      }
      switch (random.nextInt(4)) {
        case 0 -> b.append('Z');
        case 1 -> b.append(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
            random.nextInt(20), random.nextInt(61)));
        case 2 -> b.append(random.nextBoolean() ? "z" : "+08");
        default -> { }
      }
      texts.add(b.toString());
    }
    for (String s : texts) {
      // when
      Long fast = IsoInstants.millis(s);
      // then
      assertThat(fast).as(s).isEqualTo(general(s));
    }
  }
}
