package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrlCommandTest {

  @TempDir
  Path dir;

  @Test
  void shouldPrintTheGeneratedRulesWhenThePackIsValid() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);

    // when
    Baton.Run run = Baton.run("drl", pack.toString());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("rule \"r0\"", "declare Order");
  }

  @Test
  void shouldExitWithUsageErrorWhenThePackDoesNotExist() {
    // given
    Path missing = dir.resolve("nowhere");

    // when
    Baton.Run run = Baton.run("drl", missing.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("baton drl: No such file or folder", "nowhere");
    assertThat(run.out()).isEmpty();
  }
}
