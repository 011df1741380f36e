package dev.baton.engine.workflow;

import dev.baton.engine.store.CrashHarness;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process {@link WorkflowCrashTest} kills: an embedded engine plus workers. Deploys a
 * three-step process, creates instances (printing {@code CREATED <key>}) and completes jobs,
 * printing {@code RAN <instance>:<element>} when a worker starts a step and
 * {@code ACK <instance>:<element>} once its completion is acknowledged.
 *
 * <p>Beside them it works user tasks over the REST API: {@value #REVIEWS} instances of a
 * process with one Camunda user task ({@code REVIEW <instance>}), each task assigned
 * ({@code ASSIGNED <task> <assignee>} once acknowledged) and every other one completed
 * ({@code COMPLETED <task> <instance>}).
 *
 * <p>Arguments: JDBC URL, user ({@code -} for none), password ({@code -} for none), instances.
 */
public final class WorkflowChild {
  static final List<String> STEPS = List.of("step-1", "step-2", "step-3");
  static final int REVIEWS = 20;

  static BpmnModelInstance review() {
    return Bpmn.createExecutableProcess("crash-review").startEvent()
        .userTask("review", t -> t.zeebeUserTask().zeebeCandidateGroups("legal")).endEvent()
        .done();
  }

  private WorkflowChild() {}

  static BpmnModelInstance process() {
    var b = Bpmn.createExecutableProcess("crash-steps").startEvent();
    io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> cur = b;
    for (String s : STEPS) {
      cur = cur.serviceTask(s, t -> t.zeebeJobType(s));
    }
    return cur.endEvent().done();
  }

  public static void main(String[] args) throws Exception {
    int instances = Integer.parseInt(args[3]);
    var ds = CrashHarness.dataSource(args);
    EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
        WorkflowEngineOptions.defaults(ds).withPort(0));
    CamundaClient client = WorkflowClients.embedded(engine.grpcAddress());
    client.newDeployResourceCommand().addProcessModel(process(), "crash.bpmn").send().join();
    client.newDeployResourceCommand().addProcessModel(review(), "review.bpmn").send().join();
    WorkflowRestServer server = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
    CamundaClient rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
    List<Long> reviews = new ArrayList<>();
    for (int i = 0; i < REVIEWS; i++) {
      long key = client.newCreateInstanceCommand().bpmnProcessId("crash-review").latestVersion()
          .send().join().getProcessInstanceKey();
      reviews.add(key);
      CrashHarness.print("REVIEW " + key);
    }
    Thread reviewer = new Thread(() -> {
      for (int i = 0; i < reviews.size(); i++) {
        long pi = reviews.get(i);
        long task = rest.newUserTaskSearchRequest().filter(t -> t.processInstanceKey(pi)).send()
            .join().singleItem().getUserTaskKey();
        String assignee = "reviewer-" + i;
        rest.newAssignUserTaskCommand(task).assignee(assignee).send().join();
        CrashHarness.print("ASSIGNED " + task + " " + assignee);
        if (i % 2 == 0) {
          rest.newCompleteUserTaskCommand(task).variables(Map.of("reviewed", i)).send().join();
          CrashHarness.print("COMPLETED " + task + " " + pi);
        }
      }
    }, "reviewer");
    reviewer.start();
    List<AutoCloseable> workers = new ArrayList<>();
    for (String step : STEPS) {
      workers.add(client.newWorker().jobType(step).handler((c, job) -> {
        CrashHarness.print("RAN " + job.getProcessInstanceKey() + ":" + job.getElementId());
        c.newCompleteCommand(job).variables(Map.of(step.replace("-", ""), true)).send().join();
        CrashHarness.print("ACK " + job.getProcessInstanceKey() + ":" + job.getElementId());
      }).timeout(Duration.ofSeconds(2)).open());
    }
    for (int i = 0; i < instances; i++) {
      long key = client.newCreateInstanceCommand().bpmnProcessId("crash-steps").latestVersion()
          .send().join().getProcessInstanceKey();
      CrashHarness.print("CREATED " + key);
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
