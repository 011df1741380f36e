package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User tasks as a task application meets them: the official Camunda 8.8 client with its defaults
 * (REST preferred), only its REST address pointed at the engine. Camunda user tasks
 * ({@code zeebe:userTask}) through the user-task commands and search; job-worker user tasks
 * through a worker on {@code io.camunda.zeebe:userTask}.
 */
class UserTaskTest {
  private EngineFixture f;
  private WorkflowRestServer server;
  private CamundaClient rest;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    server = WorkflowRestServer.start(f.engine.restApi(), "127.0.0.1", 0);
    rest = CamundaClient.newClientBuilder().restAddress(server.restAddress())
        .preferRestOverGrpc(true).build();
  }

  @AfterEach
  void stop() {
    rest.close();
    server.close();
    f.close();
  }

  /** A review: FEEL and static assignment, schedule, priority, a header, output mappings. */
  static BpmnModelInstance review() {
    return Bpmn.createExecutableProcess("review").startEvent()
        .userTask("approve", t -> t.name("Approve the offer").zeebeUserTask()
            .zeebeAssigneeExpression("owner").zeebeCandidateGroups("legal, finance")
            .zeebeCandidateUsersExpression("[\"ann\", \"bob\"]")
            .zeebeDueDate("2030-01-31T17:00:00+01:00")
            .zeebeFollowUpDateExpression("\"2030-01-15T09:00:00Z\"")
            .zeebeTaskPriorityExpression("prio").zeebeExternalFormReference("https://forms/x")
            .zeebeTaskHeader("kind", "legal").zeebeInputExpression("amount * 2", "doubled")
            .zeebeOutputExpression("decision", "verdict"))
        .endEvent("approved").done();
  }

  /** A user task with a one-second interrupting timer that escalates. */
  static BpmnModelInstance escalating() {
    return Bpmn.createExecutableProcess("escalating").startEvent()
        .userTask("check", t -> t.zeebeUserTask().zeebeCandidateGroups("legal"))
        .boundaryEvent("late", b -> b.timerWithDuration("PT1S")).endEvent("escalated")
        .moveToActivity("check").endEvent("checked").done();
  }

  private long deployAndCreate(BpmnModelInstance model, String id, Map<String, Object> vars) {
    rest.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    return rest.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(vars)
        .send().join().getProcessInstanceKey();
  }

  private UserTask taskOf(long processInstanceKey) {
    return rest.newUserTaskSearchRequest().filter(t -> t.processInstanceKey(processInstanceKey))
        .send().join().singleItem();
  }

  private UserTask get(long key) {
    return rest.newUserTaskGetRequest(key).send().join();
  }

  @Test
  void shouldCreateUserTaskWithAssignmentScheduleAndPriorityWhenInstanceReachesIt() {
    // when
    long pi = deployAndCreate(review(), "review", Map.of("owner", "carol", "prio", 80,
        "amount", 21));

    // then
    UserTask t = taskOf(pi);
    assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(t.getName()).isEqualTo("Approve the offer");
    assertThat(t.getElementId()).isEqualTo("approve");
    assertThat(t.getBpmnProcessId()).isEqualTo("review");
    assertThat(t.getAssignee()).isEqualTo("carol");
    assertThat(t.getCandidateGroups()).containsExactly("legal", "finance");
    assertThat(t.getCandidateUsers()).containsExactly("ann", "bob");
    assertThat(t.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-31T17:00:00+01:00"));
    assertThat(t.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2030-01-15T09:00:00Z"));
    assertThat(t.getPriority()).isEqualTo(80);
    assertThat(t.getExternalFormReference()).isEqualTo("https://forms/x");
    assertThat(t.getCustomHeaders()).containsEntry("kind", "legal");
    assertThat(t.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(t.getCreationDate()).isNotNull();
    assertThat(t.getCompletionDate()).isNull();
    assertThat(get(t.getUserTaskKey())).satisfies(g -> {
      assertThat(g.getUserTaskKey()).isEqualTo(t.getUserTaskKey());
      assertThat(g.getElementInstanceKey()).isEqualTo(t.getElementInstanceKey());
    });
    assertThat(f.engine.inspector().userTasks(true)).singleElement()
        .satisfies(v -> assertThat(v.userTaskKey()).isEqualTo(t.getUserTaskKey()));
  }

  @Test
  void shouldGiveDefaultPriorityAndNoAssigneeWhenModelSetsNone() {
    // when
    long pi = deployAndCreate(escalating(), "escalating", Map.of());

    // then
    UserTask t = taskOf(pi);
    assertThat(t.getPriority()).isEqualTo(50);
    assertThat(t.getAssignee()).isNull();
    assertThat(t.getCandidateUsers()).isEmpty();
  }

  @Test
  void shouldAssignUnassignAndUpdateWhenClientSendsCommands() {
    // given
    long pi = deployAndCreate(review(), "review",
        Map.of("owner", "carol", "prio", 10, "amount", 1));
    long key = taskOf(pi).getUserTaskKey();

    // when / then: assign, claim by the same user, reassign refused without override
    rest.newAssignUserTaskCommand(key).assignee("dave").send().join();
    assertThat(get(key).getAssignee()).isEqualTo("dave");
    rest.newAssignUserTaskCommand(key).assignee("dave").allowOverride(false).send().join();
    assertThatThrownBy(() -> rest.newAssignUserTaskCommand(key).assignee("erin")
        .allowOverride(false).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> {
          assertThat(p.code()).isEqualTo(409);
          assertThat(p.details().getTitle()).isEqualTo("INVALID_STATE");
          assertThat(p.details().getDetail()).contains("dave").contains("allowOverride");
        });
    assertThat(get(key).getAssignee()).isEqualTo("dave");

    rest.newUnassignUserTaskCommand(key).send().join();
    assertThat(get(key).getAssignee()).isNull();

    rest.newUpdateUserTaskCommand(key).priority(90).candidateGroups("sales")
        .candidateUsers(List.of("zoe")).dueDate("2031-05-01T12:00:00Z").clearFollowUpDate()
        .send().join();
    UserTask updated = get(key);
    assertThat(updated.getPriority()).isEqualTo(90);
    assertThat(updated.getCandidateGroups()).containsExactly("sales");
    assertThat(updated.getCandidateUsers()).containsExactly("zoe");
    assertThat(updated.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-05-01T12:00:00Z"));
    assertThat(updated.getFollowUpDate()).isNull();
    assertThat(updated.getState()).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void shouldCompleteInstanceWithMappedVariablesWhenUserTaskIsCompleted() {
    // given
    long pi = deployAndCreate(review(), "review", Map.of("owner", "carol", "prio", 10,
        "amount", 4));
    long key = taskOf(pi).getUserTaskKey();

    // when
    rest.newCompleteUserTaskCommand(key).variables(Map.of("decision", "ok", "note", "fine"))
        .send().join();

    // then: the instance completes; output mappings decide what reaches the process
    f.awaitInactive(pi);
    String vars = f.engine.inspector().instance(pi).orElseThrow().variables();
    assertThat(vars).contains("\"verdict\":\"ok\"").doesNotContain("decision")
        .doesNotContain("note").doesNotContain("doubled");
    UserTask done = get(key);
    assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(done.getCompletionDate()).isNotNull();
    assertThat(rest.newUserTaskSearchRequest().filter(t -> t.state(UserTaskState.COMPLETED))
        .send().join().items()).extracting(UserTask::getUserTaskKey).containsExactly(key);
    assertThat(f.engine.inspector().userTasks(true)).isEmpty();
  }

  @Test
  void shouldMergeCompletionVariablesIntoProcessWhenTaskHasNoOutputMappings() {
    // given
    long pi = deployAndCreate(escalating(), "escalating", Map.of("seen", false));
    long key = taskOf(pi).getUserTaskKey();

    // when
    rest.newCompleteUserTaskCommand(key).variables(Map.of("seen", true, "by", "ann")).send()
        .join();

    // then
    f.awaitInactive(pi);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().variables())
        .contains("\"seen\":true").contains("\"by\":\"ann\"");
  }

  @Test
  void shouldFindTasksByCandidateGroupAssigneeAndSortByPriority() {
    // given
    rest.newDeployResourceCommand().addProcessModel(review(), "review.bpmn").send().join();
    for (int prio : new int[] {30, 70, 50}) {
      rest.newCreateInstanceCommand().bpmnProcessId("review").latestVersion()
          .variables(Map.of("owner", "u" + prio, "prio", prio, "amount", 1)).send().join();
    }
    deployAndCreate(escalating(), "escalating", Map.of());

    // when
    var finance = rest.newUserTaskSearchRequest().filter(t -> t.candidateGroup("finance"))
        .sort(s -> s.priority().desc()).send().join();
    var legal = rest.newUserTaskSearchRequest().filter(t -> t.candidateGroup("legal"))
        .send().join();
    var byAssignee = rest.newUserTaskSearchRequest().filter(t -> t.assignee("u70")).send()
        .join();
    var page = rest.newUserTaskSearchRequest().page(p -> p.limit(2)).send().join();

    // then
    assertThat(finance.items()).extracting(UserTask::getPriority).containsExactly(70, 50, 30);
    assertThat(legal.items()).hasSize(4);
    assertThat(byAssignee.items()).singleElement()
        .satisfies(t -> assertThat(t.getPriority()).isEqualTo(70));
    assertThat(page.items()).hasSize(2);
    assertThat(page.page().totalItems()).isEqualTo(4);
  }

  @Test
  void shouldCancelUserTaskWhenBoundaryTimerInterruptsIt() {
    // given
    long pi = deployAndCreate(escalating(), "escalating", Map.of());
    long key = taskOf(pi).getUserTaskKey();

    // when: the timer fires after a second
    f.awaitInactive(pi);

    // then
    assertThat(get(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().path())
        .extracting(ElementInstanceView::elementId).contains("late", "escalated")
        .doesNotContain("checked");
    assertThatThrownBy(() -> rest.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
  }

  @Test
  void shouldCancelUserTaskWhenInstanceIsCancelled() {
    // given
    long pi = deployAndCreate(review(), "review", Map.of("owner", "carol", "prio", 10,
        "amount", 1));
    long key = taskOf(pi).getUserTaskKey();

    // when
    rest.newCancelInstanceCommand(pi).send().join();

    // then
    UserTask t = get(key);
    assertThat(t.getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(t.getCompletionDate()).isNotNull();
    assertThat(f.active(pi)).isFalse();
  }

  @Test
  void shouldFollowMessageAndSignalBoundaryEventsWhenAttachedToUserTask() {
    // given: an interrupting message and a non-interrupting signal boundary on one task
    BpmnModelInstance model = Bpmn.createExecutableProcess("withdrawable").startEvent()
        .userTask("decide", t -> t.zeebeUserTask())
        .boundaryEvent("withdrawn", b -> b.message(m -> m.name("withdraw")
            .zeebeCorrelationKeyExpression("id"))).endEvent("gone")
        .moveToActivity("decide").boundaryEvent("reminded", b -> b.cancelActivity(false)
            .signal("remind")).endEvent("reminder")
        .moveToActivity("decide").endEvent("decided").done();
    long pi = deployAndCreate(model, "withdrawable", Map.of("id", "o-7"));
    long key = taskOf(pi).getUserTaskKey();

    // when: a signal (non-interrupting) then the message (interrupting)
    rest.newBroadcastSignalCommand().signalName("remind").send().join();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> f.engine.inspector()
        .instance(pi).orElseThrow().path().stream().anyMatch(e -> e.elementId()
            .equals("reminder")));
    assertThat(get(key).getState()).isEqualTo(UserTaskState.CREATED);
    rest.newPublishMessageCommand().messageName("withdraw").correlationKey("o-7").send().join();

    // then
    f.awaitInactive(pi);
    assertThat(get(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().path())
        .extracting(ElementInstanceView::elementId).contains("gone").doesNotContain("decided");
  }

  @Test
  void shouldRaiseIncidentAndCreateNoTaskWhenPriorityIsOutOfRange() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("bad-prio").startEvent()
        .userTask("t", u -> u.zeebeUserTask().zeebeTaskPriorityExpression("p")).endEvent()
        .done();

    // when
    long pi = deployAndCreate(model, "bad-prio", Map.of("p", 200));

    // then
    assertThat(f.engine.inspector().incidents(true)).singleElement().satisfies(i -> {
      assertThat(i.processInstanceKey()).isEqualTo(pi);
      assertThat(i.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
      assertThat(i.errorMessage()).contains("priority").contains("[0,100]");
    });
    assertThat(f.engine.inspector().userTasks(false)).isEmpty();

    // and when: the variable is fixed and the incident resolved, the task is created
    rest.newSetVariablesCommand(pi).variables(Map.of("p", 99)).send().join();
    rest.newResolveIncidentCommand(f.engine.inspector().incidents(true).get(0).incidentKey())
        .send().join();
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> !f.engine.inspector().userTasks(true).isEmpty());
    assertThat(taskOf(pi).getPriority()).isEqualTo(99);
  }

  @Test
  void shouldCreateOneTaskPerReviewerWhenUserTaskIsMultiInstance() {
    // given: a parallel multi-instance user task, one per reviewer, collecting the verdicts
    BpmnModelInstance model = Bpmn.createExecutableProcess("panel").startEvent()
        .userTask("vote", t -> t.zeebeUserTask().zeebeAssigneeExpression("reviewer")
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("reviewers")
                .zeebeInputElement("reviewer").zeebeOutputCollection("votes")
                .zeebeOutputElementExpression("vote")))
        .endEvent().done();
    long pi = deployAndCreate(model, "panel", Map.of("reviewers", List.of("ann", "bob")));

    // when: each reviewer completes their own task
    List<UserTask> tasks = rest.newUserTaskSearchRequest()
        .filter(t -> t.processInstanceKey(pi)).send().join().items();
    assertThat(tasks).extracting(UserTask::getAssignee).containsExactlyInAnyOrder("ann", "bob");
    for (UserTask t : tasks) {
      rest.newCompleteUserTaskCommand(t.getUserTaskKey())
          .variables(Map.of("vote", t.getAssignee() + ":yes")).send().join();
    }

    // then
    f.awaitInactive(pi);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().variables())
        .contains("ann:yes").contains("bob:yes");
  }

  @Test
  void shouldGiveJobWithZeebeHeadersWhenUserTaskIsJobWorkerBased() throws Exception {
    // given: a user task without zeebe:userTask, as older Camunda 8 models have it
    BpmnModelInstance model = Bpmn.createExecutableProcess("legacy").startEvent()
        .userTask("approve", t -> t.zeebeAssigneeExpression("owner")
            .zeebeCandidateGroups("legal,finance").zeebeCandidateUsers("ann")
            .zeebeDueDate("2030-01-31T17:00:00Z").zeebeFollowUpDate("2030-01-30T17:00:00Z")
            .zeebeFormKey("my-form").zeebeTaskHeader("kind", "legal"))
        .endEvent().done();
    long pi = deployAndCreate(model, "legacy", Map.of("owner", "carol"));
    BlockingQueue<ActivatedJob> seen = EngineFixture.queue();

    // when: a worker with the client's defaults takes it
    try (var worker = rest.newWorker().jobType("io.camunda.zeebe:userTask").handler((c, job) -> {
      c.newCompleteCommand(job).variables(Map.of("approved", true)).send().join();
      seen.add(job);
    }).open()) {
      ActivatedJob job = EngineFixture.poll(seen);

      // then
      assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
      assertThat(job.getRetries()).isEqualTo(1);
      assertThat(job.getCustomHeaders())
          .containsEntry("io.camunda.zeebe:assignee", "carol")
          .containsEntry("io.camunda.zeebe:candidateGroups", "[\"legal\",\"finance\"]")
          .containsEntry("io.camunda.zeebe:candidateUsers", "[\"ann\"]")
          .containsEntry("io.camunda.zeebe:dueDate", "2030-01-31T17:00:00Z")
          .containsEntry("io.camunda.zeebe:followUpDate", "2030-01-30T17:00:00Z")
          .containsEntry("io.camunda.zeebe:formKey", "my-form")
          .containsEntry("kind", "legal");
      f.awaitInactive(pi);
    }
    assertThat(f.engine.inspector().instance(pi).orElseThrow().variables())
        .contains("\"approved\":true");
    assertThat(rest.newUserTaskSearchRequest().send().join().items())
        .as("a job-worker user task is a job, not a user task").isEmpty();
  }

  @Test
  void shouldCatchErrorThrownByWorkerWhenJobWorkerUserTaskHasErrorBoundary() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess("refusable").startEvent()
        .userTask("approve").boundaryEvent("refused", b -> b.error("REFUSED"))
        .endEvent("closed").moveToActivity("approve").endEvent("done").done();
    long pi = deployAndCreate(model, "refusable", Map.of());

    // when
    ActivatedJob job = f.activate("io.camunda.zeebe:userTask");
    rest.newThrowErrorCommand(job.getKey()).errorCode("REFUSED").send().join();

    // then
    f.awaitInactive(pi);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().path())
        .extracting(ElementInstanceView::elementId).contains("closed").doesNotContain("done");
  }

  @Test
  void shouldAnswerProblemAndChangeNothingWhenUserTaskCommandIsWrong() throws Exception {
    // given
    long pi = deployAndCreate(review(), "review", Map.of("owner", "carol", "prio", 10,
        "amount", 1));
    long key = taskOf(pi).getUserTaskKey();
    HttpClient http = HttpClient.newHttpClient();

    // when / then: unknown keys
    for (var call : List.<Runnable>of(
        () -> rest.newCompleteUserTaskCommand(123456789L).send().join(),
        () -> rest.newAssignUserTaskCommand(123456789L).assignee("x").send().join(),
        () -> rest.newUnassignUserTaskCommand(123456789L).send().join(),
        () -> rest.newUpdateUserTaskCommand(123456789L).priority(1).send().join(),
        () -> rest.newUserTaskGetRequest(123456789L).send().join())) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
        assertThat(p.code()).isEqualTo(404);
        assertThat(p.details().getTitle()).isEqualTo("NOT_FOUND");
        assertThat(p.details().getDetail()).contains("123456789");
      });
    }

    // malformed and mistyped bodies
    var malformed = send(http, "POST", "/v2/user-tasks/" + key + "/completion", "{\"variables\":");
    var notObject = send(http, "POST", "/v2/user-tasks/" + key + "/completion",
        "{\"variables\":[1]}");
    var noAssignee = send(http, "POST", "/v2/user-tasks/" + key + "/assignment", "{}");
    var badPriority = send(http, "PATCH", "/v2/user-tasks/" + key,
        "{\"changeset\":{\"priority\":200}}");
    var badDate = send(http, "PATCH", "/v2/user-tasks/" + key,
        "{\"changeset\":{\"dueDate\":\"tomorrow\"}}");
    var emptyUpdate = send(http, "PATCH", "/v2/user-tasks/" + key, "{}");
    var badKey = send(http, "POST", "/v2/user-tasks/12ab/completion", "{}");
    var badFilter = send(http, "POST", "/v2/user-tasks/search",
        "{\"filter\":{\"noSuchField\":1}}");
    for (var r : List.of(malformed, notObject, noAssignee, badPriority, badDate, emptyUpdate,
        badKey, badFilter)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(notObject.body()).contains("variables");
    assertThat(badPriority.body()).contains("priority");
    assertThat(badDate.body()).contains("dueDate");
    assertThat(badFilter.body()).contains("noSuchField");

    // nothing changed
    UserTask t = get(key);
    assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(t.getPriority()).isEqualTo(10);
    assertThat(t.getAssignee()).isEqualTo("carol");
    assertThat(t.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-31T17:00:00+01:00"));

    // completing twice: the second finds no open task
    rest.newCompleteUserTaskCommand(key).variables(Map.of("decision", "ok")).send().join();
    assertThatThrownBy(() -> rest.newCompleteUserTaskCommand(key)
        .variables(Map.of("decision", "again")).send().join())
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo(404));
    f.awaitInactive(pi);
    assertThat(f.engine.inspector().instance(pi).orElseThrow().variables())
        .contains("\"verdict\":\"ok\"").doesNotContain("again");
  }

  @Test
  void shouldAnswerNoContentWhenTaskHasNoLinkedForm() throws Exception {
    // given
    long pi = deployAndCreate(escalating(), "escalating", Map.of());
    long key = taskOf(pi).getUserTaskKey();

    // when
    var form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        server.restAddress() + "/v2/user-tasks/" + key + "/form")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(form.statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> send(HttpClient http, String method, String path, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.restAddress() + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
