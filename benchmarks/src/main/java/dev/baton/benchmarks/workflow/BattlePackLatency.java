package dev.baton.benchmarks.workflow;

import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.BattlePackWorkers;
import dev.baton.engine.battlepack.DemoData;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewMessage;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewTasks;
import dev.baton.engine.battlepack.ReviewVerdict;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.battlepack.VisitRequests;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowRestServer;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end latency of the battle-pack workflow's automatic part on the embedded engine: from
 * the official client's create-instance-with-result to the workflow's completion, with the real
 * workers (rule pipeline recorded in the decision log, context from the database, generated pack
 * with its hash, review items, release) and reviews approved by a test worker as soon as they are
 * queued (it wraps {@code baton.queue-review}: queue, decide, then complete the review user
 * task). Everything durable: each engine command committed (and on H2
 * checkpointed) before it is acknowledged, each decision recorded before the step completes.
 *
 * <p>Arguments: [instances (default 300)] [concurrent requests (default 1)] [jdbc url (default:
 * H2 in a temp dir)]. A warm-up round of the same size runs first.
 */
public final class BattlePackLatency {
  private BattlePackLatency() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String url = args.length > 2 ? args[2]
        : Databases.h2Url(Files.createTempDirectory("baton-bp-bench-"));
    try (var ds = Databases.pooled(url);
        Baton baton = Baton.open(ds, true);
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        WorkflowRestServer rest = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress(),
            rest.restAddress())) {
      DemoData.load(baton.store());
      BattlePackServices services = BattlePackServices.of(baton,
              PackLoader.fixed(BundledTemplates.pipeline()))
          .withClock(Clock.fixed(DemoData.DEMO_NOW, ZoneOffset.UTC));
      client.newDeployResourceCommand()
          .addResourceBytes(BattlePackRuntime.bundledBpmn(), "visit-battle-pack.bpmn")
          .send().join();
      List<JobWorker> workers = openWorkers(client, services);
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      try {
        for (String phase : List.of("warm-up", "measured")) {
          long t0 = System.nanoTime();
          List<Future<Long>> runs = new ArrayList<>();
          for (int i = 0; i < instances; i++) {
            String id = phase + "-" + i;
            runs.add(pool.submit(() -> runOne(client, id)));
          }
          long[] l = new long[instances];
          for (int i = 0; i < instances; i++) {
            l[i] = runs.get(i).get();
          }
          double seconds = (System.nanoTime() - t0) / 1e9;
          java.util.Arrays.sort(l);
          System.out.printf("%s: %d battle packs (visit → evaluate → context → pack → legal and"
                  + " finance review → release) in %.2f s = %.1f/s; end to end p50 %.1f ms,"
                  + " p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d concurrent, %s, %d cores)%n",
              phase, instances, seconds, instances / seconds, pct(l, 0.50), pct(l, 0.90),
              pct(l, 0.99), l[l.length - 1] / 1e6, concurrency,
              url.startsWith("jdbc:h2") ? "H2" : url.replaceAll("\\?.*", ""),
              Runtime.getRuntime().availableProcessors());
        }
      } finally {
        pool.shutdownNow();
        workers.forEach(JobWorker::close);
      }
    }
  }

  private static long runOne(CamundaClient client, String id) {
    VisitRequest request = VisitRequest.of("VR-" + id, DemoData.VISIT_AI_ALLOWED.customerId(),
        DemoData.VISIT_AI_ALLOWED.repId(), DemoData.VISIT_AI_ALLOWED.plannedDate(),
        DemoData.VISIT_AI_ALLOWED.channel());
    long t0 = System.nanoTime();
    var result = client.newCreateInstanceCommand().bpmnProcessId(VisitRequests.PROCESS_ID)
        .latestVersion().variables(request.toVariables()).withResult()
        .requestTimeout(Duration.ofSeconds(60)).send().join();
    long elapsed = System.nanoTime() - t0;
    Object released = result.getVariablesAsMap().get("financeApproved");
    if (!Boolean.TRUE.equals(released)) {
      throw new IllegalStateException("instance " + result.getProcessInstanceKey()
          + " ended without both approvals: " + result.getVariablesAsMap().keySet());
    }
    return elapsed;
  }

  private static final ExecutorService REVIEWERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "benchmark-reviewer");
    t.setDaemon(true);
    return t;
  });

  /** The real workers, with queue-review followed at once by an approval (the test reviewer). */
  private static List<JobWorker> openWorkers(CamundaClient client, BattlePackServices services) {
    Map<String, JobHandler> handlers = new java.util.LinkedHashMap<>(
        BattlePackWorkers.handlers(services));
    JobHandler queue = handlers.get(BattlePackWorkers.QUEUE_REVIEW);
    handlers.put(BattlePackWorkers.QUEUE_REVIEW, (jobClient, job) -> {
      queue.handle(jobClient, job);
      String packId = (String) job.getVariablesAsMap().get("packId");
      ReviewRole role = ReviewRole.parse(job.getCustomHeaders().getOrDefault("role",
          String.valueOf(job.getVariablesAsMap().get("role"))));
      ReviewItem item = services.reviews().item(packId, role).orElseThrow();
      ReviewMessage verdict = services.reviews().decide(item.packId(), role,
          ReviewVerdict.approve(role, "auto." + role.wire(), "benchmark"), DemoData.DEMO_NOW);
      // the review task is created once this job completes: complete it from another thread
      REVIEWERS.submit(() -> {
        while (ReviewTasks.of(client, item.processInstanceKey(), role).isEmpty()) {
          Thread.sleep(5);
        }
        return ReviewTasks.deliver(client, item, verdict, Duration.ofMinutes(5));
      });
    });
    List<JobWorker> workers = new ArrayList<>();
    handlers.forEach((type, handler) -> workers.add(client.newWorker().jobType(type)
        .handler(handler).maxJobsActive(32).timeout(Duration.ofMinutes(1))
        .streamEnabled(true).open()));
    return workers;
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }
}
