package dev.baton.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows printed as aligned columns, two spaces apart. Widths count Chinese, Japanese and Korean
 * characters as two columns, as terminals show them.
 */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  /** A table with this header row. */
  Table(String... header) {
    rows.add(header);
  }

  /** Adds a row; null cells print as {@code -}. */
  Table row(Object... cells) {
    rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString())
        .toArray(String[]::new));
    return this;
  }

  /** True when only the header is there. */
  boolean isEmpty() {
    return rows.size() == 1;
  }

  void print(PrintWriter out) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - width(row[i]) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  static int width(String s) {
    return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
  }

  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
