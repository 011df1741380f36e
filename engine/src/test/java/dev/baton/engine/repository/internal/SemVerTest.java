package dev.baton.engine.repository.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SemVerTest {

  @Test
  void shouldOrderVersionsBySemverPrecedenceWhenSorted() {
    // given: the example of semver.org, section 11, plus numbers that do not sort as text
    List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0",
        "1.10.0", "2.0.0", "10.0.0");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    // when
    shuffled.sort(SemVer.ORDER);
    // then
    assertThat(shuffled).containsExactlyElementsOf(expected);
    assertThat(SemVer.compare("1.0.0", "1.0.0")).isZero();
  }

  @Test
  void shouldSuggestTheNextVersionWhenAVersionIsTaken() {
    // when / then
    assertThat(JdbcPackRepository.next("1.0.9")).isEqualTo("1.0.10");
    assertThat(JdbcPackRepository.next("1.1.0-rc.2")).isEqualTo("1.1.0");
  }
}
