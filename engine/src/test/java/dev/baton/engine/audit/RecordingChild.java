package dev.baton.engine.audit;

import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.Databases;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link CrashRecoveryTest} kills: records decisions from several threads until it
 * is killed, printing {@code ACK <request id>} for each acknowledged one.
 *
 * <p>Arguments: JDBC URL, user ({@code -} for none), password ({@code -} for none), request id
 * prefix, number of threads.
 */
public final class RecordingChild {
  private RecordingChild() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = "-".equals(args[1]) ? null : args[1];
    String password = "-".equals(args[2]) ? null : args[2];
    String prefix = args[3];
    int threads = Integer.parseInt(args[4]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    var ds = Databases.pooled(url, user, password);
    DecisionLog log = DecisionLog.open(BatonStore.open(ds), AuditFixtures.engine());
    // compile the packs before the first record, so that records start at full speed
    AuditFixtures.engine().evaluate(AuditFixtures.evaluation("warm-up",
        AuditFixtures.customer("C-0", Profile.QUIET, true)));
    synchronized (out) {
      out.println("READY");
      out.flush();
    }
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread w = new Thread(() -> {
        for (int i = 0; ; i++) {
          String requestId = prefix + "-" + thread + "-" + i;
          Profile profile = Profile.values()[i % Profile.values().length];
          AuditFixtures.decide(log, requestId,
              AuditFixtures.customer("C-" + thread + "-" + i, profile, i % 3 != 0));
          synchronized (out) {
            out.println("ACK " + requestId);
            out.flush();
          }
        }
      }, "recorder-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
  }
}
