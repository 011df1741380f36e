package dev.baton.engine.liquid.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The collaboration ledger's hashes, on the decision log's formula: a content digest over the
 * length-prefixed fields (so that no two field lists give the same bytes), chained as
 * {@code SHA-256(previousHash ":" sequence ":" recordedAt ":" contentHash)}.
 */
final class EventHash {
  static final String GENESIS = "0".repeat(64);
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private EventHash() {}

  static String content(String... fields) {
    MessageDigest sha = SHA.get();
    sha.reset();
    for (String f : fields) {
      if (f == null) {
        sha.update((byte) '-');
      } else {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(b);
      }
    }
    return HEX.formatHex(sha.digest());
  }

  static String link(String previousHash, long sequence, Instant recordedAt, String content) {
    return link(previousHash, sequence, recordedAt.toString(), content);
  }

  /**
   * As {@link #link(String, long, Instant, String)} with the recorded time already as text
   * ({@code Instant.toString()}): a batch shares one recorded time, formatted once.
   */
  static String link(String previousHash, long sequence, String recordedAt, String content) {
    MessageDigest sha = SHA.get();
    sha.reset();
    String text = previousHash + ":" + sequence + ":" + recordedAt + ":" + content;
    return HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
