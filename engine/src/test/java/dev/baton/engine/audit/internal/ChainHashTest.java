package dev.baton.engine.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins the chain hash: the values below were computed independently from the formula in the
 * audit package's Javadoc (length-prefixed fields, {@code -} for null, SHA-256 in lower-case
 * hex). A change to {@link ChainHash} that changes them would make every existing log fail
 * verification.
 */
class ChainHashTest {
  private static final String CONTENT =
      "64bd5f6821aa88d33de5426cfdc85c40d68cf9b4f7a6f9c35be896d2c73df50b";

  @Test
  void shouldComputeTheKnownContentHashWhenGivenFixedFields() {
    // given
    byte[] input = {120, 1, 2, 3};
    byte[] decision = "décision".getBytes(StandardCharsets.UTF_8);

    // when
    String content = ChainHash.content("0190a0b0-0000-7000-8000-000000000001", "R-1",
        Instant.parse("2026-11-27T09:00:00.123Z"), "alice", null,
        "cmi-threshold@1.0.0#abc ai-trigger@2.0.0#def", "notify block", input, decision);

    // then
    assertThat(content).isEqualTo(CONTENT);
  }

  @Test
  void shouldComputeTheKnownLinkWhenGivenTheGenesisAndAContentHash() {
    // when
    String link = ChainHash.link(ChainHash.GENESIS, 1,
        Instant.parse("2026-11-27T09:00:01.500Z"), CONTENT);

    // then
    assertThat(link).isEqualTo(
        "2b17c7036029e5fe13557cef1b72ce325036c73b7a92156404470814a130bb7b");
  }
}
