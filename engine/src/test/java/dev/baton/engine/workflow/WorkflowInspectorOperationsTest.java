package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspector's reads for an operations view, on H2 and PostgreSQL: variables per scope,
 * incidents of one instance, a job's error, and instances filtered by version, start time and a
 * variable's value, paged.
 */
class WorkflowInspectorOperationsTest {

  static List<String> databases() {
    return dev.baton.engine.store.TestDatabases.names();
  }

  private static BpmnModelInstance work() {
    return Bpmn.createExecutableProcess("work").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("work").zeebeInputExpression("limit * 2",
            "doubled"))
        .endEvent().done();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReadVariablesPerScopeAndTheJobsErrorWhenAJobFailed(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given: an instance whose task has a local (input-mapped) variable, its job failed
      f.deploy(work());
      long pi = f.create("work", Map.of("limit", 21, "customer", "C-1"));
      ActivatedJob job = f.activate("work");
      f.client.newFailCommand(job).retries(0).errorMessage("service down").send().join();
      WorkflowInspector in = f.engine.inspector();

      // when
      List<VariableView> vars = in.variables(pi);

      // then: the root scope first, then the task's scope; by name within a scope
      assertThat(vars).containsExactly(
          new VariableView(pi, "work", "customer", "\"C-1\""),
          new VariableView(pi, "work", "limit", "21"),
          new VariableView(job.getElementInstanceKey(), "task", "doubled", "42"));
      assertThat(in.job(job.getKey())).hasValueSatisfying(j -> {
        assertThat(j.retries()).isZero();
        assertThat(j.errorMessage()).isEqualTo("service down");
        assertThat(j.type()).isEqualTo("work");
      });
      assertThat(in.job(424242L)).isEmpty();
      IncidentView incident = in.incidents(pi).get(0);
      assertThat(incident.jobKey()).isEqualTo(job.getKey());
      assertThat(incident.resolved()).isFalse();

      // when: a local variable is set, retries given, the incident resolved, the job completed
      f.client.newSetVariablesCommand(job.getElementInstanceKey()).variables(
          "{\"doubled\": 50}").local(true).send().join();
      assertThat(in.variables(pi)).contains(
          new VariableView(job.getElementInstanceKey(), "task", "doubled", "50"));
      f.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
      f.client.newResolveIncidentCommand(incident.incidentKey()).send().join();
      ActivatedJob again = f.activate("work");
      f.client.newCompleteCommand(again).send().join();
      f.awaitInactive(pi);

      // then: the final root variables only, the resolved incident kept, the job gone
      assertThat(in.variables(pi)).containsExactly(
          new VariableView(pi, "work", "customer", "\"C-1\""),
          new VariableView(pi, "work", "limit", "21"));
      assertThat(in.incidents(pi)).singleElement().satisfies(i ->
          assertThat(i.resolved()).isTrue());
      assertThat(in.job(job.getKey())).isEmpty();
      assertThat(in.variables(987654L)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFilterAndPageInstancesWhenFilteredByVersionTimeAndVariable(String db) {
    try (EngineFixture f = new EngineFixture(db)) {
      // given: version 1 with three instances, version 2 with two
      f.deploy(work());
      long a = f.create("work", Map.of("limit", 1, "region", "north"));
      long b = f.create("work", Map.of("limit", 2, "region", "south"));
      long c = f.create("work", Map.of("limit", 3.0, "region", "north"));
      sleep(); // instances of each version start in different milliseconds
      f.client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("work")
          .startEvent().serviceTask("task2", t -> t.zeebeJobType("work2")).endEvent().done(),
          "work-v2.bpmn").send().join();
      long d = f.create("work", Map.of("limit", 3, "region", "north"));
      long e = f.create("work", Map.of("limit", 4, "region", "north"));
      WorkflowInspector in = f.engine.inspector();

      // then
      assertThat(keys(in, filter(null, "work", 1, null, null, null, null, 50, 0)))
          .containsExactly(c, b, a);
      assertThat(keys(in, filter(null, "work", null, null, null, "region", "\"north\"", 50,
          0))).containsExactly(e, d, c, a);
      assertThat(keys(in, filter(null, "work", null, null, null, "region", "north", 2, 1)))
          .containsExactly(d, c);
      // numbers compare by value: 3 matches 3.0
      assertThat(keys(in, filter(null, "work", null, null, null, "limit", "3", 50, 0)))
          .containsExactly(d, c);
      assertThat(keys(in, filter(null, "work", 2, null, null, "region", "\"south\"", 50, 0)))
          .isEmpty();
      assertThat(keys(in, filter(ProcessInstanceState.ACTIVE, "work", null,
          in.instance(d).orElseThrow().summary().startedAt(), null, null, null, 50, 0)))
          .containsExactly(e, d);
      assertThat(keys(in, filter(null, "work", null, null,
          in.instance(a).orElseThrow().summary().startedAt().plusMillis(1), null, null, 50,
          0))).contains(a).doesNotContain(e);
      assertThatThrownBy(() -> filter(null, null, null, null, null, "region", null, 50, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
      assertThatThrownBy(() -> filter(null, null, null, null, null, null, null, 0, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InstanceFilter filter(ProcessInstanceState state, String process,
      Integer version, Instant from, Instant to, String name, String value, int limit,
      int offset) {
    return new InstanceFilter(state, process, version, from, to, name, value, limit, offset);
  }

  private static List<Long> keys(WorkflowInspector in, InstanceFilter f) {
    return in.instances(f).stream().map(ProcessInstanceSummary::processInstanceKey).toList();
  }
}
