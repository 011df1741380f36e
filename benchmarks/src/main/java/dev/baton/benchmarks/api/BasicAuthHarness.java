package dev.baton.benchmarks.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluations per second through a running designer's REST API, signed in with HTTP basic or an
 * API token: {@code POST /api/v1/evaluate} with a facts file, a bounded number of calls from a
 * few client threads, on loopback. JDK only, so it runs as a single source file:
 *
 * <pre>
 * java benchmarks/src/main/java/dev/baton/benchmarks/api/BasicAuthHarness.java \
 *     http://127.0.0.1:8080 rule-packs/demo/visit-request.json 'Basic developer:developer' 400 2
 * java ... BasicAuthHarness.java http://127.0.0.1:8080 rule-packs/demo/visit-request.json \
 *     'Bearer baton_...' 400 2
 * </pre>
 *
 * Prints calls/s and the p50 / p99 latency of the measured calls (after 50 warm-up calls).
 */
public final class BasicAuthHarness {
  private BasicAuthHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: BasicAuthHarness <base-url> <facts.json> '<Basic user:password"
          + " | Bearer token>' <calls> <threads>");
      System.exit(2);
    }
    String base = args[0];
    String facts = Files.readString(Path.of(args[1]));
    String auth = authorization(args[2]);
    int calls = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluate"))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(facts)).build();
    for (int i = 0; i < 50; i++) {
      send(http, request);
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int share = calls / threads + (t < calls % threads ? 1 : 0);
      done.add(pool.submit(() -> {
        for (int i = 0; i < share; i++) {
          long t0 = System.nanoTime();
          send(http, request);
          latencies.add(System.nanoTime() - t0);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("%s: %d calls, %d threads, %.1f calls/s, p50 %.1f ms, p99 %.1f ms%n",
        args[2].startsWith("Bearer") ? "bearer" : "basic", calls, threads, calls / seconds,
        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
  }

  private static void send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST /api/v1/evaluate answered " + r.statusCode() + ": "
          + r.body());
    }
  }

  private static String authorization(String arg) {
    if (arg.startsWith("Basic ")) {
      return "Basic " + Base64.getEncoder().encodeToString(arg.substring(6)
          .getBytes(StandardCharsets.UTF_8));
    }
    return arg;
  }
}
