package dev.baton.engine.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a record's JSON documents: UTF-8, compressed with zlib (RFC 1950), so that
 * any tool can read them ({@code python3 -c "import zlib; zlib.decompress(...)"}). The fastest
 * level: the documents are repetitive JSON and compress about four times even so.
 */
final class Documents {
  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

  private Documents() {}

  static byte[] compress(String json) {
    byte[] in = json.getBytes(StandardCharsets.UTF_8);
    Deflater d = DEFLATER.get();
    d.reset();
    d.setInput(in);
    d.finish();
    byte[] out = new byte[Math.max(64, in.length / 3)];
    int n = 0;
    while (!d.finished()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      n += d.deflate(out, n, out.length - n);
    }
    return Arrays.copyOf(out, n);
  }

  /** The JSON text; a stored value that is not zlib data throws (the row was changed). */
  static String decompress(byte[] stored) {
    Inflater inflater = INFLATER.get();
    inflater.reset();
    inflater.setInput(stored);
    ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 5);
    byte[] buf = new byte[8192];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("A stored decision document is truncated: the row"
              + " was changed after it was recorded; verify() names it.");
        }
        out.write(buf, 0, n);
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("A stored decision document is not zlib data: the row"
          + " was changed after it was recorded; verify() names it.", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
