package dev.baton.engine.workflow.internal;

/**
 * What a command gave: its result, or the refusal (then it changed nothing).
 *
 * @param <T> the result type
 */
public sealed interface Outcome<T> {

  /** The command was applied; its effects are committed before any response goes out. */
  record Accepted<T>(T value) implements Outcome<T> {}

  /** The command was refused and changed nothing. */
  record Refused<T>(Refusal refusal) implements Outcome<T> {}

  static <T> Outcome<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }
}
