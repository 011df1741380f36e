package dev.baton.designer.consent;

import static dev.baton.designer.security.Role.ADMIN_;
import static dev.baton.designer.security.Role.ANALYST_;
import static dev.baton.designer.security.Role.AUDITOR_;
import static dev.baton.designer.security.Role.OPS_;

import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.ImportReport;
import dev.baton.engine.runtime.Baton;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The consent view's access to the consent ledger: the overview (ratings, coverage, channels)
 * and a customer's detail for sales ops, analysts, auditors and administrators; the CSV imports
 * for sales ops and administrators only. "Now" is the application's clock (the one the
 * battle-pack workflow and the review inbox use).
 */
@Service
public class ConsentService {
  private final ConsentLedger ledger;
  private final Clock clock;

  public ConsentService(Baton baton, BattlePackRuntime runtime) {
    this.ledger = baton.consent();
    this.clock = runtime.services().clock();
  }

  /** The application's time now. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Every customer's status, coverage and consent per channel, all at one time. Reads each
   * customer's consent once (one query per customer for the channel chart).
   */
  @RolesAllowed({OPS_, ANALYST_, AUDITOR_, ADMIN_})
  public ConsentOverview overview() {
    Instant now = now();
    List<CustomerStatus> statuses = ledger.statuses(now);
    List<ConsentSnapshot> snapshots = statuses.stream()
        .map(s -> ledger.current(s.customer().id(), now)).toList();
    return new ConsentOverview(now, statuses, ledger.coverage(now),
        ChannelBreakdown.of(snapshots));
  }

  /** A customer's status, consent in force and ledger history; empty for an unknown customer. */
  @RolesAllowed({OPS_, ANALYST_, AUDITOR_, ADMIN_})
  public Optional<CustomerDetail> detail(String customerId) {
    Instant now = now();
    return ledger.status(customerId, now).map(s -> new CustomerDetail(s,
        ledger.current(customerId, now), ledger.history(customerId)));
  }

  /** Imports a customers CSV (all or nothing); the outcome lists every problem. */
  @RolesAllowed({OPS_, ADMIN_})
  public ImportOutcome importCustomers(String fileName, byte[] csv) {
    return importFile(ImportOutcome.Kind.CUSTOMERS, fileName, csv, ledger::importCustomers);
  }

  /** Imports a consents CSV (all or nothing); the outcome lists every problem. */
  @RolesAllowed({OPS_, ADMIN_})
  public ImportOutcome importConsents(String fileName, byte[] csv) {
    return importFile(ImportOutcome.Kind.CONSENTS, fileName, csv, ledger::importConsents);
  }

  private ImportOutcome importFile(ImportOutcome.Kind kind, String fileName, byte[] csv,
      Function<Reader, ImportReport> importer) {
    Instant now = now();
    List<CustomerStatus> before = ledger.statuses(now);
    ImportReport report = importer.apply(new InputStreamReader(new ByteArrayInputStream(csv),
        StandardCharsets.UTF_8));
    List<CustomerStatus> after = ledger.statuses(now); // read again: show what is, not what should be
    return ImportOutcome.of(kind, fileName, report, before, after);
  }
}
