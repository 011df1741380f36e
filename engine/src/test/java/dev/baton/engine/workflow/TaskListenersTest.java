package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User task listeners as Zeebe 8.8 runs them, with the official client: listener jobs taken by a
 * worker over the fixture's API (gRPC, or REST with {@code -Dbaton.test.workflow-api=rest}), the
 * user-task commands over REST (the client has no gRPC command for them).
 */
class TaskListenersTest {
  private EngineFixture f;
  private WorkflowRestServer server;
  private CamundaClient rest;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    startRest();
  }

  private void startRest() {
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
  }

  private void stopRest() {
    rest.close();
    server.close();
  }

  @AfterEach
  void stop() {
    stopRest();
    f.close();
  }

  /** A process with one Camunda user task "approve", configured by the test. */
  private static BpmnModelInstance approval(String id, Consumer<UserTaskBuilder> task) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .userTask("approve", t -> {
          t.zeebeUserTask().zeebeCandidateGroups("sales");
          task.accept(t);
        })
        .endEvent("done").done();
  }

  private UserTask taskOf(long pi) {
    return rest.newUserTaskSearchRequest().filter(t -> t.processInstanceKey(pi)).send().join()
        .singleItem();
  }

  private UserTask awaitTask(long pi, UserTaskState state) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
      var items = rest.newUserTaskSearchRequest().filter(t -> t.processInstanceKey(pi)).send()
          .join().items();
      return items.size() == 1 && items.get(0).getState() == state;
    });
    return taskOf(pi);
  }

  @Test
  void shouldLetCreatingListenerSeeTheTaskAndCorrectItsAssigneeWhenTaskIsCreated() {
    // given
    f.deploy(approval("tl-create", t -> t.zeebeTaskListener(l -> l.creating()
        .type("tl-create"))));
    long pi = f.create("tl-create", Map.of("amount", 7));

    // when: the creating listener's job
    ActivatedJob job = f.activate("tl-create");

    // then: it sees the task, which waits in CREATING
    assertThat(job.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    assertThat(job.getVariablesAsMap()).containsEntry("amount", 7);
    UserTask creating = taskOf(pi);
    assertThat(creating.getState()).isEqualTo(UserTaskState.CREATING);
    assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(creating.getUserTaskKey());
    assertThat(job.getUserTask().getCandidateGroups()).containsExactly("sales");

    // when: it corrects the assignee and the due date
    f.client.newCompleteCommand(job).withResult(r -> r.forUserTask()
        .correctAssignee("dora").correctDueDate("2030-03-01T12:00:00+01:00")).send().join();

    // then
    UserTask created = awaitTask(pi, UserTaskState.CREATED);
    assertThat(created.getAssignee()).isEqualTo("dora");
    assertThat(created.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-03-01T12:00:00+01:00"));
    rest.newCompleteUserTaskCommand(created.getUserTaskKey()).send().join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldKeepTaskCreatedAndRefuseCompletionWhenCompletingListenerDenies() {
    // given
    f.deploy(approval("tl-deny", t -> t.zeebeTaskListener(l -> l.completing()
        .type("tl-complete"))));
    long pi = f.create("tl-deny", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();

    // when: the task is completed; the answer waits for the listener
    CamundaFuture<?> completion = rest.newCompleteUserTaskCommand(key)
        .variables(Map.of("verdict", "ok")).send();
    ActivatedJob job = f.activate("tl-complete");

    // then: the task is COMPLETING and refuses other commands meanwhile
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
    assertThat(job.getUserTask().getAction()).isEqualTo("complete");
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.COMPLETING);
    assertThat(completion.isDone()).isFalse();
    assertThatThrownBy(() -> rest.newAssignUserTaskCommand(key).assignee("eve").send().join())
        .isInstanceOf(ProblemException.class).hasMessageContaining("INVALID_STATE")
        .hasMessageContaining("COMPLETING");

    // when: the listener denies
    f.client.newCompleteCommand(job).withResult(r -> r.forUserTask()
        .deny(true, "the invoice is missing")).send().join();

    // then: the completion is refused as Zeebe refuses it and the task stays open
    assertThatThrownBy(completion::join).isInstanceOf(ProblemException.class)
        .satisfies(e -> {
          ProblemException p = (ProblemException) e;
          assertThat(p.code()).isEqualTo(409);
          assertThat(p.details().getTitle()).isEqualTo("INVALID_STATE");
          assertThat(p.details().getDetail()).isEqualTo("Command 'COMPLETE' rejected with code"
              + " 'INVALID_STATE': Completion of the User Task with key '" + key + "' was denied"
              + " by Task Listener. Reason to deny: 'the invoice is missing'");
        });
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(f.active(pi)).isTrue();

    // when: completed again, and the listener agrees
    CamundaFuture<?> again = rest.newCompleteUserTaskCommand(key).send();
    f.client.newCompleteCommand(f.activate("tl-complete")).send().join();

    // then
    again.join();
    f.awaitInactive(pi);
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void shouldRunAssigningListenersInOrderAndApplyTheirCorrectionsWhenTaskIsAssigned() {
    // given
    f.deploy(approval("tl-assign", t -> t
        .zeebeTaskListener(l -> l.assigning().type("tl-assign-1"))
        .zeebeTaskListener(l -> l.assigning().type("tl-assign-2"))));
    long pi = f.create("tl-assign", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();

    // when
    CamundaFuture<?> assignment = rest.newAssignUserTaskCommand(key).assignee("al").send();
    ActivatedJob first = f.activate("tl-assign-1");
    assertThat(first.getUserTask().getAssignee()).isEqualTo("al");
    assertThat(first.getUserTask().getChangedAttributes()).containsExactly("assignee");
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.ASSIGNING);
    f.client.newCompleteCommand(first).withResult(r -> r.forUserTask().correctPriority(90)
        .correctCandidateGroups(List.of("legal"))).send().join();
    ActivatedJob second = f.activate("tl-assign-2");

    // then: the second listener sees the first one's corrections
    assertThat(second.getUserTask().getPriority()).isEqualTo(90);
    assertThat(second.getUserTask().getCandidateGroups()).containsExactly("legal");
    assertThat(second.getUserTask().getChangedAttributes()).contains("assignee", "priority",
        "candidateGroups");
    assertThat(assignment.isDone()).isFalse();
    f.client.newCompleteCommand(second).withResult(r -> r.forUserTask().correctAssignee("bo"))
        .send().join();
    assignment.join();
    UserTask t = taskOf(pi);
    assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(t.getAssignee()).isEqualTo("bo");
    assertThat(t.getPriority()).isEqualTo(90);
    assertThat(t.getCandidateGroups()).containsExactly("legal");
  }

  @Test
  void shouldRevertCorrectionsOfEarlierListenersWhenALaterOneDeniesTheUpdate() {
    // given
    f.deploy(approval("tl-update", t -> t
        .zeebeTaskListener(l -> l.updating().type("tl-update-1"))
        .zeebeTaskListener(l -> l.updating().type("tl-update-2"))));
    long pi = f.create("tl-update", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();

    // when
    CamundaFuture<?> update = rest.newUpdateUserTaskCommand(key).priority(10).send();
    f.client.newCompleteCommand(f.activate("tl-update-1"))
        .withResult(r -> r.forUserTask().correctAssignee("mallory")).send().join();
    f.client.newCompleteCommand(f.activate("tl-update-2"))
        .withResult(r -> r.forUserTask().deny(true, "frozen")).send().join();

    // then
    assertThatThrownBy(update::join).isInstanceOf(ProblemException.class)
        .hasMessageContaining("Update of the User Task with key '" + key + "' was denied by"
            + " Task Listener. Reason to deny: 'frozen'");
    UserTask t = taskOf(pi);
    assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(t.getPriority()).isEqualTo(50);
    assertThat(t.getAssignee()).isNull();
  }

  @Test
  void shouldRunAssigningListenersWhenTaskIsCreatedWithAnAssignee() {
    // given
    f.deploy(approval("tl-born", t -> t.zeebeAssignee("ann")
        .zeebeTaskListener(l -> l.assigning().type("tl-born"))));
    long pi = f.create("tl-born", Map.of());

    // when
    ActivatedJob job = f.activate("tl-born");

    // then: the task is assigned only once the listener is done
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(job.getUserTask().getAssignee()).isEqualTo("ann");
    assertThat(job.getUserTask().getAction()).isEqualTo("assign");
    UserTask assigning = taskOf(pi);
    assertThat(assigning.getState()).isEqualTo(UserTaskState.ASSIGNING);
    assertThat(assigning.getAssignee()).isNull();
    f.client.newCompleteCommand(job).send().join();
    assertThat(awaitTask(pi, UserTaskState.CREATED).getAssignee()).isEqualTo("ann");
  }

  @Test
  void shouldRefuseWaitingCommandWhenTaskIsCanceledWhileItsListenersRun() {
    // given: a completion waiting for its listener
    f.deploy(approval("tl-cancel", t -> t.zeebeTaskListener(l -> l.completing()
        .type("tl-cancel"))));
    long pi = f.create("tl-cancel", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();
    CamundaFuture<?> completion = rest.newCompleteUserTaskCommand(key).send();
    f.activate("tl-cancel");

    // when
    f.client.newCancelInstanceCommand(pi).send().join();

    // then
    assertThatThrownBy(completion::join).isInstanceOf(ProblemException.class)
        .hasMessageContaining("INVALID_STATE").hasMessageContaining("canceled");
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.CANCELED);
    f.awaitInactive(pi);
  }

  @Test
  void shouldRaiseIncidentWhenListenerJobFailsAndGoOnWhenResolved() {
    // given
    f.deploy(approval("tl-fail", t -> t.zeebeTaskListener(l -> l.completing()
        .type("tl-fail"))));
    long pi = f.create("tl-fail", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();
    CamundaFuture<?> completion = rest.newCompleteUserTaskCommand(key).send();
    ActivatedJob job = f.activate("tl-fail");

    // when: the listener's job fails without retries
    f.client.newFailCommand(job).retries(0).errorMessage("audit log down").send().join();

    // then: an incident on the user task; the task waits in COMPLETING
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.incidents().size() == 1);
    String incident = f.incidents().get(0);
    assertThat(incident).contains("JOB_NO_RETRIES").contains("audit log down")
        .contains("\"elementId\":\"approve\"");
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.COMPLETING);

    // when: resolved
    f.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    f.client.newResolveIncidentCommand(Long.parseLong(incident.replaceAll(
        ".*\"key\":(\\d+).*", "$1"))).send().join();
    ActivatedJob again = f.activate("tl-fail");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    f.client.newCompleteCommand(again).send().join();

    // then
    completion.join();
    f.awaitInactive(pi);
  }

  @Test
  void shouldContinueTransitionAfterRestart() {
    // given: a completion waiting for its listener
    f.deploy(approval("tl-restart", t -> t
        .zeebeTaskListener(l -> l.completing().type("tl-restart-1"))
        .zeebeTaskListener(l -> l.completing().type("tl-restart-2"))));
    long pi = f.create("tl-restart", Map.of());
    long key = awaitTask(pi, UserTaskState.CREATED).getUserTaskKey();
    rest.newCompleteUserTaskCommand(key).variables(Map.of("verdict", "yes")).send();
    f.client.newCompleteCommand(f.activate("tl-restart-1"))
        .withResult(r -> r.forUserTask().correctPriority(77)).send().join();

    // when
    stopRest();
    f.restart();
    startRest();

    // then: the second listener's job is still there and finishes the completion
    assertThat(taskOf(pi).getState()).isEqualTo(UserTaskState.COMPLETING);
    ActivatedJob second = f.activate("tl-restart-2");
    assertThat(second.getUserTask().getPriority()).isEqualTo(77);
    f.client.newCompleteCommand(second).send().join();
    f.awaitInactive(pi);
    UserTask t = taskOf(pi);
    assertThat(t.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(t.getPriority()).isEqualTo(77);
  }

  @Test
  void shouldRefuseListenerResultsZeebeRefuses() {
    // given
    f.deploy(approval("tl-bad", t -> t.zeebeAssignee("ann")
        .zeebeTaskListener(l -> l.creating().type("tl-bad"))));
    f.create("tl-bad", Map.of());
    ActivatedJob job = f.activate("tl-bad");

    // then: a creating listener may not deny, take variables, or override a modelled assignee
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).withResult(r -> r.forUserTask()
        .deny(true)).send().join()).hasMessageContaining("Denying result is not supported for"
        + " 'CREATING' task listener jobs");
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).variables(Map.of("x", 1)).send()
        .join()).hasMessageContaining("variables payload provided is not supported");
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).withResult(r -> r.forUserTask()
        .correctAssignee("bob")).send().join())
        .hasMessageContaining("correcting the assignee on 'CREATING' event is not supported");
    assertThatThrownBy(() -> f.client.newCompleteCommand(job).withResult(r -> r.forUserTask()
        .correctPriority(101)).send().join()).hasMessageContaining("priority");
    f.client.newCompleteCommand(job).send().join();
  }

  @Test
  void shouldRefuseUnsupportedTaskListenersAtDeploymentNamingThem() {
    // given
    var canceling = approval("tl-no-1", t -> t.zeebeTaskListener(l -> l.canceling()
        .type("audit")));
    var jobWorkerTask = Bpmn.createExecutableProcess("tl-no-2").startEvent()
        .userTask("approve", t -> t.zeebeTaskListener(l -> l.completing().type("audit")))
        .endEvent().done();
    var expression = approval("tl-no-3", t -> t.zeebeTaskListener(l -> l.completing()
        .type("=kind")));

    // then
    assertThatThrownBy(() -> f.deploy(canceling)).hasMessageContaining("userTask 'approve'")
        .hasMessageContaining("canceling task listener 'audit' is not supported");
    assertThatThrownBy(() -> f.deploy(jobWorkerTask)).hasMessageContaining("userTask 'approve'")
        .hasMessageContaining("need a Camunda user task");
    assertThatThrownBy(() -> f.deploy(expression)).hasMessageContaining("userTask 'approve'")
        .hasMessageContaining("FEEL expressions in a task listener's type");
  }
}
