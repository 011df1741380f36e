package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir
  Path dir;

  @Test
  void shouldPrintOkWithCoordinatesAndHashWhenPackIsValid() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);

    // when
    Baton.Run run = Baton.run("validate", pack.toString());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("OK ").contains("tiny@1.0.0").containsPattern(
        "sha256:[0-9a-f]{64}");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldPrintEveryProblemWithLineAndColumnWhenPackIsInvalid() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.INVALID_PACK, null);

    // when
    Baton.Run run = Baton.run("validate", pack.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out())
        .contains("INVALID", "(2 problems)")
        .containsPattern("pack\\.yaml:13:\\d+: rule 'r0': .*colour")
        .containsPattern("pack\\.yaml:15:\\d+: rule 'r0': .*URGENT");
  }

  @Test
  void shouldReportEveryPackWhenOneOfThemIsInvalid() throws IOException {
    // given
    Path valid = TinyPack.write(Files.createDirectory(dir.resolve("valid")), TinyPack.PACK, null);
    Path invalid = TinyPack.write(Files.createDirectory(dir.resolve("invalid")),
        TinyPack.INVALID_PACK, null);

    // when
    Baton.Run run = Baton.run("validate", invalid.toString(), valid.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out()).contains("INVALID  " + invalid, "OK       " + valid);
  }

  @Test
  void shouldExitWithUsageErrorAndNameTheFileWhenItDoesNotExist() {
    // given
    Path missing = dir.resolve("no-such-pack.yaml");

    // when
    Baton.Run run = Baton.run("validate", missing.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("baton validate: ", "no-such-pack.yaml")
        .doesNotContain("Exception", "\tat ");
  }
}
