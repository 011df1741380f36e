package dev.baton.engine.audit.internal;

import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Walks the chain. Content hashes are computed on all cores while the next page is read; the
 * chain itself is checked in order on the calling thread.
 */
final class Verifier {
  private static final int PAGE = 4096;

  private final BatonStore store;
  private final DecisionRows rows;

  Verifier(BatonStore store, DecisionRows rows) {
    this.store = store;
    this.rows = rows;
  }

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
      String previous = ChainHash.GENESIS;
      long expected = 1;
      long checked = 0;
      List<StoredRow> page = rows.page(DecisionQuery.all(), 0, head, PAGE);
      while (!page.isEmpty()) {
        CompletableFuture<String[]> contents = contentHashes(page, pool, threads);
        List<StoredRow> next = page.size() < PAGE ? List.of()
            : rows.page(DecisionQuery.all(), page.get(page.size() - 1).sequence(), head, PAGE);
        String[] content = contents.join();
        for (int i = 0; i < page.size(); i++) {
          StoredRow r = page.get(i);
          if (r.sequence() != expected) {
            return VerifyReport.failed(checked + 1, expected, null, "Record " + expected
                + " is missing: the chain goes from record " + (expected - 1) + " to record "
                + r.sequence() + ". Records were deleted from baton_decision; restore them"
                + " from a backup.");
          }
          checked++;
          String hash = ChainHash.link(previous, r.sequence(), r.recordedAt(), content[i]);
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
        page = next;
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

  private static CompletableFuture<String[]> contentHashes(List<StoredRow> page,
      ExecutorService pool, int threads) {
    String[] out = new String[page.size()];
    int chunk = (page.size() + threads - 1) / threads;
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    for (int from = 0; from < page.size(); from += chunk) {
      int start = from;
      int end = Math.min(page.size(), from + chunk);
      parts.add(CompletableFuture.runAsync(() -> {
        for (int i = start; i < end; i++) {
          out[i] = page.get(i).contentHash();
        }
      }, pool));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> out);
  }
}
