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
    description = {"Validates, tests and evaluates Baton rule packs; manages the pack repository,"
        + " the decision log and the consent ledger.",
        "Commands that use the database take --db <jdbc-url> (default: the H2 file under ./data"
            + " or $BATON_DATA_DIR), --db-user, --db-password (or $BATON_DB_PASSWORD) and"
            + " --actor (default: your user name)."},
    subcommands = {
        ValidateCommand.class,
        TestCommand.class,
        CheckCommand.class,
        EvaluateCommand.class,
        DrlCommand.class,
        PackCommand.class,
        DecisionsCommand.class,
        ConsentCommand.class,
        ServeCommand.class,
        VisitCommand.class,
        ReviewCommand.class,
        LiquidCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Success: every pack valid, every example passed, the command done.",
        "1:A pack, examples, facts or CSV file is not valid, an example failed, the repository"
            + " refused a change, a replay differs, the decision log does not verify, or 'check'"
            + " found an error.",
        "2:Usage or input error: unknown option, missing argument, missing or unreadable file,"
            + " unknown pack or decision, a database that cannot be opened.",
        "3:Internal error (a bug in baton): please report it with the stack trace."},
    footerHeading = "%n",
    footer = "Rule-pack format: docs/rule-pack-format.md; commands: docs/cli.md. Run 'baton help"
        + " <command>' for details.")
public final class BatonCli implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /**
   * Liquibase (which creates the schema when a command opens the database) logs through
   * java.util.logging; held here so that the level set in {@link #main} is not garbage-collected
   * with the logger.
   */
  private static final java.util.logging.Logger LIQUIBASE_LOG =
      java.util.logging.Logger.getLogger("liquibase");

  /** Runs baton with the arguments and exits with its exit code. */
  public static void main(String[] args) {
    quietSchemaMigrations();
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

  /** Creating the schema must not fill stderr with INFO lines: only Liquibase's warnings. */
  static void quietSchemaMigrations() {
    LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  // Pack titles, example names and decisions hold Chinese text: write UTF-8 whatever the locale.
  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
