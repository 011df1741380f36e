package dev.baton.engine.consent.internal;

import dev.baton.engine.consent.ImportReport.RowError;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read into rows keyed by column name, with line numbers, and every problem with the
 * file's shape (header, number of values, quoting) as row errors. RFC 4180 with a comma; values
 * are trimmed; empty lines are skipped; a UTF-8 byte-order mark (Excel) is dropped.
 */
final class CsvTable {
  private final List<Row> rows;
  private final List<RowError> errors;
  private final int rowsRead;

  private CsvTable(List<Row> rows, List<RowError> errors, int rowsRead) {
    this.rows = rows;
    this.errors = errors;
    this.rowsRead = rowsRead;
  }

  /** One data row: its first line and its values by column (absent optional columns absent). */
  record Row(int line, Map<String, String> values) {
    /** The value, or null when empty or absent. */
    String get(String column) {
      String v = values.get(column);
      return v == null || v.isEmpty() ? null : v;
    }
  }

  List<Row> rows() {
    return rows;
  }

  List<RowError> errors() {
    return errors;
  }

  int rowsRead() {
    return rowsRead;
  }

  /** Reads the file; the header must name every required column and nothing unknown. */
  static CsvTable read(Reader in, List<String> required, List<String> optional) {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
    int read = 0;
    long lineBefore = 0;
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        errors.add(new RowError(1, null, "The file is empty.",
            "The first row must be the header: " + String.join(",", required) + "."));
        return new CsvTable(rows, errors, 0);
      }
      CSVRecord headerRecord = it.next();
      lineBefore = parser.getCurrentLineNumber();
      List<String> header = header(headerRecord, required, optional, errors);
      while (it.hasNext()) {
        CSVRecord r = it.next();
        long lineAfter = parser.getCurrentLineNumber();
        int line = (int) (lineAfter - lineBreaks(r));
        lineBefore = lineAfter;
        read++;
        if (header == null) {
          continue; // the header is wrong: rows are counted, not checked
        }
        if (r.size() != header.size()) {
          errors.add(new RowError(line, null, "The row has " + r.size()
              + (r.size() == 1 ? " value" : " values") + ", but the header has "
              + header.size() + " columns.",
              "Give one value per column, in the header's order; quote a value that contains"
                  + " a comma: \"a, b\"."));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), r.get(i));
        }
        rows.add(new Row(line, Collections.unmodifiableMap(values)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // commons-csv reports malformed quoting as an unchecked exception while iterating
      errors.add(new RowError((int) lineBefore + 1, null,
          "The file is not valid CSV: " + e.getMessage(),
          "Check the quotes from this line on: a quoted value must end with a quote, and a"
              + " quote inside a quoted value is written twice (\"\")."));
    }
    return new CsvTable(rows, errors, read);
  }

  /** The header's column names, or null when the header is not usable. */
  private static List<String> header(
      CSVRecord r, List<String> required, List<String> optional, List<RowError> errors) {
    List<String> names = new ArrayList<>(r.toList());
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1).trim());
    }
    List<String> known = new ArrayList<>(required);
    known.addAll(optional);
    String expected = "The header row names the columns: " + String.join(",", required)
        + (optional.isEmpty() ? "" : " and optionally " + String.join(",", optional))
        + ", in any order.";
    int before = errors.size();
    Map<String, Integer> seen = new HashMap<>();
    for (String n : names) {
      if (!known.contains(n)) {
        errors.add(new RowError(1, n, "Unknown column '" + n + "'.", expected
            + " Names are case-sensitive."));
      } else if (seen.merge(n, 1, Integer::sum) == 2) {
        errors.add(new RowError(1, n, "Column '" + n + "' appears twice.",
            "Keep one column of that name."));
      }
    }
    for (String n : required) {
      if (!names.contains(n)) {
        errors.add(new RowError(1, n, "Column '" + n + "' is missing.", expected));
      }
    }
    return errors.size() == before ? names : null;
  }

  /** Line breaks inside the record's values: its first line is its last minus these. */
  private static int lineBreaks(CSVRecord r) {
    int n = 0;
    for (String v : r) {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch == '\n' || ch == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n')) {
          n++;
        }
      }
    }
    return n;
  }
}
