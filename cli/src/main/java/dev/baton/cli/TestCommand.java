package dev.baton.cli;

import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.ExampleCoverage;
import dev.baton.engine.rules.ExampleResult;
import dev.baton.engine.rules.RulesEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code baton test <pack-dir>...}: runs the examples of each pack folder and shows every
 * difference between what an example expects and what the decision was.
 */
@Command(
    name = "test",
    description = {
        "Runs the examples of each pack folder.",
        "The examples are in examples.yaml (or .json) next to pack.yaml. Prints ✔ or ✘ per"
            + " example, every difference of a failed one, and a summary line per pack, then"
            + " the coverage: which rules fired in some example, and for each condition"
            + " whether the examples saw it hold and fail."})
final class TestCommand extends BatonCommand {

  @Parameters(arity = "1..*", paramLabel = "<pack-dir>",
      description = "A pack folder with its pack file and examples file.")
  List<Path> packDirs;

  @Override
  protected int execute() {
    RulesEngine engine = RulesEngine.create();
    int exit = ExitCodes.OK;
    for (Path dir : packDirs) {
      exit = Math.max(exit, attempt(() -> test(engine, dir)));
    }
    return exit;
  }

  private int test(RulesEngine engine, Path dir) {
    if (!Files.isDirectory(dir)) {
      error((Files.exists(dir) ? dir + " is not a folder" : "No such folder: " + dir)
          + ". Give the pack folder that holds pack.yaml and examples.yaml.");
      return ExitCodes.USAGE;
    }
    RulePack pack = RulePacks.read(dir);
    Optional<Path> examplesFile = RulePacks.examplesFile(dir);
    if (examplesFile.isEmpty()) {
      error("No examples in " + dir + ": expected one of " + RulePacks.EXAMPLE_FILES
          + " next to the pack file. Add examples, or use 'baton validate' to check the pack.");
      return ExitCodes.USAGE;
    }
    List<PackExample> examples = RulePacks.readExamples(examplesFile.get());
    if (examples.isEmpty()) {
      error("The examples file " + examplesFile.get() + " holds no example.");
      return ExitCodes.USAGE;
    }
    List<ExampleResult> results = engine.runExamples(pack, examples);
    int exit = report(pack, examplesFile.get(), results);
    coverage(ExampleCoverage.of(pack, results));
    return exit;
  }

  /**
   * Which rules fired in some example, and per condition whether the examples saw it hold and
   * fail (as far as the nearest misses tell: see {@link ExampleCoverage}).
   */
  private void coverage(ExampleCoverage c) {
    out().printf("%s coverage: %d of %d rules fired in some example, %d of %d conditions seen"
        + " both holding and failing%n", c.pack(), c.firedCount(), c.rules().size(),
        c.conditionsBothWays(), c.conditionCount());
    int width = c.rules().stream().mapToInt(r -> r.ruleId().length()).max().orElse(0);
    for (ExampleCoverage.RuleCoverage r : c.rules()) {
      List<String> conditions = r.conditions().stream().map(k -> k.condition() + " "
          + (k.bothWays() ? "held+failed" : k.held() ? "held" : k.failed() ? "failed"
          : "untried")).toList();
      // Not ✔/✘: those mark examples, and a rule no example fires is not a failure.
      out().printf("  %-9s  %-" + width + "s  in %d of %d examples  conditions: %s%n",
          r.fired() ? "fired" : "not fired", r.ruleId(), r.firedIn().size(), c.examples(),
          String.join(", ", conditions));
    }
    out().println();
  }

  private int report(RulePack pack, Path examplesFile, List<ExampleResult> results) {
    out().printf("%s  (%s)%n", pack.coordinates(), examplesFile);
    int failed = 0;
    for (ExampleResult result : results) {
      if (result.passed()) {
        out().printf("  ✔ %s%n", result.name());
        continue;
      }
      failed++;
      out().printf("  ✘ %s%n", result.name());
      result.differences().forEach(d -> out().printf("      - %s%n", d));
      if (result.decision() != null) {
        out().printf("      actual: %s%n", summary(result.decision()));
      }
    }
    out().printf("%s: %d passed, %d failed%n", pack.coordinates(), results.size() - failed,
        failed);
    return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** The actual outcome in one line, so that a difference can be read in context. */
  private static String summary(Decision d) {
    StringBuilder b = new StringBuilder();
    b.append("fired ").append(d.firedRuleIds());
    b.append(", actions ").append(d.actions().stream().map(Decision.DecidedAction::action)
        .toList());
    if (!d.vetoed().isEmpty()) {
      b.append(", vetoed ").append(d.vetoed().stream().map(v -> v.action().action()).toList());
    }
    b.append(", blocked ").append(d.blocked());
    if (!d.scores().isEmpty()) {
      b.append(", scores {");
      b.append(String.join(", ", d.scores().entrySet().stream()
          .map(s -> s.getKey() + "=" + s.getValue().toPlainString()).toList()));
      b.append('}');
    }
    return b.toString();
  }
}
