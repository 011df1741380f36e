package dev.baton.engine.audit.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.DecisionLogException;
import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.audit.Replayer;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The decision log on JDBC: H2 or PostgreSQL through a {@link BatonStore}. */
public final class JdbcDecisionLog implements DecisionLog {
  /** Longest request id and actor: the width of their columns. */
  static final int MAX_ID = 255;
  static final int PAGE = 500;

  private final BatonStore store;
  private final RulesEngine engine;
  private final DecisionLogOptions options;
  private final DecisionRows rows;
  private final GroupCommitWriter writer;
  private final Set<String> storedPacks = ConcurrentHashMap.newKeySet();

  public JdbcDecisionLog(BatonStore store, RulesEngine engine, DecisionLogOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.options = Objects.requireNonNull(options, "options");
    this.rows = new DecisionRows(store);
    this.writer = new GroupCommitWriter(store, options.clock(), options.maxBatch());
  }

  @Override
  public RecordedDecision record(Evaluation evaluation, Decision decision) {
    PreparedRecord prepared = prepare(evaluation, decision);
    CompletableFuture<RecordedDecision> done = writer.submit(prepared);
    try {
      return done.get(options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new DecisionLogException("The decision of request " + prepared.requestId()
          + " was not acknowledged within " + options.ackTimeout() + "; it may still be"
          + " recorded. Retry with the same request id: a retry never records it twice.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DecisionLogException("Interrupted while recording the decision of request "
          + prepared.requestId() + "; it may still be recorded. Retry with the same request"
          + " id: a retry never records it twice.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BatonException b) {
        throw b;
      }
      throw new DecisionLogException("Cannot record the decision of request "
          + prepared.requestId() + ": " + e.getCause(), e.getCause());
    }
  }

  /** Everything that does not depend on the chain, on the caller's thread. */
  private PreparedRecord prepare(Evaluation evaluation, Decision decision) {
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(decision, "decision");
    checkSameEvaluation(evaluation, decision);
    String requestId = evaluation.requestId() != null ? evaluation.requestId() : newId();
    checkLength("request id", requestId);
    checkLength("actor", evaluation.actor());
    String input = RecordJson.canonicalInput(evaluation.requestId(), evaluation.actor(),
        evaluation.now(), evaluation.facts());
    String decisionJson = decision.toCompactJson();
    storePacks(evaluation, decision);
    String decisionId = newId();
    Instant evaluatedAt = evaluation.now().truncatedTo(ChronoUnit.MILLIS);
    String customerId = customerOf(evaluation.facts());
    String packRefs = DecisionRows.packRefs(decision.packs());
    String actionNames = DecisionRows.actionNames(
        decision.actions().stream().map(Decision.DecidedAction::action).toList());
    byte[] storedInput = Documents.compress(input, options.documents());
    byte[] storedDecision = Documents.compress(decisionJson, options.documents());
    String content = ChainHash.content(decisionId, requestId, evaluatedAt, evaluation.actor(),
        customerId, packRefs, actionNames, storedInput, storedDecision);
    return new PreparedRecord(decisionId, requestId, evaluatedAt, evaluation.actor(),
        customerId, decision.packs(), packRefs, actionNames, storedInput, storedDecision,
        content);
  }

  private static void checkSameEvaluation(Evaluation evaluation, Decision decision) {
    List<RulePack> pipeline = evaluation.pipeline();
    List<Decision.PackRef> refs = decision.packs();
    boolean same = pipeline.size() == refs.size()
        && Objects.equals(evaluation.now(), decision.now())
        && Objects.equals(evaluation.requestId(), decision.requestId())
        && Objects.equals(evaluation.actor(), decision.actor());
    for (int i = 0; same && i < refs.size(); i++) {
      same = pipeline.get(i).id().equals(refs.get(i).id())
          && pipeline.get(i).version().equals(refs.get(i).version());
    }
    if (!same) {
      throw new IllegalArgumentException("The decision (request " + decision.requestId()
          + ", packs " + refs.stream().map(r -> r.id() + "@" + r.version()).toList() + ", now "
          + decision.now() + ") was not made from this evaluation (request "
          + evaluation.requestId() + ", packs "
          + pipeline.stream().map(RulePack::coordinates).toList() + ", now " + evaluation.now()
          + "). Record the decision together with the evaluation that produced it.");
    }
  }

  private static void checkLength(String what, String value) {
    if (value != null && value.length() > MAX_ID) {
      throw new IllegalArgumentException("The " + what + " '" + value.substring(0, 40)
          + "...' has " + value.length() + " characters; the decision log keeps at most "
          + MAX_ID + ". Use a shorter " + what + ".");
    }
  }

  /** Puts each pack's content in the content store the first time its hash is seen. */
  private void storePacks(Evaluation evaluation, Decision decision) {
    for (int i = 0; i < decision.packs().size(); i++) {
      Decision.PackRef ref = decision.packs().get(i);
      if (storedPacks.contains(ref.hash())) {
        continue;
      }
      RulePack pack = evaluation.pipeline().get(i);
      String hash = store.contents().put(pack);
      if (!hash.equals(ref.hash())) {
        throw new IllegalArgumentException("The decision names pack " + ref.id() + "@"
            + ref.version() + " with hash " + ref.hash() + ", but the evaluation's pack has"
            + " hash " + hash + ". Record the decision together with the evaluation that"
            + " produced it.");
      }
      storedPacks.add(hash);
    }
  }

  /**
   * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
   * New ids land at the end of the id indexes instead of at random places in them, which keeps
   * inserts cheap however large the log grows.
   */
  static String newId() {
    UUID random = UUID.randomUUID();
    long high = (System.currentTimeMillis() << 16) | 0x7000L
        | (random.getMostSignificantBits() & 0x0FFFL);
    return new UUID(high, random.getLeastSignificantBits()).toString();
  }

  /** The one distinct {@code customerId} of the facts, or null. */
  static String customerOf(List<Fact> facts) {
    String found = null;
    for (Fact f : facts) {
      Object v = f.values().get("customerId");
      if (v == null) {
        continue;
      }
      String id = v.toString();
      if (found == null) {
        found = id;
      } else if (!found.equals(id)) {
        return null;
      }
    }
    return found != null && found.length() <= MAX_ID ? found : null;
  }

  @Override
  public Optional<DecisionRecord> get(String decisionId) {
    return rows.one("decision_id", decisionId);
  }

  @Override
  public Optional<DecisionRecord> byRequestId(String requestId) {
    return rows.one("request_id", requestId);
  }

  @Override
  public List<DecisionRecord> find(DecisionQuery query) {
    return rows.find(query);
  }

  @Override
  public long count(DecisionQuery query) {
    return rows.count(query);
  }

  @Override
  public void forEach(DecisionQuery query, Consumer<DecisionRecord> action) {
    rows.forEach(query, PAGE, action);
  }

  @Override
  public VerifyReport verify() {
    return new Verifier(store).verify();
  }

  @Override
  public void export(DecisionQuery query, ExportFormat format, Masking masking,
      OutputStream out) {
    new Exporter(masking).export(format, out, action -> rows.forEach(query, PAGE, action));
  }

  @Override
  public Masking personalDataMasking(String configuredSecret) {
    if (configuredSecret != null && !configuredSecret.isBlank()) {
      return Masking.personalData(configuredSecret);
    }
    return Masking.personalData(MaskingKey.of(store));
  }

  @Override
  public Replayer replayer() {
    return new DefaultReplayer(store, engine, rows, options);
  }

  @Override
  public void close() {
    writer.close();
  }
}
