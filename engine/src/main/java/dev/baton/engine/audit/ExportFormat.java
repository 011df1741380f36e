package dev.baton.engine.audit;

/** Formats of {@link DecisionLog#export}. */
public enum ExportFormat {
  /**
   * RFC 4180 CSV with a header row, UTF-8; the input and the decision are JSON text in their
   * columns.
   */
  CSV,
  /** A JSON array of records, UTF-8; the input and the decision are nested JSON objects. */
  JSON
}
