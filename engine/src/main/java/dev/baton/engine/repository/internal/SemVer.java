package dev.baton.engine.repository.internal;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Semantic-version precedence (semver.org, section 11): major, minor and patch compare as
 * numbers; a pre-release is lower than its release; pre-release identifiers compare one by one,
 * numeric ones as numbers and below alphanumeric ones, and a shorter list is lower.
 */
public final class SemVer {
  /** Orders version strings by precedence. */
  public static final Comparator<String> ORDER = SemVer::compare;

  private SemVer() {}

  /** Negative, zero or positive as {@code a} is lower than, equal to or higher than {@code b}. */
  public static int compare(String a, String b) {
    String[] pa = split(a);
    String[] pb = split(b);
    String[] ma = pa[0].split("\\.");
    String[] mb = pb[0].split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = number(ma, i).compareTo(number(mb, i));
      if (c != 0) {
        return c;
      }
    }
    if (pa[1] == null || pb[1] == null) {
      return pa[1] == null ? (pb[1] == null ? 0 : 1) : -1;
    }
    String[] ia = pa[1].split("\\.");
    String[] ib = pb[1].split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      int c = identifier(ia[i], ib[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  private static String[] split(String v) {
    int dash = v.indexOf('-');
    return dash < 0 ? new String[] {v, null}
        : new String[] {v.substring(0, dash), v.substring(dash + 1)};
  }

  private static BigInteger number(String[] parts, int i) {
    try {
      return i < parts.length ? new BigInteger(parts[i]) : BigInteger.ZERO;
    } catch (NumberFormatException e) {
      return BigInteger.ZERO;
    }
  }

  private static int identifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  }
}
