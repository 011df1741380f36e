package dev.baton.engine.audit;

/**
 * How the decision log stores a record's two JSON documents (its input and its decision). Both
 * ways write a zlib stream (RFC 1950) that any zlib reader inflates, and records written either
 * way are read, replayed, verified and exported alike, in the same log.
 */
public enum DocumentCompression {
  /**
   * Compressed at zlib's fastest level: about a fifth of the JSON's size, at about 40 µs of CPU
   * per 10 KB decision when recording and 18 µs when reading it back. The default.
   */
  DEFLATE,

  /**
   * Stored uncompressed in zlib's stored blocks: the JSON's size plus a few bytes, at a few µs.
   * Suits PostgreSQL, which compresses large values itself (TOAST), and logs that record at high
   * rates on few cores and can spend the disk; on H2 the file grows about five times as fast.
   */
  STORE;

  /**
   * The way named by {@code text} ({@code deflate} or {@code store}, any case, surrounding
   * blanks ignored).
   *
   * @throws IllegalArgumentException naming the text and the choices
   */
  public static DocumentCompression parse(String text) {
    String name = text == null ? "" : text.strip();
    for (DocumentCompression c : values()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is no way of storing decision documents:"
        + " use deflate (compressed, the default) or store (uncompressed).");
  }
}
