package dev.baton.engine.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.consent.ConsentLedger;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Baton embedded in an application: the database (schema created or upgraded on open), the
 * rules engine, the pack repository, the decision log and the consent ledger. Thread-safe;
 * open one per application and close it at the end.
 */
public final class Baton implements Closeable {
  private final HikariDataSource owned;
  private final BatonStore store;
  private final RulesEngine rules;
  private final PackRepository packs;
  private final DecisionLog decisions;
  private final ConsentLedger consent;
  private final boolean record;

  private Baton(HikariDataSource owned, DataSource dataSource, boolean record,
      DecisionLogOptions logOptions) {
    this.owned = owned;
    this.store = BatonStore.open(dataSource);
    this.rules = RulesEngine.create();
    this.packs = PackRepository.on(store);
    this.decisions = DecisionLog.open(store, rules, logOptions);
    this.consent = ConsentLedger.on(store);
    this.record = record;
  }

  /** Opens Baton on a database of its own (an H2 file by default). */
  public static Baton open(BatonOptions options) {
    if (options.jdbcUrl().equals(Databases.defaultUrl())) {
      try {
        Files.createDirectories(Databases.defaultDataDir());
      } catch (java.io.IOException e) {
        throw new dev.baton.engine.store.StoreException("Cannot create the data directory "
            + Databases.defaultDataDir() + ": " + e.getMessage(), e);
      }
    }
    HikariDataSource ds = Databases.pooled(options.jdbcUrl(), options.user(), options.password());
    try {
      return new Baton(ds, ds, options.recordDecisions(), DecisionLogOptions.defaults());
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** Opens Baton on the application's data source (which the application closes). */
  public static Baton open(DataSource dataSource, boolean recordDecisions) {
    return open(dataSource, recordDecisions, DecisionLogOptions.defaults());
  }

  /**
   * Opens Baton on the application's data source (which the application closes), its decision
   * log with these options (e.g. {@link DecisionLogOptions#withDocuments}).
   */
  public static Baton open(DataSource dataSource, boolean recordDecisions,
      DecisionLogOptions logOptions) {
    return new Baton(null, dataSource, recordDecisions, logOptions);
  }

  /**
   * The product's evaluation path, {@link DecideOptions#defaults()}: adds the consent facts of
   * the evaluation's customers from the ledger, evaluates, and (unless recording is off) records
   * the decision durably before it returns.
   */
  public Decided decide(Evaluation evaluation) {
    return decide(evaluation, DecideOptions.defaults());
  }

  /**
   * Decides: the one call behind the REST API, the CLI and the workflow workers. Takes the
   * consent facts from where the options say (with {@link DecideOptions.ConsentSource#LEDGER}
   * the ledger's records of the evaluation's customers replace any {@code Consent} facts),
   * evaluates the pipeline and, when the options ask for it and Baton records decisions,
   * records the decision durably before it returns; the request id makes recording idempotent
   * (the same request id is recorded once, and {@link Decided#record()} says so). Thread-safe.
   *
   * @throws dev.baton.engine.rules.FactsInvalidException when the facts do not fit the packs;
   *     nothing was evaluated or recorded
   */
  public Decided decide(Evaluation evaluation, DecideOptions options) {
    Evaluation input = options.consent() == DecideOptions.ConsentSource.LEDGER
        ? consent.withConsentFacts(evaluation) : evaluation;
    Decision decision = rules.evaluate(input);
    var recorded = record && options.record() ? decisions.record(input, decision) : null;
    Decision returned = options.explain() ? decision : decision.withoutNearestMisses();
    return new Decided(returned, recorded, consent.proofsIn(decision));
  }

  /** The rules engine (evaluation without recording). */
  public RulesEngine rules() {
    return rules;
  }

  /** The versioned pack repository. */
  public PackRepository packs() {
    return packs;
  }

  /** The decision log: records, verify, replay, backtest, export. */
  public DecisionLog decisions() {
    return decisions;
  }

  /** The consent ledger. */
  public ConsentLedger consent() {
    return consent;
  }

  /** The store. */
  public BatonStore store() {
    return store;
  }

  /** Where an H2 file database of the default options lives. */
  public static Path defaultDataDir() {
    return Databases.defaultDataDir();
  }

  @Override
  public void close() {
    decisions.close();
    if (owned != null) {
      owned.close();
    }
  }
}
