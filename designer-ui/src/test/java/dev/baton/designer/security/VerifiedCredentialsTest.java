package dev.baton.designer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @Test
  void shouldTrustARememberedPasswordUntilItExpires() {
    // given
    VerifiedCredentials c = new VerifiedCredentials(Duration.ofSeconds(60), 10, clock);
    c.remember("ops", "secret");
    // when
    boolean fresh = c.verified("ops", "secret");
    boolean otherPassword = c.verified("ops", "secret2");
    boolean otherUser = c.verified("ops2", "secret");
    now.set(now.get().plusSeconds(60));
    boolean expired = c.verified("ops", "secret");
    // then
    assertThat(fresh).isTrue();
    assertThat(otherPassword).isFalse();
    assertThat(otherUser).isFalse();
    assertThat(expired).isFalse();
  }

  @Test
  void shouldForgetEveryPasswordOfAUserWhenTheUserIsForgotten() {
    // given
    VerifiedCredentials c = new VerifiedCredentials(Duration.ofSeconds(60), 10, clock);
    c.remember("ops", "old");
    c.remember("ops", "new");
    c.remember("legal", "x");
    // when
    c.forget("ops");
    // then
    assertThat(c.verified("ops", "old")).isFalse();
    assertThat(c.verified("ops", "new")).isFalse();
    assertThat(c.verified("legal", "x")).isTrue();
  }

  @Test
  void shouldKeepAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
    // given
    VerifiedCredentials c = new VerifiedCredentials(Duration.ofSeconds(60), 2, clock);
    c.remember("a", "1");
    c.remember("b", "2");
    c.verified("a", "1");
    // when
    c.remember("c", "3");
    // then
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.verified("a", "1")).isTrue();
    assertThat(c.verified("b", "2")).isFalse();
    assertThat(c.verified("c", "3")).isTrue();
  }
}
