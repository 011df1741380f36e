package dev.baton.cli;

/** The exit codes of every baton command; listed for users in the help ({@link BatonCli}). */
final class ExitCodes {
  /** Every pack valid, every example passed, the evaluation done. */
  static final int OK = 0;
  /** A pack, examples file or facts file is not valid, or an example failed. */
  static final int INVALID = 1;
  /** The command could not run: bad usage, a missing or unreadable file, an engine error. */
  static final int USAGE = 2;
  /** A bug in baton: the stack trace is printed, please report it. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
