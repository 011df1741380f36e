package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatonCliTest {

  @Test
  void shouldPrintVersionWhenAskedForVersion() {
    // given
    String[] args = {"--version"};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("baton ").doesNotContain("@project.version@");
  }

  @Test
  void shouldListCommandsAndExitCodesWhenAskedForHelp() {
    // given
    String[] args = {"--help"};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("validate", "test", "evaluate", "drl")
        .contains("Exit codes:", "0 ", "1 ", "2 ", "3 ");
  }

  @Test
  void shouldPrintUsageAndExitWithUsageErrorWhenNoCommandGiven() {
    // given
    String[] args = {};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("missing command", "Usage: baton");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldExitWithUsageErrorWhenCommandUnknown() {
    // given
    String[] args = {"compile", "pack.yaml"};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'compile'");
  }
}
