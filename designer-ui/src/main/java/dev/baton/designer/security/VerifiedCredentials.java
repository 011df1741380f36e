package dev.baton.designer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP basic credentials verified lately, so that a client sending the same user and
 * password on every call pays the BCrypt check once a minute instead of on every call.
 *
 * <p>An entry is keyed by the SHA-256 of a random per-process salt, the user name and the
 * password (never the password itself, and not comparable across restarts), holds only the
 * user name and expires after {@link #DEFAULT_TTL} whatever happens. The cache is bounded
 * (least recently used entries go first). A password change or a disabled account removes the
 * user's entries at once ({@link #forget}); a hit still loads the account, so roles and the
 * enabled flag are always current. Thread-safe.
 */
public final class VerifiedCredentials {
  /** How long a verified password is trusted without checking its hash again. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
  /** How many credentials are remembered at most. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Duration ttl;
  private final Clock clock;
  private final byte[] salt = new byte[32];
  private final Map<String, Entry> entries;

  private record Entry(String username, Instant expiresAt) {}

  /** A cache with the default time to live and capacity. */
  public VerifiedCredentials() {
    this(DEFAULT_TTL, DEFAULT_CAPACITY, Clock.systemUTC());
  }

  /** A cache with its own time to live, capacity and clock (tests). */
  public VerifiedCredentials(Duration ttl, int capacity, Clock clock) {
    if (ttl.isNegative() || capacity < 1) {
      throw new IllegalArgumentException("ttl must be >= 0 and capacity >= 1, were " + ttl
          + " and " + capacity);
    }
    this.ttl = ttl;
    this.clock = Objects.requireNonNull(clock, "clock");
    new SecureRandom().nextBytes(salt);
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True when this user and password were verified within the time to live. */
  public synchronized boolean verified(String username, String password) {
    String key = key(username, password);
    Entry e = entries.get(key);
    if (e == null) {
      return false;
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      entries.remove(key);
      return false;
    }
    return true;
  }

  /** Remembers that this user and password were just verified against the stored hash. */
  public synchronized void remember(String username, String password) {
    if (ttl.isZero()) {
      return; // remembering is off
    }
    entries.put(key(username, password), new Entry(username, clock.instant().plus(ttl)));
  }

  /** Forgets every verified password of a user (password changed, account disabled). */
  public synchronized void forget(String username) {
    entries.values().removeIf(e -> e.username().equals(username));
  }

  /** The number of remembered credentials (expired ones included until looked up). */
  public synchronized int size() {
    return entries.size();
  }

  private String key(String username, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(username.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
