package dev.baton.engine.repository;

import dev.baton.engine.BatonException;

/**
 * The repository refused an operation because of the pack's state (e.g. a version that is not
 * greater than the last, content identical to a published version, a retired version). Nothing
 * was changed; the message says why and what to do, {@link #reason()} lets callers branch.
 */
public class PackRefusedException extends BatonException {
  private static final long serialVersionUID = 1L;
  private final String packId;
  private final Reason reason;

  public PackRefusedException(String packId, Reason reason, String message) {
    super(message);
    this.packId = packId;
    this.reason = reason;
  }

  /** The pack concerned. */
  public String packId() {
    return packId;
  }

  /** Why the operation was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why an operation was refused. */
  public enum Reason {
    /** The draft's version is not greater than the last published version. */
    VERSION_NOT_GREATER,
    /** The draft's content is identical to a published version (apart from the version). */
    IDENTICAL_CONTENT,
    /** The version is already retired. */
    RETIRED,
    /** The version is already the active one. */
    ALREADY_ACTIVE,
    /** A pack with this id already exists (e.g. importing a template twice). */
    ALREADY_EXISTS,
    /** The pack was not imported from a template, or from another one. */
    NOT_FROM_TEMPLATE,
    /** The template given is not newer than the one the pack was imported from. */
    TEMPLATE_NOT_NEWER
  }
}
