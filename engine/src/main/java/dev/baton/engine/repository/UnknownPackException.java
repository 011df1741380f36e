package dev.baton.engine.repository;

import dev.baton.engine.BatonException;

/** The pack, its draft or the version named does not exist in the repository. */
public class UnknownPackException extends BatonException {
  private static final long serialVersionUID = 1L;
  private final String packId;
  private final String version;

  /**
   * @param version the version asked for, or null when the pack or its draft is missing
   */
  public UnknownPackException(String packId, String version, String message) {
    super(message);
    this.packId = packId;
    this.version = version;
  }

  /** The pack asked for. */
  public String packId() {
    return packId;
  }

  /** The version asked for, or null. */
  public String version() {
    return version;
  }
}
