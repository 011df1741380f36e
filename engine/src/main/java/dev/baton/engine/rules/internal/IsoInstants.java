package dev.baton.engine.rules.internal;

import dev.baton.engine.rulepack.internal.Values;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 date-times to epoch milliseconds, fast for the common shapes
 * ({@code 2026-11-27T09:30:00Z}, {@code 2026-11-27T09:30:00.250+08:00},
 * {@code 2026-11-27T09:30Z}); anything else goes through {@link Values#instant(String)}, which
 * defines what is accepted. The fast path only takes text that the general path reads the same
 * way (a test compares both on generated and edge-case text).
 */
final class IsoInstants {
  private IsoInstants() {}

  /** Epoch milliseconds of the text, or null when it is not an ISO-8601 date-time with offset. */
  static Long millis(String s) {
    long fast = fast(s);
    if (fast != NO) {
      return fast;
    }
    Instant i = Values.instant(s);
    return i == null ? null : i.toEpochMilli();
  }

  /** Marks text the fast path does not take (not a possible result: it is year -292 million). */
  static final long NO = Long.MIN_VALUE;

  /** The fast path: {@link #NO} when the text has any shape but the common ones. */
  static long fast(String s) {
    int n = s.length();
    // yyyy-MM-ddTHH:mm is 16 characters, then at least Z.
    if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':') {
      return NO;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59) {
      return NO;
    }
    int p = 16;
    int second = 0;
    int nanos = 0;
    if (s.charAt(p) == ':') {
      if (n < p + 4) {
        return NO;
      }
      second = digits(s, p + 1, 2);
      if (second < 0 || second > 59) {
        return NO;
      }
      p += 3;
      if (s.charAt(p) == '.') {
        int start = ++p;
        while (p < n && p - start < 9 && isDigit(s.charAt(p))) {
          nanos = nanos * 10 + (s.charAt(p) - '0');
          p++;
        }
        int width = p - start;
        if (width == 0 || (p < n && isDigit(s.charAt(p)))) {
          return NO;
        }
        for (int k = width; k < 9; k++) {
          nanos *= 10;
        }
      }
    }
    if (p >= n) {
      return NO;
    }
    int offsetSeconds;
    char c = s.charAt(p);
    if (c == 'Z') {
      if (p + 1 != n) {
        return NO;
      }
      offsetSeconds = 0;
    } else if (c == '+' || c == '-') {
      if (p + 6 != n || s.charAt(p + 3) != ':') {
        return NO;
      }
      int oh = digits(s, p + 1, 2);
      int om = digits(s, p + 4, 2);
      if (oh < 0 || oh > 17 || om < 0 || om > 59) {
        return NO;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return NO;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return NO;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000L + nanos / 1_000_000;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
