package dev.baton.engine.workflow.internal;

/**
 * Why the engine did not apply a command: a value, not an exception. A refused command changed
 * nothing. Protocol adapters map the kind to their status codes.
 *
 * @param kind what sort of refusal, for the adapter's status code
 * @param message what was wrong and how to fix it (Zeebe's wording where Zeebe has one)
 */
public record Refusal(Kind kind, String message) {

  /** The sorts of refusal, named as the gRPC codes they become. */
  public enum Kind {
    INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED, DEADLINE_EXCEEDED,
    UNIMPLEMENTED, UNAVAILABLE, INTERNAL
  }

  static Refusal invalid(String message) {
    return new Refusal(Kind.INVALID_ARGUMENT, message);
  }

  static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }

  static Refusal invalidState(String message) {
    return new Refusal(Kind.FAILED_PRECONDITION, message);
  }
}
