package dev.baton.engine.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Camunda 8.8's Orchestration Cluster REST API (v2) for the embedded engine, independent of any
 * HTTP server: a server hands each request under {@code /v2} to {@link #handle} and writes the
 * {@link Response} back. {@link WorkflowRestServer} is such a server; the designer mounts the
 * same handler in its servlet container.
 *
 * <p>Commands are translated to the engine's Zeebe gateway calls, so REST and gRPC behave alike;
 * searches read the engine's tables through {@link WorkflowInspector}. Refusals and bad input
 * answer an RFC 9457 problem detail ({@code application/problem+json}) with Camunda's status
 * codes; a request that is refused changes nothing. Endpoints the engine does not have (user
 * tasks, DMN, ...) answer a problem detail naming them. Which endpoints exist is listed in
 * {@code docs/workflow.md}.
 *
 * <p>Thread-safe. {@link #handle} never blocks: the future completes when the engine answered,
 * at the latest a little after the request's own time-out (long-polling job activation,
 * {@code awaitCompletion}), so no server thread waits for ever.
 */
public interface WorkflowRestApi {

  /**
   * Answers one request.
   *
   * @param request the method, the path (starting with {@code /v2}), the query, the headers and
   *     the body
   * @return the response; never completes exceptionally (failures are problem details)
   */
  CompletableFuture<Response> handle(Request request);

  /**
   * Answers one request on the calling thread, waiting at most as long as the request asks for
   * (see {@link #handle}).
   */
  default Response handleBlocking(Request request) {
    return handle(request).join();
  }

  /**
   * This API for one's own client only: a request without {@code Authorization: Bearer <token>}
   * is answered 401; a null token lets every request through (an open, loopback engine).
   */
  default WorkflowRestApi guardedByBearer(String token) {
    if (token == null) {
      return this;
    }
    return guardedBy(r -> ("Bearer " + token).equals(r.headers().get("Authorization"))
        ? Optional.empty()
        : Optional.of(Response.problem(401, "Unauthorized", "This listener serves its own"
            + " process's client only.", r.path())));
  }

  /**
   * This API behind an authentication check: a request the check refuses is answered with its
   * refusal and never reaches the engine.
   */
  default WorkflowRestApi guardedBy(Authenticator authenticator) {
    WorkflowRestApi api = this;
    return request -> {
      Optional<Response> refusal;
      try {
        refusal = authenticator.check(request);
      } catch (RuntimeException e) {
        refusal = Optional.of(Response.problem(500, "INTERNAL", "The authentication check"
            + " failed: " + e, request.path()));
      }
      return refusal.isPresent() ? CompletableFuture.completedFuture(refusal.get())
          : api.handle(request);
    };
  }

  /**
   * Decides whether a request may be served, before anything is read. The embedded defaults let
   * every request through (like a local Camunda 8 Run); a deployment that exposes the API
   * beyond loopback plugs in its own check (e.g. basic auth against its users).
   *
   * <p>Implementations MUST be thread-safe and quick; a refusal is answered with its status
   * (401 or 403) as a problem detail.
   */
  @FunctionalInterface
  interface Authenticator {
    /** Lets every request through. */
    Authenticator PERMIT_ALL = request -> Optional.empty();

    /**
     * Checks a request.
     *
     * @return empty to serve it, or the refusal to answer instead (see {@link Response#problem})
     */
    Optional<Response> check(Request request);
  }

  /**
   * An HTTP request.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param path the decoded path, e.g. {@code /v2/jobs/activation}
   * @param query the query parameters (first value of each)
   * @param headers the headers, names in any case (looked up case-insensitively)
   * @param body the request body; empty when none
   */
  record Request(String method, String path, Map<String, String> query,
      Map<String, String> headers, byte[] body) {
    /** Copies the maps; names of headers become case-insensitive. */
    public Request {
      method = method.toUpperCase(Locale.ROOT);
      query = Map.copyOf(query);
      TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(headers);
      headers = java.util.Collections.unmodifiableMap(h);
      body = body == null ? new byte[0] : body;
    }

    /** A header's value, or null. */
    public String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * An HTTP response.
   *
   * @param status the status code
   * @param headers the headers to send (e.g. {@code Content-Type})
   * @param body the body; empty for 204
   */
  record Response(int status, Map<String, String> headers, byte[] body) {
    /** The media type of problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Copies the headers. */
    public Response {
      headers = Map.copyOf(headers);
      body = body == null ? new byte[0] : body;
    }

    /**
     * An RFC 9457 problem detail, as Camunda answers refusals.
     *
     * @param status the status code
     * @param title a short name of the problem, e.g. {@code NOT_FOUND}
     * @param detail what was wrong and what to do
     * @param instance the request path it concerns
     */
    public static Response problem(int status, String title, String detail, String instance) {
      String json = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
          + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}";
      return new Response(status, Map.of("Content-Type", PROBLEM_JSON),
          json.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : String.valueOf(s).toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
  }

  /** How long a request may take at most beyond its own time-out before it is answered 504. */
  Duration GRACE = Duration.ofSeconds(5);
}
