package dev.baton.designer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.designer.DesignerApplication;
import dev.baton.designer.security.ApiTokens;
import dev.baton.designer.security.Role;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.battlepack.VisitRequests;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.WorkflowInspector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durability of the designer's own tables, written through Spring's JdbcTemplate and
 * transactions: a child JVM runs the designer and, on 3 threads, creates users, creates API
 * tokens and posts visit requests to the webhook; it is killed with SIGKILL while it does. Every
 * user and token it was told were created, and every visit request the webhook answered 202, are
 * there afterwards — each visit request with its process instance, and with one instance only.
 */
class DesignerCrashTest {
  /** Kill after this many acknowledged visit requests (the slowest of the three writes). */
  private static final int VISITS_BEFORE_KILL = 15;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedUserTokenAndVisitRequestWhenTheDesignerIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: the designer writing its tables on 3 threads
      // when: it is killed with SIGKILL while it writes
      List<String> acknowledged = CrashHarness.run(DesignerCrashTest.class, database,
          lines -> lines.stream().filter(l -> l.startsWith("ACK VISIT ")).count()
              >= VISITS_BEFORE_KILL).acknowledged();

      // then: everything acknowledged is there once; each visit request with one instance
      try (HikariDataSource ds = database.open()) {
        List<String> found = new ArrayList<>();
        found.addAll(column(ds, "select 'USER ' || username from designer_user"));
        found.addAll(column(ds, "select 'TOKEN ' || token_id from designer_api_token"));
        found.addAll(column(ds, "select 'VISIT ' || request_id from designer_visit_request"
            + " where process_instance_key <> 0"));
        CrashHarness.assertKeptOnce(acknowledged, found);
        List<String> started = startedRequestIds(WorkflowInspector.on(ds));
        List<String> visits = acknowledged.stream().filter(a -> a.startsWith("VISIT "))
            .map(a -> a.substring(6)).toList();
        assertThat(visits).isNotEmpty();
        assertThat(started).as("request ids of the started instances").containsAll(visits)
            .doesNotHaveDuplicates();
      }
    }
  }

  private static List<String> column(HikariDataSource ds, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /** The request id of every battle-pack instance the engine started. */
  private static List<String> startedRequestIds(WorkflowInspector inspector) {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    return inspector.instances(InstanceQuery.newest().withBpmnProcessId(VisitRequests.PROCESS_ID)
        .page(InstanceQuery.MAX_LIMIT, 0)).stream()
        .map(s -> inspector.instance(s.processInstanceKey()).orElseThrow().variables())
        .map(v -> {
          try {
            return mapper.readTree(v).path("visitRequest").path("requestId").asText();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  /** The child: the designer, writing until it is killed; ACK USER/TOKEN/VISIT with each id. */
  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(DesignerApplication.class)
        .run("--baton.db.url=" + args[0], "--baton.db.user=" + ("-".equals(args[1]) ? ""
            : args[1]), "--baton.db.password=" + ("-".equals(args[2]) ? "" : args[2]),
            "--server.port=0", "--baton.workflow.port=0", "--baton.demo.enabled=false");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    UserAccounts users = app.getBean(UserAccounts.class);
    ApiTokens tokens = app.getBean(ApiTokens.class);
    users.create("crash-ops", "crash-ops-password", "Crash ops", Set.of(Role.OPS));
    String bearer = "Bearer " + tokens.create("crash-ops", "webhook", "crash-ops").token();
    HttpClient http = HttpClient.newHttpClient();
    CrashHarness.print("READY");
    CrashHarness.writeUntilKilled(3, (thread, i) -> {
      switch (thread) {
        case 0 -> {
          users.create("crash-user-" + i, "password-" + i, "Crash " + i, Set.of(Role.ANALYST));
          return "USER crash-user-" + i;
        }
        case 1 -> {
          return "TOKEN " + tokens.create("crash-ops", "crash-" + i, "crash-ops").info()
              .tokenId();
        }
        default -> {
          String id = "VR-CRASH-" + i;
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/visit-requests"))
              .header("Authorization", bearer).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\": \"" + id + "\","
                  + " \"customerId\": \"C-2002\", \"repId\": \"REP-12\", \"plannedDate\":"
                  + " \"2026-12-03\", \"channel\": \"WECOM\"}")).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 202) {
            throw new IllegalStateException("webhook answered " + r.statusCode() + ": "
                + r.body());
          }
          return "VISIT " + id;
        }
      }
    });
  }
}
