package dev.baton.benchmarks.workflow;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Single-service-task process instances completed per second on the embedded engine, durably
 * (every command committed, and on H2 checkpointed, before it is acknowledged): the official
 * client creates instances with a bounded number in flight, a streaming job worker completes
 * each job. Latency is create-to-job-completed per instance.
 *
 * <p>Arguments: [instances (default 5000)] [in flight (default 256)] [jdbc url (default: H2 in a
 * temp dir)]. Prints one summary line per round (a warm-up round, then a measured one).
 */
public final class WorkflowThroughput {
  private WorkflowThroughput() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    String url = args.length > 2 ? args[2]
        : Databases.h2Url(Files.createTempDirectory("baton-wf-bench-"));
    try (var ds = Databases.pooled(url);
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress())) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("bench")
          .startEvent().serviceTask("task", t -> t.zeebeJobType("bench-task")).endEvent()
          .done(), "bench.bpmn").send().join();
      Semaphore window = new Semaphore(inFlight);
      long[][] round = new long[1][];
      long[] started = new long[1];
      CountDownLatch[] done = new CountDownLatch[1];
      java.util.Map<Long, Long> createdAt = new java.util.concurrent.ConcurrentHashMap<>();
      List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
      try (var worker = client.newWorker().jobType("bench-task").handler((c, job) ->
          c.newCompleteCommand(job).send().whenComplete((r, e) -> {
            Long t0 = createdAt.remove(job.getProcessInstanceKey());
            if (t0 != null) {
              latencies.add(System.nanoTime() - t0);
            }
            window.release();
            done[0].countDown();
          })).maxJobsActive(inFlight * 2).streamEnabled(true).open()) {
        for (String phase : List.of("warm-up", "measured")) {
          int n = phase.equals("warm-up") ? Math.max(500, instances / 5) : instances;
          done[0] = new CountDownLatch(n);
          latencies.clear();
          started[0] = System.nanoTime();
          for (int i = 0; i < n; i++) {
            window.acquire();
            long t0 = System.nanoTime();
            client.newCreateInstanceCommand().bpmnProcessId("bench").latestVersion().send()
                .whenComplete((r, e) -> {
                  if (e != null) {
                    window.release();
                    done[0].countDown();
                    System.err.println("create failed: " + e);
                  } else {
                    createdAt.put(r.getProcessInstanceKey(), t0);
                  }
                });
          }
          if (!done[0].await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not all instances completed");
          }
          double seconds = (System.nanoTime() - started[0]) / 1e9;
          long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
          round[0] = l;
          System.out.printf("%s: %d instances in %.2f s = %.0f instances/s completed durably;"
              + " create-to-completed p50 %.1f ms, p99 %.1f ms (%d in flight, %s)%n", phase, n,
              seconds, n / seconds, pct(l, 0.50), pct(l, 0.99), inFlight,
              url.startsWith("jdbc:h2") ? "H2" : url.replaceAll("\\?.*", ""));
        }
      }
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }

  static String describe(long[] values) {
    return Arrays.toString(values);
  }
}
