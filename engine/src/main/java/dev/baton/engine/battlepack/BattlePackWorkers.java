package dev.baton.engine.battlepack;

import dev.baton.engine.battlepack.internal.Handlers;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job workers of the {@code visit-battle-pack} workflow, opened with the official client's
 * JobWorker API exactly as a user's own workers would be, so they run the same against Baton's
 * embedded engine and a Camunda 8 cluster.
 *
 * <p>Every handler is idempotent: its effects and its timeline step are written in one
 * transaction keyed by the job key, so a job redelivered after a crash (or after its timeout)
 * completes with the same variables and repeats no effect. Bad input (an invalid visit request,
 * an unknown pack) fails the job with no retries and a message saying what to fix, which the
 * engine shows as an incident; other failures are retried by the client with back-off.
 */
public final class BattlePackWorkers {
  /** Runs the rule pipeline and records the decision; sets {@code aiAllowed}, {@code decisionId}. */
  public static final String EVALUATE = "baton.evaluate";
  /** Gathers the customer's history; sets {@code battleContext}. */
  public static final String GATHER_CONTEXT = "baton.gather-context";
  /** Generates and stores the pack; sets {@code packId}, {@code packHash}. */
  public static final String GENERATE_BATTLE_PACK = "baton.generate-battle-pack";
  /** Queues the pack for the role in the task header or variable {@code role}. */
  public static final String QUEUE_REVIEW = "baton.queue-review";
  /** Marks a late review escalated and notifies the role. */
  public static final String ESCALATE_REVIEW = "baton.escalate-review";
  /** Releases an approved pack to the rep. */
  public static final String RELEASE_PACK = "baton.release-pack";
  /** Returns a rejected pack to the rep with the reviewers' comments. */
  public static final String RETURN_TO_REP = "baton.return-to-rep";
  /** Carries out the decision's alternative actions when the AI may not act. */
  public static final String CARRY_OUT_ALTERNATIVES = "baton.carry-out-alternatives";

  /** Every job type served, in workflow order. */
  public static final List<String> JOB_TYPES = List.of(EVALUATE, GATHER_CONTEXT,
      GENERATE_BATTLE_PACK, QUEUE_REVIEW, ESCALATE_REVIEW, RELEASE_PACK, RETURN_TO_REP,
      CARRY_OUT_ALTERNATIVES);

  private BattlePackWorkers() {}

  /** The handler of each job type, for embedding them in one's own workers or testing. */
  public static Map<String, JobHandler> handlers(BattlePackServices services) {
    return Handlers.all(services);
  }

  /**
   * Opens one worker per job type on the client and returns a handle that closes them all. The
   * client stays open (it belongs to the caller).
   */
  public static Closeable open(CamundaClient client, BattlePackServices services) {
    List<JobWorker> workers = new ArrayList<>();
    try {
      for (Map.Entry<String, JobHandler> e : handlers(services).entrySet()) {
        workers.add(client.newWorker()
            .jobType(e.getKey())
            .handler(e.getValue())
            .name("baton-battle-pack")
            .timeout(Duration.ofMinutes(1))
            .maxJobsActive(32)
            .open());
      }
    } catch (RuntimeException ex) {
      workers.forEach(JobWorker::close);
      throw ex;
    }
    return () -> workers.forEach(JobWorker::close);
  }
}
