package dev.baton.engine.workflow;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An embedded engine on a fresh database, plus the official client for it: over gRPC, or over
 * the REST API v2 when the system property {@value #API} is {@code rest} (so the same scenarios
 * run once over each API: {@code mvn ... -Dbaton.test.workflow-api=rest}).
 */
final class EngineFixture implements AutoCloseable {
  /** The system property choosing the client's API: {@code grpc} (default) or {@code rest}. */
  static final String API = "baton.test.workflow-api";
  final HikariDataSource dataSource;
  EmbeddedWorkflowEngine engine;
  WorkflowRestServer restServer;
  CamundaClient client;

  EngineFixture(String database) {
    this.dataSource = TestDatabases.fresh(database);
    start();
  }

  void start() {
    engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0));
    if ("rest".equals(System.getProperty(API))) {
      // 8.8's defaults (REST preferred, job workers polling over REST); gRPC left unreachable
      restServer = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
      client = CamundaClient.newClientBuilder().restAddress(restServer.restAddress())
          .preferRestOverGrpc(true).build();
    } else {
      client = WorkflowClients.embedded(engine.grpcAddress());
    }
  }

  private void stopServer() {
    if (restServer != null) {
      restServer.close();
      restServer = null;
    }
  }

  /** Stops the engine and starts a new one on the same database. */
  void restart() {
    client.close();
    stopServer();
    engine.close();
    start();
  }

  long deploy(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
  }

  long create(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Activates one job of a type, waiting for it (long polling). */
  io.camunda.client.api.response.ActivatedJob activate(String type) {
    for (int i = 0; i < 20; i++) {
      var jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofSeconds(2)).send().join()
          .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new AssertionError("no job of type " + type);
  }

  /** Waits up to 30 s until the process instance has ended. */
  void awaitInactive(long processInstanceKey) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !active(processInstanceKey));
  }

  /** Whether the process instance still runs (looked up in the engine's table). */
  boolean active(long processInstanceKey) {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("select count(*) from wf_element_instance where entity_key = ?")) {
      ps.setLong(1, processInstanceKey);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Incidents stored for a process instance, as their JSON rows. */
  java.util.List<String> incidents() {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("select data from wf_incident order by entity_key");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static <T> T poll(BlockingQueue<T> q) throws InterruptedException {
    T t = q.poll(30, TimeUnit.SECONDS);
    if (t == null) {
      throw new AssertionError("nothing arrived within 30 s");
    }
    return t;
  }

  static <T> BlockingQueue<T> queue() {
    return new LinkedBlockingQueue<>();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    stopServer();
    if (engine != null) {
      engine.close();
    }
    dataSource.close();
  }
}
