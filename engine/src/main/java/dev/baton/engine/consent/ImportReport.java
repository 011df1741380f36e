package dev.baton.engine.consent;

import java.util.List;

/**
 * The outcome of a CSV import. An import is all or nothing: when {@link #errors()} is not empty,
 * nothing was imported.
 *
 * @param rowsRead the data rows read (the header row not counted)
 * @param imported the rows imported: {@code rowsRead} on success, 0 when there is any error
 * @param errors every problem found, in line order; empty on success
 */
public record ImportReport(int rowsRead, int imported, List<RowError> errors) {

  public ImportReport {
    errors = List.copyOf(errors);
  }

  /** True when the import succeeded. */
  public boolean ok() {
    return errors.isEmpty();
  }

  /**
   * One problem in the CSV file.
   *
   * @param line the 1-based line of the file (the header is line 1); for a row that spans
   *     several lines (a quoted value with a line break) the line it starts on; 0 when the
   *     problem is with the import as a whole (another writer added the same evidence id
   *     while the file was imported)
   * @param field the column the problem is in, or null for the row or file as a whole
   * @param message what is wrong, with the value
   * @param hint what to do about it, or null
   */
  public record RowError(int line, String field, String message, String hint) {

    /** {@code line 3, channel: message Hint: hint}. */
    @Override
    public String toString() {
      return "line " + line + (field == null ? "" : ", " + field) + ": " + message
          + (hint == null ? "" : " Hint: " + hint);
    }
  }
}
