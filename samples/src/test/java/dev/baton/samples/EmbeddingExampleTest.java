package dev.baton.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rules.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

  @Test
  void shouldPrintFiredRulesActionsAndVetoesWhenRunOnTheSampleCustomer() {
    // given
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    // when
    Decision decision = EmbeddingExample.run(out);

    // then
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(decision.fired()).isNotEmpty();
    assertThat(decision.actions()).isNotEmpty();
    decision.fired().forEach(f -> assertThat(printed).contains(f.pack() + "/" + f.rule()));
    decision.actions().forEach(a -> assertThat(printed).contains(a.action()));
    assertThat(printed)
        .contains("Pipeline: cmi-threshold@", "Scores: CMI = 75")
        .contains("PUSH_CONTENT_PACK")
        .contains("Vetoed actions (1):", "RECOMMEND_FOLLOW_UP_SCRIPT", "proof: EV-3003-VOICE-2")
        .contains("Nearest misses", "ai-trigger/generate-battle-pack");
  }
}
