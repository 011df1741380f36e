package dev.baton.engine.audit.internal;

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
  private static final int INITIAL = 32 * 1024;
  private static final int MAX_KEPT = 1 << 20;
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[INITIAL]);

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
    // inflated straight into one per-thread buffer, grown when a document needs it: no stream,
    // no copies but the one into the string
    byte[] out = BUFFER.get();
    int n = 0;
    try {
      while (!inflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
          BUFFER.set(out);
        }
        int k = inflater.inflate(out, n, out.length - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("A stored decision document is truncated: the row"
              + " was changed after it was recorded; verify() names it.");
        }
        n += k;
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("A stored decision document is not zlib data: the row"
          + " was changed after it was recorded; verify() names it.", e);
    }
    if (out.length > MAX_KEPT) {
      BUFFER.set(new byte[INITIAL]); // a rare huge document does not stay pinned to the thread
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
