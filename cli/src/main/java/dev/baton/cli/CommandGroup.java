package dev.baton.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code baton pack}, {@code baton decisions}, {@code
 * baton consent}): run without one, it prints its usage on stderr as a usage error.
 */
abstract class CommandGroup implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(spec.qualifiedName() + ": missing subcommand.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
