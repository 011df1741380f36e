package dev.baton.rulepacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.ExampleResult;
import dev.baton.engine.rules.RulesEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example of every template pack in this folder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplatePackExamplesTest {
  private static final Path ROOT = Path.of(".");
  private final RulesEngine engine = RulesEngine.create();

  static List<Path> packFolders() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.filter(p -> RulePacks.PACK_FILES.stream().anyMatch(f -> Files.exists(p.resolve(f))))
          .sorted().toList();
    }
  }

  Stream<Arguments> examples() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path folder : packFolders()) {
      RulePack pack = RulePacks.read(folder);
      Path file = RulePacks.examplesFile(folder).orElseThrow(
          () -> new AssertionError(folder + " has no examples file"));
      for (PackExample ex : RulePacks.readExamples(file)) {
        out.add(Arguments.of(pack.id(), ex.name(), pack, ex));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void shouldMatchExpectationWhenExampleIsEvaluated(String packId, String name, RulePack pack,
      PackExample example) {
    // when
    ExampleResult result = engine.runExamples(pack, List.of(example)).get(0);
    // then
    assertThat(result.differences()).as("%s / %s", packId, name).isEmpty();
  }

  @Test
  void shouldShipThreeTemplatePacksWithAtLeastEightExamplesEachWhenBuilt() throws IOException {
    // given
    List<Path> folders = packFolders();
    // then
    assertThat(folders.stream().map(p -> p.getFileName().toString()))
        .contains("ai-trigger", "cmi-threshold", "consent-check");
    for (Path folder : folders) {
      assertThat(RulePacks.readExamples(RulePacks.examplesFile(folder).orElseThrow()))
          .as(folder.toString()).hasSizeGreaterThanOrEqualTo(8);
    }
  }
}
