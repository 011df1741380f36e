package dev.baton.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes an output file whole or not at all: into a temporary file next to it, moved into place
 * when complete, so that a failed export never leaves half a file (or overwrites a good one).
 */
final class OutputFiles {

  /** What writes the content. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {}

  static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new UncheckedIOException(new IOException("Cannot write " + target + ": the folder "
          + folder + " does not exist. Create it, or give another -o."));
    }
    if (Files.isDirectory(absolute)) {
      throw new UncheckedIOException(new IOException("Cannot write " + target
          + ": it is a folder. Give a file name with -o."));
    }
    Path temp = null;
    try {
      // not Files.createTempFile: its owner-only permissions would stay on the result
      temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the move succeeded or the write failed and reported; a leftover .part is harmless
        }
      }
    }
  }
}
