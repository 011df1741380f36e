package dev.baton.engine.consent.internal;

import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSource;
import dev.baton.engine.consent.ConsentStatus;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.ImportReport;
import dev.baton.engine.consent.ImportReport.RowError;
import dev.baton.engine.consent.Purpose;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.io.Reader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CSV import of customers and consent records: every row is checked, then everything is written
 * in one transaction, or nothing when any row has a problem.
 */
final class CsvImports {
  static final List<String> CUSTOMER_COLUMNS = List.of("customerId", "name");
  static final List<String> CUSTOMER_OPTIONAL = List.of("region", "owner");
  static final List<String> CONSENT_COLUMNS = List.of("customerId", "channel", "purpose",
      "status", "source", "evidenceId", "recordedAt");
  static final List<String> CONSENT_OPTIONAL = List.of("expiresAt");

  private CsvImports() {}

  static ImportReport customers(BatonStore store, Reader csv, Instant now) {
    CsvTable table = CsvTable.read(csv, CUSTOMER_COLUMNS, CUSTOMER_OPTIONAL);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<Customer> customers = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      Customer c = new Customer(orEmpty(row.get("customerId")), orEmpty(row.get("name")),
          row.get("region"), row.get("owner"));
      List<Checks.Issue> issues = new ArrayList<>(Checks.customer(c));
      Integer earlier = c.id().isEmpty() ? null : firstLine.putIfAbsent(c.id(), row.line());
      if (earlier != null) {
        issues.add(new Checks.Issue("customerId", "Customer '" + c.id()
            + "' is also on line " + earlier + ".",
            "Keep one row per customer: the file would set it twice."));
      }
      issues.forEach(i -> errors.add(error(row, i)));
      customers.add(c);
    }
    if (!errors.isEmpty()) {
      return failed(table, errors);
    }
    store.inTransaction(c -> {
      for (Customer customer : customers) {
        ConsentTables.upsertCustomer(c, customer, now);
      }
      return null;
    });
    return new ImportReport(table.rowsRead(), customers.size(), List.of());
  }

  static ImportReport consents(BatonStore store, Reader csv, Instant now) {
    CsvTable table = CsvTable.read(csv, CONSENT_COLUMNS, CONSENT_OPTIONAL);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<Parsed> parsed = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      List<Checks.Issue> issues = new ArrayList<>();
      ConsentRecord r = parse(row, issues);
      if (r != null) {
        issues.addAll(Checks.expiry(r));
      }
      parsed.add(new Parsed(row, r));
      String evidence = row.get("evidenceId");
      Integer earlier = evidence == null ? null : firstLine.putIfAbsent(evidence, row.line());
      if (earlier != null) {
        issues.add(Checks.duplicateEvidence(evidence, "on line " + earlier));
      }
      issues.forEach(i -> errors.add(error(row, i)));
    }
    if (table.errors().stream().anyMatch(e -> e.line() == 1)) {
      return failed(table, errors); // the header is wrong: no row was checked
    }
    try {
      List<RowError> found = store.inTransaction(c -> {
        // rows with other problems are checked too, so that one pass reports everything
        Set<String> customers = ConsentTables.knownCustomers(c,
            parsed.stream().map(Parsed::customerId).filter(Objects::nonNull).toList());
        Set<String> evidence = ConsentTables.knownEvidence(c,
            parsed.stream().map(Parsed::evidenceId).filter(Objects::nonNull).toList());
        List<RowError> more = new ArrayList<>();
        for (Parsed p : parsed) {
          if (p.customerId() != null && !customers.contains(p.customerId())) {
            more.add(error(p.row(), Checks.unknownCustomer(p.customerId())));
          }
          if (p.evidenceId() != null && evidence.contains(p.evidenceId())) {
            more.add(error(p.row(), Checks.duplicateEvidence(p.evidenceId(), "in the ledger")));
          }
        }
        if (more.isEmpty() && errors.isEmpty()) {
          ConsentTables.insertAll(c, parsed.stream().map(Parsed::record).toList(), now);
        }
        return more;
      });
      errors.addAll(found);
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException s && ConsentTables.isConstraintViolation(s))) {
        throw e;
      }
      errors.add(new RowError(0, null, "Another writer added a customer's consent with one of"
          + " these evidence ids while the file was imported: nothing was imported ("
          + e.getCause().getMessage() + ").",
          "Run the import again: it will name the rows whose evidence ids are now in the"
              + " ledger."));
    }
    return errors.isEmpty() ? new ImportReport(table.rowsRead(), parsed.size(), List.of())
        : failed(table, errors);
  }

  /** A row and its record, or null when a value could not be read. */
  private record Parsed(CsvTable.Row row, ConsentRecord record) {
    /** The customer id to look up, when the row has a usable one. */
    String customerId() {
      String id = row.get("customerId");
      return id != null && Checks.ids(id, "x").isEmpty() ? id : null;
    }

    /** The evidence id to look up, when the row has a usable one. */
    String evidenceId() {
      String id = row.get("evidenceId");
      return id != null && Checks.ids("x", id).isEmpty() ? id : null;
    }
  }

  /** The record of a row, or null when a value cannot be read (each problem in issues). */
  private static ConsentRecord parse(CsvTable.Row row, List<Checks.Issue> issues) {
    int before = issues.size();
    String customerId = orEmpty(row.get("customerId"));
    String evidenceId = orEmpty(row.get("evidenceId"));
    Channel channel = value(row, "channel", Channel.class, issues);
    Purpose purpose = value(row, "purpose", Purpose.class, issues);
    ConsentStatus status = value(row, "status", ConsentStatus.class, issues);
    ConsentSource source = value(row, "source", ConsentSource.class, issues);
    Instant recordedAt = time(row, "recordedAt", true, issues);
    Instant expiresAt = time(row, "expiresAt", false, issues);
    issues.addAll(Checks.ids(customerId, evidenceId));
    if (issues.size() > before) {
      return null;
    }
    return new ConsentRecord(customerId, channel, purpose, status, source, evidenceId,
        recordedAt, expiresAt);
  }

  private static <E extends Enum<E>> E value(
      CsvTable.Row row, String column, Class<E> type, List<Checks.Issue> issues) {
    String v = row.get(column);
    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", "));
    if (v == null) {
      issues.add(new Checks.Issue(column, column + " is empty.", "Give one of: " + allowed
          + "."));
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    String upper = v.toUpperCase(Locale.ROOT);
    boolean caseOnly = Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(upper));
    issues.add(new Checks.Issue(column, "Unknown " + column + " '" + v + "'.", caseOnly
        ? "Write it in capitals: " + upper + "." : "Use one of: " + allowed + "."));
    return null;
  }

  private static Instant time(
      CsvTable.Row row, String column, boolean required, List<Checks.Issue> issues) {
    String v = row.get(column);
    if (v == null) {
      if (required) {
        issues.add(new Checks.Issue(column, column + " is empty.",
            "Give the time as ISO-8601 with an offset, e.g. 2026-10-08T16:45:00+08:00 or"
                + " 2026-10-08T08:45:00Z."));
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return badTime(column, v, issues);
    }
  }

  private static Instant badTime(String column, String v, List<Checks.Issue> issues) {
    issues.add(new Checks.Issue(column, column + " '" + v
        + "' is not an ISO-8601 time with an offset.",
        "Write it as 2026-10-08T16:45:00+08:00 or 2026-10-08T08:45:00Z: date, 'T', time, and"
            + " the offset from UTC (Z for UTC) so that the instant is unambiguous."));
    return null;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static RowError error(CsvTable.Row row, Checks.Issue i) {
    return new RowError(row.line(), i.field(), i.message(), i.hint());
  }

  private static ImportReport failed(CsvTable table, List<RowError> errors) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(RowError::line)); // stable: a row's errors keep order
    return new ImportReport(table.rowsRead(), 0, sorted);
  }
}
