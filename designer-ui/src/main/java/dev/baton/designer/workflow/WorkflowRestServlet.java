package dev.baton.designer.workflow;

import dev.baton.engine.workflow.WorkflowRestApi;
import dev.baton.engine.workflow.WorkflowRestApi.Request;
import dev.baton.engine.workflow.WorkflowRestApi.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Camunda 8.8's Orchestration Cluster REST API (v2) of the embedded engine, mounted under
 * {@code /v2} of the designer, so a Camunda client with its defaults (REST on
 * {@code http://0.0.0.0:8080}) finds it where the designer runs. The request is handed to the
 * engine's {@link WorkflowRestApi} and answered asynchronously: a long-polling job activation
 * holds no container thread. The servlet itself knows nothing of the API.
 */
public final class WorkflowRestServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  /** The most a request body may have (Zeebe's default message size). */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private final transient WorkflowRestApi api;

  /**
   * A servlet over an API.
   *
   * @param api the engine's REST API, already behind the deployment's authentication hook; null
   *     when workflows run on a cluster (then every request answers 404 saying so)
   */
  public WorkflowRestServlet(WorkflowRestApi api) {
    this.api = api;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    if (api == null) {
      write(resp, Response.problem(404, "NOT_FOUND", "The designer's workflows run on a Camunda"
          + " 8 cluster: send Orchestration Cluster API requests to the cluster's REST address.",
          path));
      return;
    }
    byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      write(resp, Response.problem(413, "Payload Too Large", "The request body is larger than "
          + MAX_BODY + " bytes.", path));
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, req.getHeader(name));
    }
    Map<String, String> query = new HashMap<>(); // from the query string only, never the body
    if (req.getQueryString() != null) {
      for (String pair : req.getQueryString().split("&")) {
        int eq = pair.indexOf('=');
        query.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
      }
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(0); // the API bounds every request by its own time-out
    api.handle(new Request(req.getMethod(), path, query, headers, body))
        .whenComplete((response, failure) -> {
          try {
            write((HttpServletResponse) async.getResponse(), response != null ? response
                : Response.problem(500, "INTERNAL", String.valueOf(failure), path));
          } catch (IOException e) {
            // the client went away
          } finally {
            async.complete();
          }
        });
  }

  private static void write(HttpServletResponse resp, Response response) throws IOException {
    resp.setStatus(response.status());
    response.headers().forEach(resp::setHeader);
    if (response.body().length > 0) {
      resp.setContentLength(response.body().length);
      resp.getOutputStream().write(response.body());
    }
  }
}
