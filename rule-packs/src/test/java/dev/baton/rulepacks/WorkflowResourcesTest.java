package dev.baton.rulepacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The workflow templates ship in the jar, byte for byte as in the folder. */
class WorkflowResourcesTest {

  @Test
  void shouldShipTheBattlePackWorkflowWhenPackaged() throws IOException {
    // given
    String resource = "baton/rule-packs/workflows/visit-battle-pack.bpmn";

    // when
    byte[] shipped;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      shipped = in.readAllBytes();
    }

    // then
    assertThat(new String(shipped, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(Path.of("workflows/visit-battle-pack.bpmn")))
        .contains("<bpmn:process id=\"visit-battle-pack\"");
  }
}
