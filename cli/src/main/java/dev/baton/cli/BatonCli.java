package dev.baton.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code baton} command: groups the subcommands and documents the exit codes. Run it with
 * {@code new CommandLine(new BatonCli()).execute(args)}; {@link #main} does that with UTF-8
 * output and exits with the code.
 */
@Command(
    name = "baton",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = BatonVersion.class,
    exitCodeOnExecutionException = ExitCodes.INTERNAL,
    description = "Validates, tests and evaluates Baton rule packs.",
    subcommands = {
        ValidateCommand.class,
        TestCommand.class,
        EvaluateCommand.class,
        DrlCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Success: every pack valid, every example passed, the evaluation done.",
        "1:A pack, examples file or facts file is not valid, or an example failed.",
        "2:Usage or input error: unknown option, missing argument, missing or unreadable file.",
        "3:Internal error (a bug in baton): please report it with the stack trace."},
    footerHeading = "%n",
    footer = "Rule-pack format: docs/rule-pack-format.md. Run 'baton help <command>' for details.")
public final class BatonCli implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Runs baton with the arguments and exits with its exit code. */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BatonCli())
        .setOut(utf8(System.out))
        .setErr(utf8(System.err));
    System.exit(cli.execute(args));
  }

  /** {@code baton} without a subcommand: the usage, on stderr, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("baton: missing command.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  // Pack titles, example names and decisions hold Chinese text: write UTF-8 whatever the locale.
  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
