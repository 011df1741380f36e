package dev.baton.engine.workflow.internal.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.engine.workflow.WorkflowException;
import dev.baton.engine.workflow.WorkflowRestApi;
import dev.baton.engine.workflow.WorkflowRestApi.Request;
import dev.baton.engine.workflow.WorkflowRestApi.Response;
import dev.baton.engine.workflow.WorkflowRestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link WorkflowRestServer} on the JDK's HTTP server. Its threads only read requests and write
 * answers; the answer is written from whichever thread completes the API's future.
 */
public final class JdkRestServer implements WorkflowRestServer {
  /** The largest request body read (Zeebe's default message size). */
  static final int MAX_BODY = 4 * 1024 * 1024;
  /** How much of an oversized body is read and dropped so that its sender gets the 413. */
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final String host;

  private JdkRestServer(HttpServer server, ExecutorService threads, String host) {
    this.server = server;
    this.threads = threads;
    this.host = host;
  }

  /** See {@link WorkflowRestServer#start}. */
  public static WorkflowRestServer start(WorkflowRestApi api, String host, int port) {
    // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK (~40 ms per request). The setting is read
    // once, when the first server is made; a value the application set itself is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 128);
    } catch (IOException e) {
      throw new WorkflowException("The workflow REST API cannot listen on " + host + ":" + port
          + " (" + e.getMessage() + "); is another server (a Camunda 8 Run, the designer)"
          + " using it? Choose another port (0 picks a free one).", e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "baton-rest-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> serve(api, exchange));
    server.start();
    return new JdkRestServer(server, threads, host);
  }

  private static void serve(WorkflowRestApi api, HttpExchange exchange) {
    Request request;
    try {
      byte[] body = read(exchange.getRequestBody());
      if (body == null) {
        write(exchange, Response.problem(413, "Payload Too Large", "The request body is larger"
            + " than " + MAX_BODY + " bytes (4 MiB, Zeebe's default maximum message size);"
            + " nothing was done. Send smaller variables (keep large documents outside the"
            + " process and pass a reference), or deploy large resources one at a time.",
            exchange.getRequestURI().getPath()));
        return;
      }
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k, v.get(0));
        }
      });
      request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          query(exchange.getRequestURI().getRawQuery()), headers, body);
    } catch (IOException | RuntimeException e) {
      exchange.close();
      return;
    }
    api.handle(request).whenComplete((response, failure) -> write(exchange, response != null
        ? response : Response.problem(500, "INTERNAL", String.valueOf(failure),
            request.path())));
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length <= MAX_BODY) {
      return body;
    }
    // read (and drop) the rest before answering 413: a client still sending its body would
    // otherwise see the connection reset instead of the problem detail
    byte[] sink = new byte[64 * 1024];
    long left = DRAIN_LIMIT;
    for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
      left -= n;
    }
    return null;
  }

  private static void write(HttpExchange exchange, Response response) {
    try (exchange) {
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.putIfAbsent(k, v);
    }
    return q;
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public URI restAddress() {
    String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port());
  }

  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
  }

}
