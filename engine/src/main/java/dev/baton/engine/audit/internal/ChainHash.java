package dev.baton.engine.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hashes of the chain (the formula is in the audit package's Javadoc). The content digest
 * is computed where the record is made or read, in parallel; only the short chain step runs in
 * the single writer, so hashing never limits the commit rate.
 */
public final class ChainHash {
  /** The previous hash of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private ChainHash() {}

  /** SHA-256 over the length-prefixed fields, in lower-case hex. */
  public static String content(String decisionId, String requestId, Instant evaluatedAt,
      String actor, String customerId, String packRefs, String actionNames, byte[] input,
      byte[] decision) {
    MessageDigest sha = SHA.get();
    sha.reset();
    field(sha, decisionId);
    field(sha, requestId);
    field(sha, evaluatedAt.toString());
    field(sha, actor);
    field(sha, customerId);
    field(sha, packRefs);
    field(sha, actionNames);
    field(sha, input);
    field(sha, decision);
    return HEX.formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String value) {
    if (value == null) {
      sha.update((byte) '-');
      return;
    }
    field(sha, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest sha, byte[] bytes) {
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  /** The chain hash of the record at {@code sequence}. */
  public static String link(String previousHash, long sequence, Instant recordedAt,
      String contentHash) {
    MessageDigest sha = SHA.get();
    sha.reset();
    String text = previousHash + ":" + sequence + ":" + recordedAt + ":" + contentHash;
    return HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
