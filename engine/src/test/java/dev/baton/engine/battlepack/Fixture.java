package dev.baton.engine.battlepack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import io.camunda.client.api.worker.JobHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh database with the demo data, Baton recording decisions, the template pipeline, a
 * fixed clock at the demo time, and a driver that hands jobs to the real handlers the way the
 * engine would, carrying the process variables from step to step.
 */
final class Fixture implements AutoCloseable {
  static final Path RULE_PACKS = Path.of("../rule-packs");
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  final HikariDataSource dataSource;
  final Baton baton;
  BattlePackServices services;
  Map<String, JobHandler> handlers;

  Fixture(String database) {
    this(TestDatabases.fresh(database));
  }

  /** On a given database (closed with the fixture). */
  Fixture(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    baton = Baton.open(dataSource, true);
    DemoData.load(baton.store());
    services = BattlePackServices.of(baton, PackLoader.fixed(templates()))
        .withClock(Clock.fixed(DemoData.DEMO_NOW, ZoneOffset.UTC));
    handlers = BattlePackWorkers.handlers(services);
  }

  /** From now on the handlers run with a clock fixed at {@code at}. */
  void clockAt(java.time.Instant at) {
    services = services.withClock(Clock.fixed(at, ZoneOffset.UTC));
    handlers = BattlePackWorkers.handlers(services);
  }

  static List<dev.baton.engine.rulepack.RulePack> templates() {
    return List.of(RulePacks.read(RULE_PACKS.resolve("cmi-threshold")),
        RulePacks.read(RULE_PACKS.resolve("ai-trigger")),
        RulePacks.read(RULE_PACKS.resolve("consent-check")));
  }

  /** One process instance: its key and variables. */
  Instance start(VisitRequest request) {
    return new Instance(FakeJobs.nextKey(), new LinkedHashMap<>(request.toVariables()));
  }

  final class Instance {
    final long key;
    final Map<String, Object> variables;
    final FakeJobs jobs = new FakeJobs();

    Instance(long key, Map<String, Object> variables) {
      this.key = key;
      this.variables = variables;
    }

    /** Runs a job of this type with a new job key; merges the completion's variables. */
    FakeJobs.Sent run(String type, String elementId, Map<String, String> headers) {
      return deliver(FakeJobs.nextKey(), type, elementId, headers);
    }

    FakeJobs.Sent run(String type) {
      return run(type, type.substring("baton.".length()), Map.of());
    }

    /** Delivers a job with a given key (again, for redelivery). */
    FakeJobs.Sent deliver(long jobKey, String type, String elementId,
        Map<String, String> headers) {
      try {
        handlers.get(type).handle(jobs.client(), FakeJobs.job(jobKey, type, key, elementId,
            headers, JSON.writeValueAsString(variables)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      FakeJobs.Sent s = jobs.last();
      if (s.completed() && s.variables != null) {
        variables.putAll(JSON.convertValue(s.variables, Map.class));
      }
      return s;
    }

    /** The message a message catch event would merge, as the BPMN's output mapping does. */
    void receive(ReviewMessage m) {
      String role = (String) m.variables().get("role");
      variables.put(role + "Approved", m.variables().get("approved"));
      variables.put(role + "Comment", m.variables().get("comment"));
      variables.put(role + "Reviewer", m.variables().get("reviewer"));
    }
  }

  @Override
  public void close() {
    baton.close();
    dataSource.close();
  }
}
