package dev.baton.designer.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.consent.ConsentRating;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.ImportReport;
import dev.baton.engine.consent.ImportReport.RowError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a consent CSV import is presented: problems by line and column, and rating changes. */
class ImportOutcomeTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private final Texts en = new Texts(Messages.EN);
  private final Texts zh = new Texts(Messages.ZH_CN);

  private static CustomerStatus status(String id, ConsentRating rating) {
    return new CustomerStatus(new Customer(id, "Name " + id, null, null), NOW, rating, List.of(),
        List.of(), rating != ConsentRating.RED);
  }

  @Test
  void shouldListEveryProblemAndSayNothingWasImportedWhenTheFileHasErrors() {
    // given: the engine refused 2 of 3 rows, one of them twice
    ImportReport report = new ImportReport(3, 0, List.of(
        new RowError(2, "channel", "Unknown channel 'FAX'.", "Use one of: EMAIL, SMS, VOICE, WECHAT."),
        new RowError(2, "recordedAt", "'2026-10-08 16:45' is not a time with an offset.", null),
        new RowError(4, null, "Customer 'C-9' is not in the ledger.", "Import the customers file first.")));
    List<CustomerStatus> same = List.of(status("C-1", ConsentRating.YELLOW));

    // when
    ImportOutcome o = ImportOutcome.of(ImportOutcome.Kind.CONSENTS, "consents.csv", report, same,
        same);

    // then
    assertThat(o.ok()).isFalse();
    assertThat(o.imported()).isZero();
    assertThat(o.linesWithProblems()).isEqualTo(2);
    assertThat(o.changes()).isEmpty();
    assertThat(o.summary(en)).isEqualTo("Nothing was imported from the consents file"
        + " consents.csv: 3 problems on 2 of its 3 rows. Fix them and import the whole file again.");
    ImportOutcome.Problem first = o.problems().get(0);
    assertThat(first.lineText(en)).isEqualTo("line 2");
    assertThat(first.columnText(en)).isEqualTo("channel");
    assertThat(first.what()).isEqualTo("Unknown channel 'FAX'.");
    assertThat(first.fixText(en)).isEqualTo("Use one of: EMAIL, SMS, VOICE, WECHAT.");
    // no hint from the engine: the general advice; no column: the whole row
    assertThat(o.problems().get(1).fixText(en))
        .isEqualTo("Correct the value and import the whole file again.");
    assertThat(o.problems().get(2).columnText(en)).isEqualTo("whole row");
    assertThat(o.problems().get(2).columnText(zh)).isEqualTo("整行");
  }

  @Test
  void shouldNameTheFileWhenTheProblemIsNotOnALine() {
    // given: another writer added the same evidence id while the file was imported
    ImportOutcome o = ImportOutcome.of(ImportOutcome.Kind.CONSENTS, "c.csv", new ImportReport(1,
        0, List.of(new RowError(0, null, "Evidence id taken meanwhile.", null))), List.of(),
        List.of());
    // then
    assertThat(o.problems().get(0).lineText(en)).isEqualTo("the file");
    assertThat(o.linesWithProblems()).isZero();
  }

  @Test
  void shouldReportTheRatingChangesWhenTheImportSucceeds() {
    // given: C-1 yellow → green, C-2 unchanged, C-3 new and red
    List<CustomerStatus> before = List.of(status("C-1", ConsentRating.YELLOW),
        status("C-2", ConsentRating.GREEN));
    List<CustomerStatus> after = List.of(status("C-1", ConsentRating.GREEN),
        status("C-2", ConsentRating.GREEN), status("C-3", ConsentRating.RED));

    // when
    ImportOutcome o = ImportOutcome.of(ImportOutcome.Kind.CONSENTS, "ok.csv",
        new ImportReport(4, 4, List.of()), before, after);

    // then
    assertThat(o.ok()).isTrue();
    assertThat(o.summary(en)).isEqualTo(
        "Imported 4 rows from the consents file ok.csv; 2 customers changed rating.");
    assertThat(o.changes()).containsExactly(
        new ImportOutcome.RatingChange("C-1", "Name C-1", ConsentRating.YELLOW, ConsentRating.GREEN),
        new ImportOutcome.RatingChange("C-3", "Name C-3", null, ConsentRating.RED));
    assertThat(ImportOutcome.changeText(o.changes().get(0), en))
        .isEqualTo("C-1 Name C-1: Yellow → Green");
    assertThat(ImportOutcome.changeText(o.changes().get(1), en))
        .isEqualTo("C-3 Name C-3: new → Red");
  }

  @Test
  void shouldSayNothingWasImportedWhenTheFileHasNoRows() {
    // when
    ImportOutcome o = ImportOutcome.of(ImportOutcome.Kind.CUSTOMERS, "empty.csv",
        new ImportReport(0, 0, List.of()), List.of(), List.of());
    // then
    assertThat(o.summary(en)).isEqualTo(
        "The customers file empty.csv has no data rows; nothing was imported.");
  }
}
