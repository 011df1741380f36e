package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

  @TempDir
  Path dir;

  @Test
  void shouldPassAndSummariseWhenEveryExampleHolds() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, TinyPack.EXAMPLES);

    // when
    Baton.Run run = Baton.run("test", pack.toString());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("✔ A large order creates a sales task", "✔ A small order creates nothing")
        .contains("tiny@1.0.0: 2 passed, 0 failed");
  }

  @Test
  void shouldPrintWhichRulesAndConditionsTheExamplesExercised() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, TinyPack.EXAMPLES);

    // when
    Baton.Run run = Baton.run("test", pack.toString());

    // then: r0 fired for the large order and missed on its only condition for the small one
    assertThat(run.out())
        .contains("tiny@1.0.0 coverage: 1 of 1 rules fired in some example, 1 of 1 conditions"
            + " seen both holding and failing")
        .contains("  fired      r0  in 1 of 2 examples  conditions: 1 held+failed");
  }

  @Test
  void shouldPrintEveryDifferenceAndFailWhenAnExampleExpectsWrongly() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, TinyPack.WRONG_EXAMPLES);

    // when
    Baton.Run run = Baton.run("test", pack.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out())
        .contains("✔ A large order creates a sales task", "✘ A small order creates nothing")
        .contains("- rule 'r0' was expected to fire but did not")
        .contains("actual: fired []")
        .contains("tiny@1.0.0: 1 passed, 1 failed");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheFolderHasNoExamples() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);

    // when
    Baton.Run run = Baton.run("test", pack.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("No examples in " + pack, "examples.yaml");
  }

  @Test
  void shouldPrintEveryProblemAndFailWhenThePackIsInvalid() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.INVALID_PACK, TinyPack.EXAMPLES);

    // when
    Baton.Run run = Baton.run("test", pack.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).containsPattern("pack\\.yaml:13:\\d+: rule 'r0'")
        .containsPattern("pack\\.yaml:15:\\d+: rule 'r0'");
  }

  /**
   * The template packs are written alongside this module; this test catches a template whose
   * examples no longer hold. Runs from the cli module folder, as Maven does.
   */
  @Test
  void shouldPassEveryExampleWhenTestingTheTemplatePacks() {
    // given
    String[] packs = {
        "../rule-packs/consent-check", "../rule-packs/ai-trigger", "../rule-packs/cmi-threshold"};

    // when
    Baton.Run run = Baton.run(concat("test", packs));

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("consent-check@", "ai-trigger@", "cmi-threshold@")
        .doesNotContain("✘");
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
