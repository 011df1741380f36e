package dev.baton.engine.audit;

import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.CrashHarness;

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
    String prefix = args[3];
    int threads = Integer.parseInt(args[4]);
    DecisionLog log = DecisionLog.open(BatonStore.open(CrashHarness.dataSource(args)),
        AuditFixtures.engine());
    // compile the packs before the first record, so that records start at full speed
    AuditFixtures.engine().evaluate(AuditFixtures.evaluation("warm-up",
        AuditFixtures.customer("C-0", Profile.QUIET, true)));
    CrashHarness.print("READY");
    CrashHarness.writeUntilKilled(threads, (thread, i) -> {
      String requestId = prefix + "-" + thread + "-" + i;
      Profile profile = Profile.values()[i % Profile.values().length];
      AuditFixtures.decide(log, requestId,
          AuditFixtures.customer("C-" + thread + "-" + i, profile, i % 3 != 0));
      return requestId;
    });
  }
}
