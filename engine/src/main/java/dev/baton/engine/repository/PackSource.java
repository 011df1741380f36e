package dev.baton.engine.repository;

import java.nio.file.Path;
import java.util.Objects;

/** Where a pack is imported from: a folder, a pack file (YAML or JSON) or a zip. */
public sealed interface PackSource {

  /**
   * A pack folder ({@code pack.yaml} and optionally {@code examples.yaml}), a single pack file,
   * or a {@code .zip} file holding a pack folder.
   */
  static PackSource path(Path path) {
    return new FromPath(path);
  }

  /**
   * Uploaded bytes: a zip when the name ends in {@code .zip} or the bytes start like a zip,
   * otherwise a YAML or JSON pack file (UTF-8).
   *
   * @param name the file name, used to guess the syntax and in messages
   */
  static PackSource bytes(String name, byte[] content) {
    return new FromBytes(name, content);
  }

  /** A path on the local file system. */
  record FromPath(Path path) implements PackSource {
    public FromPath {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Uploaded bytes with their file name. */
  record FromBytes(String name, byte[] content) implements PackSource {
    public FromBytes {
      Objects.requireNonNull(name, "name");
      content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
      return content.clone();
    }
  }
}
