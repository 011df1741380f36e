package dev.baton.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs baton in-process, as the tests' boundary, and captures what it prints. */
final class Baton {

  /** What one run printed and its exit code. */
  record Run(int exitCode, String out, String err) {}

  static {
    BatonCli.quietSchemaMigrations(); // as main does
  }

  private Baton() {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BatonCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
