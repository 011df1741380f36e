package dev.baton.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.store.Databases;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class JobWorkerExampleTest {

  @Test
  void shouldPriceQuoteWhenWorkerRunsAgainstEmbeddedEngine() throws Exception {
    // given
    try (var ds = Databases.pooled(Databases.h2Url(Files.createTempDirectory("baton-sample-")))) {
      // when
      var result = JobWorkerExample.run(ds);

      // then: 40 × 30 = 1200, 5 % off
      assertThat(result).containsEntry("currency", "EUR").containsEntry("discount", 0.05);
      assertThat(((Number) result.get("total")).doubleValue()).isEqualTo(1140.0);
    }
  }
}
