package dev.baton.cli;

/** The exit codes of every baton command; listed for users in the help ({@link BatonCli}). */
final class ExitCodes {
  /** Every pack valid, every example passed, the command done. */
  static final int OK = 0;
  /**
   * A pack, examples, facts or CSV file is not valid, an example failed, the repository refused
   * a change, a replay differs, or the decision log does not verify.
   */
  static final int INVALID = 1;
  /**
   * The command could not run: bad usage, a missing or unreadable file, an unknown pack or
   * decision, a database that cannot be opened, an engine error.
   */
  static final int USAGE = 2;
  /** A bug in baton: the stack trace is printed, please report it. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
