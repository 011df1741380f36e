package dev.baton.engine.consent.internal;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.consent.ConsentPair;
import dev.baton.engine.consent.ConsentPolicy;
import dev.baton.engine.consent.ConsentRating;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.consent.CoverageReport.PairCoverage;
import dev.baton.engine.consent.CurrentConsent;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.ImportReport;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The consent ledger on Baton's JDBC store (tables baton_customer, baton_consent_record). */
public final class JdbcConsentLedger implements ConsentLedger {
  /** The fact type the consent-check pack declares. */
  static final String CONSENT_FACT = "Consent";

  private final BatonStore store;
  private final ConsentPolicy policy;
  private final Clock clock = Clock.systemUTC();

  public JdbcConsentLedger(BatonStore store, ConsentPolicy policy) {
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public ConsentPolicy policy() {
    return policy;
  }

  // ------------------------------------------------------------------------------ customers

  @Override
  public void upsertCustomer(Customer customer) {
    List<Checks.Issue> issues = Checks.customer(customer);
    if (!issues.isEmpty()) {
      throw invalid("The customer was refused", "customer " + customer.id(), issues);
    }
    Instant now = storedAt();
    try {
      store.inTransaction(c -> ConsentTables.upsertCustomer(c, customer, now));
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException s && ConsentTables.isConstraintViolation(s))) {
        throw e;
      }
      // another writer inserted the same id first: now it is an update
      store.inTransaction(c -> ConsentTables.upsertCustomer(c, customer, now));
    }
  }

  @Override
  public Optional<Customer> customer(String id) {
    return store.inTransaction(c -> ConsentTables.customer(c, id));
  }

  @Override
  public List<Customer> customers() {
    return List.copyOf(store.inTransaction(ConsentTables::customers));
  }

  // -------------------------------------------------------------------------------- records

  @Override
  public LedgerEntry record(ConsentRecord record) {
    List<Checks.Issue> issues = Checks.consent(record);
    String source = "consent record " + record.evidenceId();
    Instant storedAt = storedAt();
    try {
      return store.inTransaction(c -> {
        List<Checks.Issue> found = new ArrayList<>(issues);
        found.addAll(databaseIssues(c, record));
        if (!found.isEmpty()) {
          throw invalid("The consent record was refused", source, found);
        }
        return new LedgerEntry(ConsentTables.insert(c, record, storedAt), record, storedAt);
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && ConsentTables.isConstraintViolation(s)) {
        // a concurrent writer got there first; say which constraint, as for a serial write
        List<Checks.Issue> found = store.inTransaction(c -> databaseIssues(c, record));
        if (!found.isEmpty()) {
          throw invalid("The consent record was refused", source, found);
        }
      }
      throw e;
    }
  }

  private static List<Checks.Issue> databaseIssues(java.sql.Connection c, ConsentRecord record)
      throws SQLException {
    List<Checks.Issue> found = new ArrayList<>();
    if (ConsentTables.customer(c, record.customerId()).isEmpty()) {
      found.add(Checks.unknownCustomer(record.customerId()));
    }
    if (ConsentTables.byEvidenceId(c, record.evidenceId()).isPresent()) {
      found.add(Checks.duplicateEvidence(record.evidenceId(), "in the ledger"));
    }
    return found;
  }

  @Override
  public List<LedgerEntry> history(String customerId) {
    return List.copyOf(store.inTransaction(c -> ConsentTables.history(c, customerId)));
  }

  @Override
  public Optional<LedgerEntry> byEvidenceId(String evidenceId) {
    return store.inTransaction(c -> ConsentTables.byEvidenceId(c, evidenceId));
  }

  @Override
  public ConsentSnapshot current(String customerId, Instant now) {
    Objects.requireNonNull(now, "now");
    return ConsentRules.snapshot(customerId, history(customerId), now);
  }

  // ----------------------------------------------------------------------- facts and proofs

  @Override
  public List<Fact> factsFor(String customerId, Instant now) {
    Objects.requireNonNull(now, "now");
    return facts(history(customerId), now);
  }

  private static List<Fact> facts(List<LedgerEntry> entries, Instant now) {
    List<Fact> out = new ArrayList<>();
    for (LedgerEntry e : entries) {
      ConsentRecord r = e.consent();
      if (r.recordedAt().isAfter(now)) {
        continue; // not known yet at that time
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("customerId", r.customerId());
      v.put("channel", r.channel().name());
      v.put("purpose", r.purpose().name());
      v.put("status", r.status().name());
      v.put("source", r.source().name());
      v.put("evidenceId", r.evidenceId());
      v.put("recordedAt", r.recordedAt().toString());
      if (r.expiresAt() != null) {
        v.put("expiresAt", r.expiresAt().toString());
      }
      out.add(new Fact(CONSENT_FACT, v));
    }
    return out;
  }

  @Override
  public Evaluation withConsentFacts(Evaluation evaluation) {
    if (evaluation.pipeline().stream().noneMatch(p -> p.factTypes().stream()
        .anyMatch(t -> CONSENT_FACT.equals(t.name())))) {
      return evaluation; // no pack of the pipeline reads consent: nothing to add
    }
    Set<String> customerIds = new LinkedHashSet<>();
    List<Fact> facts = new ArrayList<>();
    for (Fact f : evaluation.facts()) {
      if (CONSENT_FACT.equals(f.type())) {
        continue;
      }
      facts.add(f);
      if (f.values().get("customerId") instanceof String id) {
        customerIds.add(id);
      }
    }
    Map<String, List<LedgerEntry>> histories =
        store.inTransaction(c -> ConsentTables.histories(c, customerIds));
    for (String id : customerIds) {
      facts.addAll(facts(histories.getOrDefault(id, List.of()), evaluation.now()));
    }
    return new Evaluation(evaluation.pipeline(), facts, evaluation.now(),
        evaluation.requestId(), evaluation.actor());
  }

  @Override
  public List<LedgerEntry> proofsIn(Decision decision) {
    List<String> proofs = new ArrayList<>();
    for (Object p : decision.proofs()) {
      if (p instanceof String s && !proofs.contains(s)) {
        proofs.add(s);
      }
    }
    Map<String, LedgerEntry> found =
        store.inTransaction(c -> ConsentTables.byEvidenceIds(c, proofs));
    return proofs.stream().filter(found::containsKey).map(found::get).toList();
  }

  // --------------------------------------------------------------------- overview, coverage

  @Override
  public Optional<CustomerStatus> status(String customerId, Instant now) {
    Objects.requireNonNull(now, "now");
    return store.inTransaction(c -> {
      Optional<Customer> customer = ConsentTables.customer(c, customerId);
      if (customer.isEmpty()) {
        return Optional.<CustomerStatus>empty();
      }
      return Optional.of(ConsentRules.status(customer.get(),
          ConsentTables.history(c, customerId), now, policy));
    });
  }

  @Override
  public List<CustomerStatus> statuses(Instant now) {
    List<CustomerStatus> out = new ArrayList<>();
    eachStatus(now, out::add);
    return List.copyOf(out);
  }

  /** Every customer's status, by customer id; one customer's records in memory at a time. */
  private void eachStatus(Instant now, Consumer<CustomerStatus> each) {
    Objects.requireNonNull(now, "now");
    Map<String, CustomerStatus> byId = store.inTransaction(c -> {
      List<Customer> customers = ConsentTables.customers(c);
      Map<String, Customer> known = new HashMap<>();
      customers.forEach(k -> known.put(k.id(), k));
      Map<String, CustomerStatus> statuses = new HashMap<>();
      ConsentTables.forEachCustomer(c, (id, entries) -> {
        Customer k = known.get(id);
        if (k != null) {
          statuses.put(id, ConsentRules.status(k, entries, now, policy));
        }
      });
      Map<String, CustomerStatus> ordered = new LinkedHashMap<>();
      for (Customer k : customers) {
        ordered.put(k.id(), statuses.getOrDefault(k.id(),
            ConsentRules.status(k, List.of(), now, policy)));
      }
      return ordered;
    });
    byId.values().forEach(each);
  }

  @Override
  public CoverageReport coverage(Instant now) {
    int[] totals = new int[2]; // customers, covered
    Map<ConsentRating, Integer> ratings = new EnumMap<>(ConsentRating.class);
    Map<ConsentPair, Integer> granted = new LinkedHashMap<>();
    policy.required().forEach(p -> granted.put(p, 0));
    eachStatus(now, s -> {
      totals[0]++;
      if (s.covered()) {
        totals[1]++;
      }
      ratings.merge(s.rating(), 1, Integer::sum);
      for (CurrentConsent c : s.required()) {
        if (c.status().isGranted()) {
          granted.merge(c.pair(), 1, Integer::sum);
        }
      }
    });
    int customers = totals[0];
    int covered = totals[1];
    List<PairCoverage> perPair = new ArrayList<>();
    granted.forEach((pair, n) -> perPair.add(new PairCoverage(pair, n, percent(n, customers))));
    boolean meets = customers > 0 && BigDecimal.valueOf(covered).multiply(BigDecimal.valueOf(100))
        .compareTo(policy.coverageTarget().multiply(BigDecimal.valueOf(customers))) >= 0;
    return new CoverageReport(now, customers, covered, percent(covered, customers),
        policy.coverageTarget(), meets, perPair,
        ratings.getOrDefault(ConsentRating.GREEN, 0),
        ratings.getOrDefault(ConsentRating.YELLOW, 0),
        ratings.getOrDefault(ConsentRating.RED, 0));
  }

  /** {@code part / whole} in percent, rounded down to one decimal (never overstates). */
  private static BigDecimal percent(int part, int whole) {
    if (whole == 0) {
      return new BigDecimal("0.0");
    }
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
        RoundingMode.DOWN);
  }

  // ---------------------------------------------------------------------------- CSV import

  @Override
  public ImportReport importCustomers(Reader csv) {
    return CsvImports.customers(store, csv, storedAt());
  }

  @Override
  public ImportReport importConsents(Reader csv) {
    return CsvImports.consents(store, csv, storedAt());
  }

  // ------------------------------------------------------------------------------ helpers

  private Instant storedAt() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ValidationException invalid(String what, String source,
      List<Checks.Issue> issues) {
    return new ValidationException(what, issues.stream()
        .map(i -> new Problem(source, 0, 0, null, i.field(), i.message(), i.hint()))
        .toList());
  }
}
