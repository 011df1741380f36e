package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.ValidationException;
import dev.baton.engine.audit.BacktestReport;
import dev.baton.engine.audit.BacktestScope;
import dev.baton.engine.audit.Cancellation;
import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.FieldDifference;
import dev.baton.engine.audit.Progress;
import dev.baton.engine.audit.ProgressListener;
import dev.baton.engine.audit.ReplayDifference;
import dev.baton.engine.audit.ReplayFailure;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.audit.Replayer;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replay and backtest. The calling thread reads the log page by page (the next page while the
 * current one is evaluated), the pool evaluates, and the calling thread adds up the outcomes in
 * chain order and reports progress.
 */
final class DefaultReplayer implements Replayer {
  private static final int PAGE = 256;

  private final BatonStore store;
  private final RulesEngine engine;
  private final DecisionRows rows;
  private final DecisionLogOptions options;

  DefaultReplayer(BatonStore store, RulesEngine engine, DecisionRows rows,
      DecisionLogOptions options) {
    this.store = store;
    this.engine = engine;
    this.rows = rows;
    this.options = options;
  }

  // ---------------------------------------------------------------------------------- replay

  /** What replay made of one record. */
  private sealed interface Replayed {}

  private record Identical() implements Replayed {}

  private record Different(ReplayDifference difference) implements Replayed {}

  private record Failed(ReplayFailure failure) implements Replayed {}

  @Override
  public ReplayReport replay(ReplayScope scope, ProgressListener progress,
      Cancellation cancellation) {
    Objects.requireNonNull(scope, "scope");
    Packs packs = new Packs(store);
    long[] counts = new long[3];
    List<ReplayDifference> differences = new ArrayList<>();
    List<ReplayFailure> failures = new ArrayList<>();
    Consumer<Replayed> sink = r -> {
      if (r instanceof Identical) {
        counts[0]++;
      } else if (r instanceof Different d) {
        counts[1]++;
        if (differences.size() < options.maxListed()) {
          differences.add(d.difference());
        }
      } else if (r instanceof Failed f) {
        counts[2]++;
        if (failures.size() < options.maxListed()) {
          failures.add(f.failure());
        }
      }
    };
    Function<StoredRow, Replayed> work = row -> replayOne(row, packs);
    boolean cancelled;
    if (scope instanceof ReplayScope.OneDecision one) {
      cancelled = cancellation.isCancelled();
      if (!cancelled) {
        StoredRow record = rows.row("decision_id", one.decisionId()).orElse(null);
        sink.accept(record != null ? work.apply(record) : new Failed(new ReplayFailure(0,
            one.decisionId(), "No recorded decision has the id " + one.decisionId()
                + ": check the id (decision ids are UUIDs, request ids are looked up with"
                + " byRequestId).")));
        progress.onProgress(new Progress(1, 1));
      }
    } else {
      DecisionQuery query = scope instanceof ReplayScope.PackDecisions p
          ? DecisionQuery.all().pack(p.packId())
          : DecisionQuery.all().recorded(((ReplayScope.TimeRange) scope).from(),
              ((ReplayScope.TimeRange) scope).to());
      cancelled = walk(query, work, sink, progress, cancellation);
    }
    return new ReplayReport(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2],
        differences, failures, cancelled);
  }

  /** The documents of the record replayed on this thread: reused, never shared. */
  private static final ThreadLocal<Documents.Inflated[]> DOCUMENTS = ThreadLocal.withInitial(
      () -> new Documents.Inflated[] {new Documents.Inflated(), new Documents.Inflated()});

  private Replayed replayOne(StoredRow row, Packs packs) {
    // both documents are inflated first, as DecisionRecord does: a stored document that is not
    // zlib data stops the run (the row was changed: verify names it), as it always did
    Documents.Inflated[] documents = DOCUMENTS.get();
    Documents.Inflated input = documents[0];
    Documents.Inflated recorded = documents[1];
    input.inflate(row.input());
    recorded.inflate(row.decision());
    List<Decision.PackRef> refs = DecisionRows.parsePackRefs(row.packRefs());
    try {
      List<RulePack> pipeline = new ArrayList<>(refs.size());
      for (Decision.PackRef ref : refs) {
        pipeline.add(packs.get(ref));
      }
      Decision decision = engine.evaluate(evaluation(input, pipeline));
      if (sameBytes(decision, recorded)) {
        // the stored document is the UTF-8 of the decision's compact JSON: the same text
        return new Identical();
      }
      String recordedJson = recorded.text();
      String replayed = decision.toCompactJson();
      if (recordedJson.equals(replayed)) {
        return new Identical();
      }
      List<FieldDifference> fields = JsonDiff.diff(RecordJson.tree(recordedJson),
          RecordJson.tree(replayed));
      return fields.isEmpty() ? new Identical()
          : new Different(new ReplayDifference(row.sequence(), row.decisionId(), fields));
    } catch (StoreException e) {
      throw e;
    } catch (ReplayProblem | RuntimeException e) {
      return new Failed(new ReplayFailure(row.sequence(), row.decisionId(), problem(e)));
    }
  }

  /**
   * Whether the decision's compact JSON, written as UTF-8, is byte for byte the stored
   * document — compared as it is written, without making either text. False when anything
   * differs or goes wrong: the caller then compares the texts as before, so the verdict and the
   * differences reported are those of the texts. (The UTF-8 writer writes characters outside
   * the basic plane as {@code \uD83D\uDE00} escapes where the text has them raw: such a
   * decision never matches here and is compared as text; a stored document that did match
   * would hold the same values, which the text comparison calls identical too.)
   */
  private static boolean sameBytes(Decision decision, Documents.Inflated recorded) {
    Matching out = new Matching(recorded.bytes(), recorded.length());
    try {
      decision.writeCompactJson(out);
    } catch (RuntimeException e) {
      return false;
    }
    // equal bytes are the same text only when they are well-formed UTF-8 (a lone surrogate in
    // the decision is written as bytes that are not; the stored text of such bytes has
    // replacement characters instead): otherwise the texts decide
    return out.matches() && recorded.wellFormed();
  }

  /** A stream that only checks that what is written is {@code expected}'s first bytes. */
  private static final class Matching extends OutputStream {
    private final byte[] expected;
    private final int length;
    private int position;
    private boolean differs;

    Matching(byte[] expected, int length) {
      this.expected = expected;
      this.length = length;
    }

    @Override
    public void write(int b) {
      if (!differs && (position >= length || expected[position] != (byte) b)) {
        differs = true;
      }
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (!differs && (len > length - position || Arrays.mismatch(b, off, off + len,
          expected, position, position + len) >= 0)) {
        differs = true;
      }
      position += len;
    }

    boolean matches() {
      return !differs && position == length;
    }
  }

  /**
   * The evaluation of a stored input. Well-formed UTF-8 is read from its bytes (the same
   * characters as its text); any other input, or one whose bytes do not parse, is read from its
   * text, as it always was, so that a changed row replays, or fails with the message, exactly
   * as before.
   */
  private static Evaluation evaluation(Documents.Inflated input, List<RulePack> pipeline) {
    RecordJson.Input in = null;
    if (input.wellFormed()) {
      try {
        in = RecordJson.input(input.bytes(), input.length());
      } catch (RuntimeException e) {
        in = null;
      }
    }
    if (in == null) {
      in = RecordJson.input(input.text());
    }
    return new Evaluation(pipeline, in.facts(), in.now(), in.requestId(), in.actor());
  }

  private static Evaluation evaluation(DecisionRecord record, List<RulePack> pipeline) {
    RecordJson.Input in = RecordJson.input(record.inputJson());
    return new Evaluation(pipeline, in.facts(), in.now(), in.requestId(), in.actor());
  }

  private static String problem(Exception e) {
    String message = e.getMessage() != null ? e.getMessage() : e.toString();
    if (e instanceof ValidationException v && !v.problems().isEmpty()) {
      message += ": " + v.problems();
    }
    return message;
  }

  // -------------------------------------------------------------------------------- backtest

  /** What the candidate made of one record; {@code removed} and {@code added} sorted. */
  private record Compared(DecisionRecord record, List<String> removed, List<String> added,
      String problem) {}

  @Override
  public BacktestReport backtest(RulePack candidate, BacktestScope scope,
      ProgressListener progress, Cancellation cancellation) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(scope, "scope");
    engine.prepare(candidate);
    String packId = scope.packId() != null ? scope.packId() : candidate.id();
    Packs packs = new Packs(store);
    DecisionQuery query = DecisionQuery.all().pack(packId).recorded(scope.from(), scope.to());
    long[] counts = new long[3];
    Map<List<List<String>>, long[]> flipCounts = new HashMap<>();
    Map<List<List<String>>, Set<String>> flipCustomers = new HashMap<>();
    List<BacktestReport.AffectedDecision> affected = new ArrayList<>();
    List<ReplayFailure> failures = new ArrayList<>();
    Consumer<Compared> sink = c -> {
      if (c.problem() != null) {
        counts[2]++;
        if (failures.size() < options.maxListed()) {
          failures.add(new ReplayFailure(c.record().sequence(), c.record().decisionId(),
              c.problem()));
        }
      } else if (c.removed().isEmpty() && c.added().isEmpty()) {
        counts[1]++;
      } else {
        counts[0]++;
        List<List<String>> key = List.of(c.removed(), c.added());
        flipCounts.computeIfAbsent(key, k -> new long[1])[0]++;
        Set<String> customers = flipCustomers.computeIfAbsent(key, k -> new HashSet<>());
        if (c.record().customerId() != null) {
          customers.add(c.record().customerId());
        }
        if (affected.size() < options.maxListed()) {
          affected.add(new BacktestReport.AffectedDecision(c.record().sequence(),
              c.record().decisionId(), c.record().customerId(), c.removed(), c.added()));
        }
      }
    };
    boolean cancelled = walk(query, row -> compare(row.toRecord(), candidate, packId, packs),
        sink, progress, cancellation);
    List<BacktestReport.Flip> flips = new ArrayList<>();
    flipCounts.forEach((key, n) -> flips.add(new BacktestReport.Flip(key.get(0), key.get(1),
        n[0], flipCustomers.get(key).size())));
    flips.sort(Comparator.comparingLong(BacktestReport.Flip::decisions).reversed()
        .thenComparing((BacktestReport.Flip f) -> f.label()));
    return new BacktestReport(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2],
        flips, affected, failures, cancelled);
  }

  private Compared compare(DecisionRecord record, RulePack candidate, String packId,
      Packs packs) {
    try {
      List<RulePack> pipeline = new ArrayList<>(record.packs().size());
      for (Decision.PackRef ref : record.packs()) {
        pipeline.add(ref.id().equals(packId) ? candidate : packs.get(ref));
      }
      Decision decision = engine.evaluate(evaluation(record, pipeline));
      List<String> before = RecordJson.actionNames(RecordJson.tree(record.decisionJson()));
      List<String> after = decision.actions().stream().map(Decision.DecidedAction::action)
          .toList();
      return new Compared(record, minus(before, after), minus(after, before), null);
    } catch (StoreException e) {
      throw e;
    } catch (ReplayProblem | RuntimeException e) {
      return new Compared(record, List.of(), List.of(), problem(e));
    }
  }

  /** The names of {@code a} beyond those of {@code b}, counted with repeats, sorted. */
  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> left = new LinkedHashMap<>();
    b.forEach(n -> left.merge(n, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String n : a) {
      Integer k = left.get(n);
      if (k != null && k > 0) {
        left.put(n, k - 1);
      } else {
        out.add(n);
      }
    }
    out.sort(null);
    return out;
  }

  // ------------------------------------------------------------------------------ the walk

  /**
   * Evaluates every record of the query on the pool and feeds the outcomes to the sink in chain
   * order; returns true when cancelled before the end. The scope is the log as it is at the
   * start: records added meanwhile are left out, so that {@code done} ends at {@code total}.
   */
  private <T> boolean walk(DecisionQuery query, Function<StoredRow, T> work,
      Consumer<T> sink, ProgressListener progress, Cancellation cancellation) {
    long last = rows.lastSequence();
    long total = rows.count(query, last);
    int threads = options.replayThreads();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "baton-decision-replay");
      t.setDaemon(true);
      return t;
    });
    long done = 0;
    long reported = -1;
    try {
      // two pages in flight: the pool starts on the next page while the last records of the
      // current one are still evaluated, so no core waits for the slowest chunk of a page
      Deque<CompletableFuture<List<T>>> inFlight = new ArrayDeque<>();
      List<StoredRow> page = cancellation.isCancelled() ? List.of()
          : rows.page(query, 0, last, PAGE);
      while (!page.isEmpty() || !inFlight.isEmpty()) {
        while (inFlight.size() < 2 && !page.isEmpty()) {
          inFlight.add(evaluate(page, work, pool, cancellation));
          page = page.size() < PAGE || cancellation.isCancelled() ? List.of()
              : rows.page(query, page.get(page.size() - 1).sequence(), last, PAGE);
        }
        List<T> outcomes = Futures.join(inFlight.poll());
        for (T outcome : outcomes) {
          if (cancellation.isCancelled()) {
            break; // evaluated already, but the caller asked to stop: not counted
          }
          sink.accept(outcome);
          done++;
          if (done % options.progressEvery() == 0) {
            progress.onProgress(new Progress(done, total));
            reported = done;
          }
        }
        if (cancellation.isCancelled()) {
          break;
        }
      }
      if (reported != done) {
        progress.onProgress(new Progress(done, total));
      }
      return cancellation.isCancelled() && done < total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Records per task: small, so that the pool's threads finish a page at about the same time. */
  private static final int CHUNK = 8;

  /** Results in page order; null from the first record skipped because of cancellation. */
  private static <T> CompletableFuture<List<T>> evaluate(List<StoredRow> page,
      Function<StoredRow, T> work, ExecutorService pool, Cancellation cancellation) {
    List<T> out = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      out.add(null);
    }
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    for (int from = 0; from < page.size(); from += CHUNK) {
      int start = from;
      int end = Math.min(page.size(), from + CHUNK);
      parts.add(CompletableFuture.runAsync(() -> {
        for (int i = start; i < end && !cancellation.isCancelled(); i++) {
          out.set(i, work.apply(page.get(i)));
        }
      }, pool));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
      // a record after a skipped one may have been evaluated by another chunk: cut at the
      // first gap so that "done" counts a prefix of the chain
      int firstGap = out.indexOf(null);
      return firstGap < 0 ? out : new ArrayList<>(out.subList(0, firstGap));
    });
  }

  // ---------------------------------------------------------------------------------- packs

  /** Thrown inside a run when a recorded pack cannot be had; becomes a failure of the record. */
  private static final class ReplayProblem extends Exception {
    private static final long serialVersionUID = 1L;

    ReplayProblem(String message) {
      super(message);
    }
  }

  /** The recorded packs of one run, by content hash, checked against their hash once. */
  private static final class Packs {
    private final BatonStore store;
    private final Map<String, Object> byHash = new ConcurrentHashMap<>();

    Packs(BatonStore store) {
      this.store = store;
    }

    RulePack get(Decision.PackRef ref) throws ReplayProblem {
      Object found = byHash.computeIfAbsent(ref.hash(), h -> load(ref));
      if (found instanceof RulePack p) {
        return p;
      }
      throw new ReplayProblem((String) found);
    }

    /** The pack, or the problem as text (so that it is looked up once per run). */
    private Object load(Decision.PackRef ref) {
      String name = ref.id() + "@" + ref.version() + " (hash " + ref.hash() + ")";
      try {
        RulePack pack = store.contents().get(ref.hash()).orElse(null);
        if (pack == null) {
          return "The content of pack " + name + " is not in the content store"
              + " (baton_pack_content): it was deleted. Restore it from a backup to replay.";
        }
        String actual = RulePacks.contentHash(pack);
        if (!actual.equals(ref.hash())) {
          return "The stored content of pack " + name + " was changed: it now hashes to "
              + actual + ". Restore it from a backup to replay.";
        }
        return pack;
      } catch (StoreException e) {
        throw e;
      } catch (RuntimeException e) {
        return "The stored content of pack " + name + " cannot be read (" + e.getMessage()
            + "): it was changed. Restore it from a backup to replay.";
      }
    }
  }
}
