package dev.baton.engine.audit.internal;

import dev.baton.engine.audit.DocumentCompression;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a record's JSON documents: UTF-8 in a zlib stream (RFC 1950), so that any
 * tool can read them ({@code python3 -c "import zlib; zlib.decompress(...)"}). Compressed at the
 * fastest level (the documents are repetitive JSON and compress about five times even so), or,
 * with {@link DocumentCompression#STORE}, in zlib's stored blocks: the same format, read the
 * same way, without the compression's CPU.
 */
final class Documents {
  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
  private static final ThreadLocal<Deflater> STORER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.NO_COMPRESSION));
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
  private static final int INITIAL = 32 * 1024;
  private static final int MAX_KEPT = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[INITIAL]);

  private Documents() {}

  static byte[] compress(String json, DocumentCompression how) {
    byte[] in = json.getBytes(StandardCharsets.UTF_8);
    boolean store = how == DocumentCompression.STORE;
    Deflater d = store ? STORER.get() : DEFLATER.get();
    d.reset();
    d.setInput(in);
    d.finish();
    // stored blocks add 5 bytes per 64 KB block and the zlib header and checksum
    byte[] out = new byte[store ? in.length + 5 * (in.length / 65_535 + 1) + 6 + 64
        : Math.max(64, in.length / 3)];
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
    // inflated straight into one per-thread buffer, grown when a document needs it: no stream,
    // no copies but the one into the string
    byte[] out = BUFFER.get();
    Inflated inflated = new Inflated(out);
    inflated.inflate(stored);
    if (inflated.bytes != out) {
      // grown: kept for the next document unless a rare huge one would stay pinned to the thread
      BUFFER.set(inflated.bytes.length > MAX_KEPT ? new byte[INITIAL] : inflated.bytes);
    }
    return inflated.text();
  }

  /**
   * A stored document inflated to its UTF-8 bytes, into a buffer that is reused from one
   * document to the next (one per thread and use: replay compares bytes without making text).
   */
  static final class Inflated {
    private byte[] bytes;
    private int length;

    Inflated() {
      this(new byte[INITIAL]);
    }

    private Inflated(byte[] buffer) {
      this.bytes = buffer;
    }

    /** The buffer: its first {@link #length()} bytes are the document. */
    byte[] bytes() {
      return bytes;
    }

    int length() {
      return length;
    }

    /** The document as text, exactly as {@link Documents#decompress} returns it. */
    String text() {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Whether the bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF). Then the text has exactly the characters the bytes
     * encode, as any UTF-8 reader reads them; otherwise the text has replacement characters
     * where a lenient reader might read something else.
     */
    boolean wellFormed() {
      byte[] b = bytes;
      int i = 0;
      while (i < length) {
        // JSON is mostly ASCII: eight bytes at a time while none has its high bit
        while (i + 8 <= length && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
          i += 8;
        }
        if (i >= length) {
          break;
        }
        int c = b[i] & 0xFF;
        if (c < 0x80) {
          i++;
          continue;
        }
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
          n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
          n = 2;
          lo = c == 0xE0 ? 0xA0 : 0x80;
          hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
          n = 3;
          lo = c == 0xF0 ? 0x90 : 0x80;
          hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
          return false;
        }
        if (i + n >= length) {
          return false; // cut short
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
          return false;
        }
        for (int k = 2; k <= n; k++) {
          if ((b[i + k] & 0xC0) != 0x80) {
            return false;
          }
        }
        i += n + 1;
      }
      return true;
    }

    /** Inflates {@code stored}; a value that is not zlib data throws (the row was changed). */
    void inflate(byte[] stored) {
      if (bytes.length > MAX_KEPT) {
        bytes = new byte[INITIAL]; // a rare huge document does not stay pinned to the thread
      }
      Inflater inflater = INFLATER.get();
      inflater.reset();
      inflater.setInput(stored);
      byte[] out = bytes;
      int n = 0;
      try {
        while (!inflater.finished()) {
          if (n == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
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
      } finally {
        bytes = out;
      }
      length = n;
    }
  }
}
