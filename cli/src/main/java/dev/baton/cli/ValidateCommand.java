package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePackInvalidException;
import dev.baton.engine.rulepack.RulePacks;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baton validate <pack>...}: checks every pack and reports every problem of each. */
@Command(
    name = "validate",
    description = {
        "Checks rule packs and reports every problem.",
        "Prints OK with id@version and the SHA-256 content hash of each valid pack, and every"
            + " problem of each invalid one with its file, line, column, rule and field."})
final class ValidateCommand extends BatonCommand {

  @Parameters(arity = "1..*", paramLabel = "<pack>",
      description = "A pack file (pack.yaml or pack.json) or a pack folder.")
  List<Path> packs;

  @Override
  protected int execute() {
    int exit = ExitCodes.OK;
    for (Path path : packs) {
      exit = Math.max(exit, validate(path));
    }
    return exit;
  }

  private int validate(Path path) {
    try {
      RulePack pack = RulePacks.read(path);
      out().printf("OK       %s  %s  sha256:%s%n", path, pack.coordinates(),
          RulePacks.contentHash(pack));
      return ExitCodes.OK;
    } catch (RulePackInvalidException e) {
      int n = e.problems().size();
      out().printf("INVALID  %s  (%d %s)%n", path, n, n == 1 ? "problem" : "problems");
      e.problems().forEach(problem -> out().println("  " + problem));
      return ExitCodes.INVALID;
    } catch (BatonException | UncheckedIOException e) {
      error(e.getMessage());
      return ExitCodes.USAGE;
    }
  }
}
