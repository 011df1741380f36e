package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.runtime.Baton;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Base of the commands that work on the Baton database ({@code pack}, {@code decisions}, {@code
 * consent}): checks the command's inputs, opens the database given by {@code --db} (creating or
 * upgrading its schema), runs, and closes it. The engine's "argument does not fit" ({@link
 * IllegalArgumentException}, e.g. an actor name longer than the log keeps) is a usage error.
 */
abstract class StoreCommand extends BatonCommand {

  @Mixin
  DatabaseOptions database;

  @Option(names = "--actor", paramLabel = "<name>", defaultValue = "${sys:user.name}",
      description = "Who does this, recorded in the pack history (default: your user name).")
  String actor;

  @Override
  protected final int execute() {
    checkInputs();
    try (Baton baton = database.open()) {
      return run(baton);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /**
   * Checks the command's files and values before the database is opened, so that a typo
   * changes nothing (not even creates the data folder). Throws a {@link BatonException} (a
   * usage error) with what to fix.
   */
  protected void checkInputs() {}

  /** Runs the command on the open database and returns its exit code. */
  protected abstract int run(Baton baton);

  /** Who acts ({@code --actor}). */
  protected String actor() {
    return actor;
  }

  /** Throws a usage error unless the file or folder exists. */
  static void requireExisting(Path path, String what) {
    if (!Files.exists(path)) {
      throw new BatonException("No such " + what + ": " + path + ".");
    }
  }

  /** Throws a usage error unless the file exists and is a file. */
  static void requireFile(Path path, String what) {
    requireExisting(path, what);
    if (!Files.isRegularFile(path)) {
      throw new BatonException(path + " is not a file; give the " + what + ".");
    }
  }
}
