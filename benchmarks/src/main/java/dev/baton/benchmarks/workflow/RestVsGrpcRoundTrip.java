package dev.baton.benchmarks.workflow;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The job round trip (create an instance, activate its job, complete it: three commands, each
 * committed before it is acknowledged) over the REST API v2 and over gRPC, on one embedded
 * engine in the same run, with the official client and explicit commands (no job worker, so
 * both protocols do exactly the same calls).
 *
 * <p>Light load: one caller, round trips one after another (p50 / p99 of each). Throughput:
 * {@code threads} callers at once (round trips per second). Arguments: [round trips per phase
 * (default 2000)] [threads (default 8)] [jdbc url (default: H2 in a temp dir)].
 */
public final class RestVsGrpcRoundTrip {
  private RestVsGrpcRoundTrip() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String url = args.length > 2 ? args[2]
        : Databases.h2Url(Files.createTempDirectory("baton-rest-bench-"));
    try (var ds = Databases.pooled(url);
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        WorkflowRestServer rest = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
        CamundaClient grpcClient = WorkflowClients.embedded(engine.grpcAddress());
        CamundaClient restClient = CamundaClient.newClientBuilder()
            .restAddress(rest.restAddress()).preferRestOverGrpc(true).build()) {
      grpcClient.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(
          "bench").startEvent().serviceTask("task", t -> t.zeebeJobType("bench-task"))
          .endEvent().done(), "bench.bpmn").send().join();
      System.out.printf("%d round trips per phase, %d threads for throughput, %d cores, %s%n",
          n, threads, Runtime.getRuntime().availableProcessors(),
          url.startsWith("jdbc:h2") ? "H2" : url.replaceAll("\\?.*", ""));
      for (String phase : List.of("warm-up", "measured")) {
        for (var c : List.of(new Object[] {"gRPC", grpcClient}, new Object[] {"REST",
            restClient})) {
          String name = (String) c[0];
          CamundaClient client = (CamundaClient) c[1];
          long[] light = sequential(client, phase.equals("warm-up") ? n / 4 : n);
          double perSecond = concurrent(client, phase.equals("warm-up") ? n / 4 : n, threads);
          System.out.printf("%s %s: light load p50 %.2f ms, p99 %.2f ms; %d threads %.0f round"
              + " trips/s%n", phase, name, pct(light, 0.50), pct(light, 0.99), threads,
              perSecond);
        }
      }
    }
  }

  private static long roundTrip(CamundaClient client) {
    long t0 = System.nanoTime();
    client.newCreateInstanceCommand().bpmnProcessId("bench").latestVersion().send().join();
    while (true) {
      var jobs = client.newActivateJobsCommand().jobType("bench-task").maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(5)).send().join()
          .getJobs();
      if (!jobs.isEmpty()) {
        client.newCompleteCommand(jobs.get(0).getKey()).send().join();
        return System.nanoTime() - t0;
      }
    }
  }

  private static long[] sequential(CamundaClient client, int n) {
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = roundTrip(client);
    }
    java.util.Arrays.sort(l);
    return l;
  }

  private static double concurrent(CamundaClient client, int n, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new ArrayList<>();
      List<Long> ignored = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int share = n / threads + (t < n % threads ? 1 : 0);
        all.add(pool.submit(() -> {
          for (int i = 0; i < share; i++) {
            ignored.add(roundTrip(client));
          }
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }
}
