package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentCommandTest {
  private static final String NOW = "2026-11-27T09:00:00Z";

  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void freshDatabase() {
    db = TestDb.url(dir);
  }

  @Test
  void shouldImportCustomersAndConsentsWhenEveryRowIsValid() throws IOException {
    // given
    Path customers = Files.writeString(dir.resolve("customers.csv"), TestDb.CUSTOMERS_CSV);
    Path consents = Files.writeString(dir.resolve("consents.csv"), TestDb.CONSENTS_CSV);

    // when
    Baton.Run importedCustomers = Baton.run("consent", "import", "--customers",
        customers.toString(), "--db", db);
    Baton.Run importedConsents = Baton.run("consent", "import", "--consents",
        consents.toString(), "--db", db);

    // then
    assertThat(importedCustomers.exitCode()).as(importedCustomers.err()).isZero();
    assertThat(importedCustomers.out()).contains("Imported 2 customers from " + customers);
    assertThat(importedConsents.exitCode()).as(importedConsents.err()).isZero();
    assertThat(importedConsents.out()).contains("Imported 4 consent records from " + consents);
  }

  @Test
  void shouldPrintEveryRowErrorAndImportNothingWhenARowIsInvalid() throws IOException {
    // given
    Path customers = Files.writeString(dir.resolve("customers.csv"), TestDb.CUSTOMERS_CSV);
    Baton.run("consent", "import", "--customers", customers.toString(), "--db", db);
    Path consents = Files.writeString(dir.resolve("bad-consents.csv"), """
        customerId,channel,purpose,status,source,evidenceId,recordedAt,expiresAt
        C-1001,WECHAT,MARKETING,GRANTED,WECHAT_AUTHORIZATION,EV-WX-1001,2026-08-18T11:00:00Z,
        C-1001,FAX,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-FAX-1001,2026-09-15T10:00:00Z,
        C-9999,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-EM-9999,2026-09-15T10:00:00Z,
        """);

    // when
    Baton.Run run = Baton.run("consent", "import", "--consents", consents.toString(), "--db",
        db);
    Baton.Run status = Baton.run("consent", "status", "--customer", "C-1001", "--now", NOW,
        "--db", db);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("nothing imported: 2 problems in " + consents)
        .containsPattern("line 3, channel: .*FAX")
        .containsPattern("line 4, customerId: .*C-9999")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
    assertThat(status.out()).contains("WECHAT+MARKETING", "NONE").doesNotContain("EV-WX-1001");
  }

  @Test
  void shouldRateEveryCustomerAndMeasureCoverageWhenAskedForStatus() throws IOException {
    // given
    TestDb.importConsent(dir, db);

    // when
    Baton.Run all = Baton.run("consent", "status", "--now", NOW, "--db", db);
    Baton.Run one = Baton.run("consent", "status", "--customer", "C-2002", "--now", NOW,
        "--db", db);

    // then
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out())
        .containsPattern("C-1001\\s+GREEN")
        .containsPattern("C-2002\\s+RED\\s+.*WECHAT\\+MARKETING refused")
        .contains("1 of 2 customers (50.0%)", "target 92.0%: NOT met")
        .contains("Green 1, yellow 0, red 1.");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.out()).contains("C-2002", "RED", "WECHAT+MARKETING", "WITHDRAWN",
        "EV-WX-2002", "Reasons:", "Counts towards coverage: no");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheCustomerIsUnknown() throws IOException {
    // given
    TestDb.importConsent(dir, db);

    // when
    Baton.Run run = Baton.run("consent", "status", "--customer", "C-9999", "--db", db);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("There is no customer 'C-9999'");
  }

  @Test
  void shouldExitWithUsageErrorWhenBothFilesAreGiven() throws IOException {
    // given
    Path customers = Files.writeString(dir.resolve("customers.csv"), TestDb.CUSTOMERS_CSV);

    // when
    Baton.Run run = Baton.run("consent", "import", "--customers", customers.toString(),
        "--consents", customers.toString(), "--db", db);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("mutually exclusive");
  }
}
