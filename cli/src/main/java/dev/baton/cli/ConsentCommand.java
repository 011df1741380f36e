package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.consent.CurrentConsent;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.ImportReport;
import dev.baton.engine.consent.StatusReason;
import dev.baton.engine.runtime.Baton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton consent ...}: the consent ledger. Import customers and consent records from CSV
 * (all or nothing, every problem with its line), and see each customer's red / yellow / green
 * status with its reasons and the consent coverage against the target.
 */
@Command(
    name = "consent",
    description = {"Imports consent records and shows each customer's consent status.",
        "Consent is held per channel and purpose; decisions recorded with 'baton evaluate"
            + " --record' take their consent facts from this ledger. Format: docs/consent.md."},
    subcommands = {ConsentCommand.Import.class, ConsentCommand.Status.class})
final class ConsentCommand extends CommandGroup {

  /** {@code baton consent import --customers <csv> | --consents <csv>}. */
  @Command(name = "import",
      description = {"Imports customers or consent records from a UTF-8 CSV file.",
          "All or nothing: every row is checked first; on any problem every one is printed"
              + " with its line and nothing is imported (exit 1). Import customers first."})
  static final class Import extends StoreCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Which file: customers or consent records. */
    static final class Source {
      @Option(names = "--customers", paramLabel = "<csv>", required = true,
          description = "Customers: customerId,name[,region][,owner].")
      Path customers;

      @Option(names = "--consents", paramLabel = "<csv>", required = true,
          description = "Consent records: customerId,channel,purpose,status,source,evidenceId,"
              + "recordedAt[,expiresAt].")
      Path consents;
    }

    @Override
    protected void checkInputs() {
      requireFile(file(), "CSV file");
    }

    private Path file() {
      return source.customers != null ? source.customers : source.consents;
    }

    @Override
    protected int run(Baton baton) {
      ConsentLedger ledger = baton.consent();
      boolean customers = source.customers != null;
      ImportReport report;
      try (Reader csv = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
        report = customers ? ledger.importCustomers(csv) : ledger.importConsents(csv);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file() + " as UTF-8 text: "
            + e.getMessage(), e);
      }
      if (!report.ok()) {
        int n = report.errors().size();
        error("nothing imported: " + n + (n == 1 ? " problem" : " problems") + " in "
            + file() + ":");
        report.errors().forEach(e -> err().println("  " + file() + ": " + e));
        return ExitCodes.INVALID;
      }
      out().printf("Imported %d %s from %s.%n", report.imported(),
          customers ? (report.imported() == 1 ? "customer" : "customers")
              : (report.imported() == 1 ? "consent record" : "consent records"), file());
      return ExitCodes.OK;
    }
  }

  /** {@code baton consent status [--customer ID] [--now ISO]}. */
  @Command(name = "status",
      description = {"Shows red / yellow / green consent per customer, with reasons, and the"
          + " consent coverage against the target.",
          "Red: the customer refused a required consent. Yellow: one is missing, expired or"
              + " expiring soon. Green: all granted."})
  static final class Status extends StoreCommand {

    @Option(names = "--customer", paramLabel = "<id>",
        description = "One customer, with every required consent and the full reasons.")
    String customer;

    @Option(names = "--now", paramLabel = "<iso-instant>", converter = InstantConverter.class,
        description = "The time to answer for (default: now).")
    Instant now;

    @Override
    protected int run(Baton baton) {
      Instant at = now != null ? now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
      ConsentLedger ledger = baton.consent();
      if (customer != null) {
        CustomerStatus status = ledger.status(customer, at).orElseThrow(() ->
            new BatonException("There is no customer '" + customer + "' in the consent"
                + " ledger. Import customers with: baton consent import --customers <csv>"));
        printOne(status);
        return ExitCodes.OK;
      }
      List<CustomerStatus> statuses = ledger.statuses(at);
      if (statuses.isEmpty()) {
        out().println("No customers in the consent ledger. Import them with: baton consent"
            + " import --customers <csv>, then --consents <csv>.");
      } else {
        Table table = new Table("CUSTOMER", "RATING", "NAME", "REASONS");
        statuses.forEach(s -> table.row(s.customer().id(), s.rating(), s.customer().name(),
            s.reasons().isEmpty() ? "" : s.reasons().stream()
                .map(r -> r.pair() + " " + kind(r.kind())).collect(Collectors.joining("; "))));
        table.print(out());
        out().println();
      }
      printCoverage(ledger.coverage(at));
      return ExitCodes.OK;
    }

    private void printOne(CustomerStatus s) {
      out().printf("%s  %s  %s  (at %s)%n", s.customer().id(), s.customer().name(), s.rating(),
          s.at());
      out().println("Required consents:");
      Table table = new Table("  PAIR", "STATUS", "EVIDENCE", "RECORDED", "EXPIRES");
      for (CurrentConsent c : s.required()) {
        var entry = c.decidedBy();
        table.row("  " + c.pair(), c.status(), c.evidenceId(),
            entry == null ? null : entry.consent().recordedAt(),
            entry == null ? null : entry.consent().expiresAt());
      }
      table.print(out());
      if (s.reasons().isEmpty()) {
        out().println("Every required consent is granted; none expires soon.");
      } else {
        out().println("Reasons:");
        for (StatusReason r : s.reasons()) {
          out().printf("  %-6s %s%n", r.rating(), r.message());
        }
      }
      out().printf("Counts towards coverage: %s%n", s.covered() ? "yes" : "no");
      out().flush();
    }

    private void printCoverage(CoverageReport c) {
      out().printf("Consent coverage at %s: %d of %d customers (%s%%) have every required"
          + " consent; target %s%%: %s.%n", c.at(), c.covered(), c.customers(),
          c.percent().toPlainString(), c.target().toPlainString(),
          c.meetsTarget() ? "met" : "NOT met");
      for (CoverageReport.PairCoverage p : c.perPair()) {
        out().printf("  %-22s %d granted (%s%%)%n", p.pair(), p.granted(),
            p.percent().toPlainString());
      }
      out().printf("Green %d, yellow %d, red %d.%n", c.green(), c.yellow(), c.red());
      out().flush();
    }

    private static String kind(StatusReason.Kind kind) {
      return switch (kind) {
        case REFUSED -> "refused";
        case NO_RECORD -> "no record";
        case EXPIRED -> "expired";
        case EXPIRING_SOON -> "expiring soon";
      };
    }
  }
}
