package dev.baton.designer.packs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic-version helpers for suggesting the next draft version. */
public final class Versions {
  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.-]+)?");

  private Versions() {}

  /**
   * Compares two versions by MAJOR.MINOR.PATCH, a pre-release below its release; versions that
   * are not semantic compare as text.
   */
  public static int compare(String a, String b) {
    Matcher x = SEMVER.matcher(a);
    Matcher y = SEMVER.matcher(b);
    if (!x.matches() || !y.matches()) {
      return a.compareTo(b);
    }
    for (int i = 1; i <= 3; i++) {
      int c = Long.compare(Long.parseLong(x.group(i)), Long.parseLong(y.group(i)));
      if (c != 0) {
        return c;
      }
    }
    if (x.group(4) == null || y.group(4) == null) {
      return x.group(4) == null ? (y.group(4) == null ? 0 : 1) : -1;
    }
    return x.group(4).compareTo(y.group(4));
  }

  /** The next patch version after {@code v} (a pre-release becomes its release). */
  public static String nextPatch(String v) {
    Matcher m = SEMVER.matcher(v);
    if (!m.matches()) {
      return v;
    }
    if (m.group(4) != null) {
      return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }
    return m.group(1) + "." + m.group(2) + "." + (Long.parseLong(m.group(3)) + 1);
  }
}
