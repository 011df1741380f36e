package dev.baton.engine.workflow.internal.rest;

/** Input that cannot be a request of this endpoint; answered 400 before the engine sees it. */
final class BadRequest extends RuntimeException {
  final int status;
  final String title;

  BadRequest(String detail) {
    this(400, "INVALID_ARGUMENT", detail);
  }

  BadRequest(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }
}
