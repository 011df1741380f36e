package dev.baton.engine.consent;

import static dev.baton.engine.consent.Ledgers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.engine.consent.ImportReport.RowError;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV import of customers and consent records: all or nothing, every problem by line. */
class ConsentImportTest {
  private static final String CUSTOMERS = """
      \uFEFFcustomerId,name,region,owner
      C-1001,华东示例医疗器械有限公司,华东,REP-07
      C-2002,"Suzhou Imaging, Ltd.",华东,

      C-3003,Beijing Example Hospital,,
      """;

  private static final String CONSENTS = """
      customerId,channel,purpose,status,source,evidenceId,recordedAt,expiresAt
      C-1001,VOICE,SALES_FOLLOW_UP,GRANTED,EVENT_QR_CODE,EV-2026-0312-VOICE,2026-03-12T09:00:00Z,
      C-1001,VOICE,SALES_FOLLOW_UP,WITHDRAWN,SERVICE_HOTLINE,EV-2026-1008-VOICE,2026-10-09T00:45:00+08:00,
      C-1001,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-2026-0915-EMAIL,2026-09-15T10:00:00Z,2027-09-15T10:00:00Z
      C-2002,WECHAT,MARKETING,GRANTED,WECHAT_AUTHORIZATION,EV-2026-0818-WX,2026-08-18T11:00:00Z,
      """;

  static List<String> databases() {
    return Ledgers.databases();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldImportEveryRowWhenTheFilesAreValid(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // when
      ImportReport customers = l.ledger.importCustomers(new StringReader(CUSTOMERS));
      ImportReport consents = l.ledger.importConsents(new StringReader(CONSENTS));
      // then
      assertThat(customers).isEqualTo(new ImportReport(3, 3, List.of()));
      assertThat(consents.ok()).isTrue();
      assertThat(consents.rowsRead()).isEqualTo(4);
      assertThat(consents.imported()).isEqualTo(4);
      assertThat(l.ledger.customers()).containsExactly(
          new Customer("C-1001", "华东示例医疗器械有限公司", "华东", "REP-07"),
          new Customer("C-2002", "Suzhou Imaging, Ltd.", "华东", null),
          new Customer("C-3003", "Beijing Example Hospital", null, null));
      assertThat(l.ledger.history("C-1001")).extracting(LedgerEntry::evidenceId)
          .containsExactly("EV-2026-0312-VOICE", "EV-2026-0915-EMAIL", "EV-2026-1008-VOICE");
      LedgerEntry withdrawal = l.ledger.byEvidenceId("EV-2026-1008-VOICE").orElseThrow();
      assertThat(withdrawal.consent().recordedAt()).isEqualTo("2026-10-08T16:45:00Z");
      assertThat(withdrawal.consent().expiresAt()).isNull();
      assertThat(withdrawal.consent().source()).isEqualTo(ConsentSource.SERVICE_HOTLINE);
      assertThat(l.ledger.byEvidenceId("EV-2026-0915-EMAIL").orElseThrow().consent().expiresAt())
          .isEqualTo("2027-09-15T10:00:00Z");
      assertThat(l.ledger.current("C-1001", NOW).get(Channel.VOICE, Purpose.SALES_FOLLOW_UP)
          .status()).isEqualTo(EffectiveStatus.WITHDRAWN);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldImportNothingAndReportBothRowsWhenTwoRowsAreBad(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      l.ledger.importCustomers(new StringReader(CUSTOMERS));
      String csv = """
          customerId,channel,purpose,status,source,evidenceId,recordedAt
          C-1001,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-1,2026-09-15T10:00:00Z
          C-1001,FAX,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-2,2026-09-15T10:00:00Z
          C-2002,SMS,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-3,2026-09-15T10:00:00Z
          C-2002,SMS,MARKETING,denied,WEBSITE_OPT_IN,EV-4,2026-09-15 10:00
          C-3003,WECHAT,MARKETING,GRANTED,WECHAT_AUTHORIZATION,EV-5,2026-08-18T11:00:00Z
          """;
      // when
      ImportReport report = l.ledger.importConsents(new StringReader(csv));
      // then
      assertThat(report.ok()).isFalse();
      assertThat(report.rowsRead()).isEqualTo(5);
      assertThat(report.imported()).isZero();
      assertThat(report.errors()).extracting(RowError::line, RowError::field).containsExactly(
          tuple(3, "channel"), tuple(5, "status"), tuple(5, "recordedAt"));
      assertThat(report.errors().get(0).message()).isEqualTo("Unknown channel 'FAX'.");
      assertThat(report.errors().get(0).hint()).isEqualTo("Use one of: EMAIL, SMS, VOICE, WECHAT.");
      assertThat(report.errors().get(1).hint()).isEqualTo("Write it in capitals: DENIED.");
      assertThat(report.errors().get(2).hint()).contains("2026-10-08T16:45:00+08:00");
      assertThat(report.errors().get(0).toString()).startsWith("line 3, channel: Unknown");
      for (String id : List.of("C-1001", "C-2002", "C-3003")) {
        assertThat(l.ledger.history(id)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportDuplicatesUnknownCustomersAndExpiryWhenTheLedgerRefusesRows(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      l.ledger.importCustomers(new StringReader(CUSTOMERS));
      l.ledger.record(Ledgers.consent("C-1001", Channel.EMAIL, Purpose.MARKETING,
          ConsentStatus.GRANTED, "EV-KNOWN", "2026-01-01T00:00:00Z"));
      String csv = """
          evidenceId,customerId,channel,purpose,status,source,recordedAt,expiresAt
          EV-KNOWN,C-1001,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,2026-09-15T10:00:00Z,
          EV-NEW,C-9999,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,2026-09-15T10:00:00Z,
          EV-TWICE,C-2002,SMS,SERVICE,GRANTED,EVENT_QR_CODE,2026-09-15T10:00:00Z,
          EV-TWICE,C-2002,SMS,SERVICE,GRANTED,EVENT_QR_CODE,2026-09-16T10:00:00Z,
          EV-EXP,C-3003,SMS,SERVICE,DENIED,SERVICE_HOTLINE,2026-09-15T10:00:00Z,2027-01-01T00:00:00Z
          EV-BACK,C-3003,SMS,SERVICE,GRANTED,EVENT_QR_CODE,2026-09-15T10:00:00Z,2026-09-14T00:00:00Z
          EV-BOTH,C-8888,SMS,PROMOTION,GRANTED,EVENT_QR_CODE,2026-09-15T10:00:00Z,
          """;
      // when
      ImportReport report = l.ledger.importConsents(new StringReader(csv));
      // then
      assertThat(report.imported()).isZero();
      assertThat(report.errors()).extracting(RowError::line, RowError::field).containsExactly(
          tuple(2, "evidenceId"), tuple(3, "customerId"), tuple(5, "evidenceId"),
          tuple(6, "expiresAt"), tuple(7, "expiresAt"), tuple(8, "purpose"),
          tuple(8, "customerId"));
      assertThat(report.errors().get(0).message()).contains("EV-KNOWN", "already in the ledger");
      assertThat(report.errors().get(1).message()).contains("C-9999", "not in the ledger");
      assertThat(report.errors().get(1).hint()).contains("customers CSV");
      assertThat(report.errors().get(2).message()).contains("EV-TWICE", "on line 4");
      assertThat(report.errors().get(3).message()).contains("only a grant can expire");
      assertThat(report.errors().get(4).message()).contains("is not after recordedAt");
      assertThat(l.ledger.history("C-1001")).extracting(LedgerEntry::evidenceId)
          .containsExactly("EV-KNOWN");
      assertThat(l.ledger.history("C-2002")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportTheHeaderWhenColumnsAreMissingOrUnknown(String db) {
    try (Ledgers l = Ledgers.fresh(db).customer("C-1001")) {
      // given
      String csv = """
          customerId,channel,purpose,state,source,evidenceId,recordedAt
          C-1001,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-1,2026-09-15T10:00:00Z
          """;
      // when
      ImportReport report = l.ledger.importConsents(new StringReader(csv));
      ImportReport empty = l.ledger.importConsents(new StringReader(""));
      // then
      assertThat(report.rowsRead()).isEqualTo(1);
      assertThat(report.errors()).extracting(RowError::line, RowError::field).containsExactly(
          tuple(1, "state"), tuple(1, "status"));
      assertThat(report.errors().get(1).hint()).contains(
          "customerId,channel,purpose,status,source,evidenceId,recordedAt", "expiresAt");
      assertThat(empty.errors()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.message()).isEqualTo("The file is empty.");
      });
      assertThat(l.ledger.history("C-1001")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportTheLineAndImportNothingWhenAQuoteIsNeverClosed(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      String csv = "customerId,name\nC-1001,Fine\nC-2002,\"Unclosed\nC-3003,Three\n";
      // when
      ImportReport report = l.ledger.importCustomers(new StringReader(csv));
      // then
      assertThat(report.imported()).isZero();
      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message()).startsWith("The file is not valid CSV");
        assertThat(e.hint()).contains("quote");
      });
      assertThat(l.ledger.customers()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepEveryCustomerAsItWasWhenACustomerRowIsBad(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      l.ledger.upsertCustomer(new Customer("C-1001", "Before", null, null));
      String csv = """
          customerId,name,region
          C-1001,After,华东
          C-2002,"Two
          lines",华东
          C-3003,,华北
          C-1001,Again,华东
          C-4004,Four,华北,extra
          """;
      // when
      ImportReport report = l.ledger.importCustomers(new StringReader(csv));
      // then
      assertThat(report.rowsRead()).isEqualTo(5);
      assertThat(report.imported()).isZero();
      assertThat(report.errors()).extracting(RowError::line, RowError::field).containsExactly(
          tuple(3, "name"), tuple(5, "name"), tuple(6, "customerId"), tuple(7, null));
      assertThat(report.errors().get(2).message()).contains("also on line 2");
      assertThat(report.errors().get(3).message()).contains("4 values", "3 columns");
      assertThat(l.ledger.customers()).containsExactly(new Customer("C-1001", "Before", null,
          null));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldUpdateKnownCustomersWhenTheFileNamesThemAgain(String db) {
    try (Ledgers l = Ledgers.fresh(db)) {
      // given
      l.ledger.upsertCustomer(new Customer("C-1001", "Before", null, null));
      String csv = "name,customerId\r\nAfter,C-1001\r\nNew,C-5005\r\n";
      // when
      ImportReport report = l.ledger.importCustomers(new StringReader(csv));
      // then
      assertThat(report).isEqualTo(new ImportReport(2, 2, List.of()));
      assertThat(l.ledger.customers()).containsExactly(
          new Customer("C-1001", "After", null, null), new Customer("C-5005", "New", null, null));
      assertThat(l.ledger.status("C-5005", Instant.parse("2026-11-27T09:00:00Z")))
          .hasValueSatisfying(s -> assertThat(s.rating()).isEqualTo(ConsentRating.YELLOW));
    }
  }
}
