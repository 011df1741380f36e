package dev.baton.designer.api;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers itself, before any servlet runs (an encoded {@code /} in a path,
 * a malformed URI, headers or a URI beyond the size limit): a problem detail like every other
 * error of the API, instead of Tomcat's HTML error page. It replaces the host's error report
 * valve; an error that reached Spring keeps Spring's answer (the valve writes only when nothing
 * was written).
 */
@Component
public class ApiTomcatErrors
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve v : host.getPipeline().getValves()) {
        if (v instanceof ErrorReportValve) {
          host.getPipeline().removeValve(v);
        }
      }
      if (host instanceof org.apache.catalina.core.StandardHost h) {
        h.setErrorReportValveClass(ProblemValve.class.getName());
      }
      host.getPipeline().addValve(new ProblemValve());
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own error valve customizer
  }

  /** Writes {@code application/problem+json} for an error response that has no body yet. */
  public static final class ProblemValve extends ErrorReportValve {
    public ProblemValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable t) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus s = HttpStatus.resolve(status);
      String title = s == null ? "Error" : s.getReasonPhrase();
      String detail = status == 400
          ? "The request was refused before it reached the API: its path, URI or headers are"
              + " malformed or too large (an encoded '/' (%2F) or '\\' in the path, a URI or"
              + " header beyond 8 KB). Nothing was changed."
          : "The request failed (" + status + " " + title + "). Nothing was changed.";
      String instance = request.getDecodedRequestURI() == null ? ""
          : request.getDecodedRequestURI();
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (uri instanceof String u) {
        instance = u;
      }
      instance = ApiInput.shorten(instance);
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer w = response.getReporter();
        if (w != null) {
          w.write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
              + ",\"detail\":" + json(detail) + ",\"instance\":" + json(instance) + "}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone, or the response is already committed: nothing more to say
      }
    }

    private static String json(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
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
}
