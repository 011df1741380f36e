package dev.baton.cli;

import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.RulesEngine;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code baton drl <pack>}: prints the Drools rule language generated for a pack. */
@Command(
    name = "drl",
    description = {
        "Prints the Drools rule language (DRL) generated for a pack.",
        "For developers: the DRL is generated whenever a pack is loaded; never edit it."})
final class DrlCommand extends BatonCommand {

  @Parameters(paramLabel = "<pack>", description = "A pack file or a pack folder.")
  Path pack;

  @Override
  protected int execute() {
    String drl = RulesEngine.create().drl(RulePacks.read(pack));
    out().print(drl.endsWith("\n") ? drl : drl + "\n");
    out().flush();
    return ExitCodes.OK;
  }
}
