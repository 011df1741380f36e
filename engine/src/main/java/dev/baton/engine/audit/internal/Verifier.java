package dev.baton.engine.audit.internal;

import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Walks the chain. The records up to the head are read in pages of a fixed number of sequences
 * (keyset pages: {@code sequence between from and to}, never an offset, so a page holds at most
 * that many rows and costs the same wherever it is in the log); each core reads one page at a
 * time, in a short query of its own, and hashes each row's content, keeping only what the chain
 * step needs. The calling thread checks the chain over the pages in order, so the first bad
 * record is the one reported, exactly as a single sequential walk would find it; the next pages
 * are read while it does. Pages are read in parallel because on an embedded database reading
 * rows is itself most of the work.
 *
 * <p>No page is streamed lazily: H2 can free a chunk that a long-running lazily executed query
 * still needs ({@code MVStoreException: Chunk ... not found}), and a query over a whole range of
 * a large log runs long on a busy machine. A page is read at once and its transaction ends.
 */
final class Verifier {
  static final int PAGE = 1024;
  private static final String COLUMNS = "sequence, decision_id, request_id, recorded_at,"
      + " evaluated_at, actor, customer_id, pack_refs, action_names, input, decision, hash";

  private final BatonStore store;
  private final int page;

  Verifier(BatonStore store) {
    this(store, PAGE);
  }

  /** With pages of {@code page} sequences (tests use small pages to cross their ends). */
  Verifier(BatonStore store, int page) {
    if (page < 1) {
      throw new IllegalArgumentException("A verify page holds at least one record: " + page);
    }
    this.store = store;
    this.page = page;
  }

  /** What the chain step needs of a row: its content hash instead of its content. */
  private record Hashed(long sequence, String decisionId, String requestId, Instant recordedAt,
      String contentHash, String hash) {}

  VerifyReport verify() {
    // the head is read first: records up to it are committed, later ones are not checked
    long[] headSequence = new long[1];
    String headHash = store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "select sequence, hash from baton_decision_head where id = 1");
          ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new StoreException("The decision log has no chain head (table"
              + " baton_decision_head, row 1): the schema was changed by hand.");
        }
        headSequence[0] = r.getLong(1);
        return r.getString(2);
      }
    });
    long head = headSequence[0];
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "baton-decision-verify");
      t.setDaemon(true);
      return t;
    });
    try {
      // at most two pages per core read ahead of the chain check: bounded memory
      Deque<CompletableFuture<List<Hashed>>> ahead = new ArrayDeque<>();
      long nextFrom = 1;
      String previous = ChainHash.GENESIS;
      long expected = 1;
      long checked = 0;
      while (true) {
        while (ahead.size() < 2 * threads && nextFrom <= head) {
          long from = nextFrom;
          long to = Math.min(head, from + page - 1);
          ahead.add(CompletableFuture.supplyAsync(() -> read(from, to), pool));
          nextFrom = to + 1;
        }
        if (ahead.isEmpty()) {
          break;
        }
        List<Hashed> rows = Futures.join(ahead.poll());
        for (Hashed r : rows) {
          if (r.sequence() != expected) {
            return VerifyReport.failed(checked + 1, expected, null, "Record " + expected
                + " is missing: the chain goes from record " + (expected - 1) + " to record "
                + r.sequence() + ". Records were deleted from baton_decision; restore them"
                + " from a backup.");
          }
          checked++;
          String hash = ChainHash.link(previous, r.sequence(), r.recordedAt(), r.contentHash());
          if (!hash.equals(r.hash())) {
            return VerifyReport.failed(checked, r.sequence(), r.decisionId(), "Record "
                + r.sequence() + " (decision " + r.decisionId() + ", request " + r.requestId()
                + ") does not match its hash: it was changed after it was recorded"
                + (r.sequence() > 1 ? ", or record " + (r.sequence() - 1) + " was changed and"
                    + " its hash recomputed" : "")
                + ". Compare it with a backup; the records before it are intact.");
          }
          previous = r.hash();
          expected++;
        }
      }
      if (expected - 1 != head) {
        return VerifyReport.failed(checked, expected, null, "Records " + expected + " to "
            + head + " are missing at the end of the log: the chain head says there are "
            + head + " records. They were deleted from baton_decision; restore them from a"
            + " backup.");
      }
      if (!previous.equals(headHash)) {
        return VerifyReport.failed(checked, head, null, "The chain head (baton_decision_head)"
            + " does not match record " + head + ": the head or the last record was changed.");
      }
      return VerifyReport.passed(checked);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One page: the records from {@code from} to {@code to} (at most {@code page} of them, the
   * sequence is the key), read in one short query and hashed, in chain order.
   */
  private List<Hashed> read(long from, long to) {
    return store.inTransaction(c -> {
      try (PreparedStatement q = c.prepareStatement("select " + COLUMNS
          + " from baton_decision where sequence between ? and ? order by sequence")) {
        int size = (int) Math.min(page, to - from + 1);
        q.setFetchSize(size);
        q.setLong(1, from);
        q.setLong(2, to);
        List<Hashed> out = new ArrayList<>(size);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            StoredRow row = DecisionRows.map(r);
            out.add(new Hashed(row.sequence(), row.decisionId(), row.requestId(),
                row.recordedAt(), row.contentHash(), row.hash()));
          }
        }
        return out;
      }
    });
  }
}
