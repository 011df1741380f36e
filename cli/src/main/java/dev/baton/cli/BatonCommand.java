package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.ConcurrentEditException;
import dev.baton.engine.repository.PackRefusedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the baton subcommands. Expected failures become a message on stderr and an exit code,
 * never a stack trace: a {@link ValidationException} (a pack, examples or facts that are not
 * valid) prints every problem and exits with {@link ExitCodes#INVALID}, and so does a change the
 * pack repository refuses because of the pack's state (a version not above the last, content
 * already published, a draft changed meanwhile); any other {@link BatonException} (a missing
 * pack, a database that cannot be opened) or an unreadable file exits with {@link
 * ExitCodes#USAGE}. Anything else is a bug and is left to picocli, which prints the stack trace
 * and exits with {@link ExitCodes#INTERNAL}.
 */
abstract class BatonCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    return attempt(this::execute);
  }

  /**
   * Runs one step and returns its exit code, or reports its expected failure and returns the
   * matching code; lets a command go on with its next pack after one failed.
   */
  protected int attempt(IntSupplier step) {
    try {
      return step.getAsInt();
    } catch (ValidationException | PackRefusedException | ConcurrentEditException e) {
      error(e.getMessage());
      return ExitCodes.INVALID;
    } catch (BatonException | UncheckedIOException e) {
      error(e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** Runs the command and returns its exit code (see {@link ExitCodes}). */
  protected abstract int execute();

  /** Where results go (stdout unless the caller set another writer). */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where errors and notes go. */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints {@code baton <command>: message} on stderr. */
  protected void error(String message) {
    err().println(spec.qualifiedName() + ": " + message);
  }
}
