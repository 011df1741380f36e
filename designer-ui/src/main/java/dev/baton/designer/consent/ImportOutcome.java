package dev.baton.designer.consent;

import dev.baton.designer.i18n.Texts;
import dev.baton.engine.consent.ConsentRating;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.ImportReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a consent CSV import did, as the consent view shows it: the engine's report (an import is
 * all or nothing: with any problem, nothing was imported) turned into rows of line, column, what
 * is wrong and how to fix it, and the customers whose red / yellow / green rating the import
 * changed. Plain Java, so that it is tested without a browser.
 *
 * @param kind which file
 * @param fileName the uploaded file's name
 * @param rowsRead the data rows read
 * @param imported the rows imported (0 when there is any problem)
 * @param problems every problem, in line order
 * @param changes the customers whose rating changed (a new customer has no rating before)
 */
public record ImportOutcome(
    Kind kind, String fileName, int rowsRead, int imported, List<Problem> problems,
    List<RatingChange> changes) {

  public ImportOutcome {
    problems = List.copyOf(problems);
    changes = List.copyOf(changes);
  }

  /** The two CSV files of the consent ledger. */
  public enum Kind {
    /** customers.csv: customerId, name, region, owner. */
    CUSTOMERS,
    /** consents.csv: one consent record per row. */
    CONSENTS
  }

  /**
   * One problem of the file.
   *
   * @param line the file's line (the header is line 1), or 0 for the file as a whole
   * @param column the column, or null for the whole row
   * @param what what is wrong, with the value (the engine's words)
   * @param fix what to do, or null when the engine gave no hint
   */
  public record Problem(int line, String column, String what, String fix) {

    /** The line as shown: the number, or "the file" for a problem of the whole file. */
    public String lineText(Texts t) {
      return line <= 0 ? t.t("consent.import.wholeFile") : t.t("consent.import.line", line);
    }

    /** The column as shown: its name, or "whole row". */
    public String columnText(Texts t) {
      return column == null || column.isBlank() ? t.t("consent.import.wholeRow") : column;
    }

    /** How to fix it: the engine's hint, or the general advice. */
    public String fixText(Texts t) {
      return fix == null || fix.isBlank() ? t.t("consent.import.defaultFix") : fix;
    }
  }

  /**
   * A customer whose rating the import changed.
   *
   * @param customerId the customer
   * @param name the customer's name
   * @param before the rating before the import, or null for a new customer
   * @param after the rating after it
   */
  public record RatingChange(String customerId, String name, ConsentRating before,
      ConsentRating after) {}

  /**
   * The outcome of an import from the engine's report and the customers' statuses before and
   * after it (at the same time, so that only the import can have changed them).
   */
  public static ImportOutcome of(Kind kind, String fileName, ImportReport report,
      List<CustomerStatus> before, List<CustomerStatus> after) {
    List<Problem> problems = report.errors().stream()
        .map(e -> new Problem(e.line(), e.field(), e.message(), e.hint())).toList();
    Map<String, ConsentRating> old = before.stream().collect(Collectors.toMap(
        s -> s.customer().id(), CustomerStatus::rating));
    List<RatingChange> changes = new ArrayList<>();
    for (CustomerStatus s : after) {
      ConsentRating was = old.get(s.customer().id());
      if (was != s.rating()) {
        changes.add(new RatingChange(s.customer().id(), s.customer().name(), was, s.rating()));
      }
    }
    return new ImportOutcome(kind, fileName, report.rowsRead(), report.imported(), problems,
        changes);
  }

  /** True when the file was imported. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** How many distinct lines of the file have a problem (problems of the whole file not counted). */
  public long linesWithProblems() {
    return problems.stream().filter(p -> p.line() > 0).map(Problem::line).distinct().count();
  }

  /**
   * One sentence: what was imported, or that nothing was, with the counts and what to do. Never
   * claims more than the engine did: a file with a problem changed nothing.
   */
  public String summary(Texts t) {
    String file = t.t("consent.import.kind." + kind.name());
    if (!ok()) {
      return t.t("consent.import.failed", file, fileName, problems.size(), linesWithProblems(),
          rowsRead);
    }
    if (rowsRead == 0) {
      return t.t("consent.import.empty", file, fileName);
    }
    return t.t("consent.import.done", file, fileName, imported, changes.size());
  }

  /** A rating change as one line, e.g. {@code C-1001 华东…: yellow → green}. */
  public static String changeText(RatingChange c, Texts t) {
    Function<ConsentRating, String> name = r -> r == null ? t.t("consent.import.newCustomer")
        : t.t("consent.rating." + r.name());
    return t.t("consent.import.change", c.customerId(), c.name(), name.apply(c.before()),
        name.apply(c.after()));
  }
}
