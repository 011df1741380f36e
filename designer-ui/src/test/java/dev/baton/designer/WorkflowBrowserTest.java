package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import dev.baton.designer.workflow.WorkflowService;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The workflow designer and the operations view in headless Chromium: a developer draws a
 * workflow with bpmn-js (palette, context pad), sets its Baton task type, deploys and starts it
 * and finds the instance in operations; an invalid BPMN file is refused on its element and
 * nothing is deployed. Screenshots in {@code target/screenshots/}.
 */
class WorkflowBrowserTest extends BrowserTestBase {

  @Autowired WorkflowService service;
  @Autowired CamundaClient client;

  private static void drag(Page page, double fromX, double fromY, double toX, double toY) {
    page.mouse().move(fromX, fromY);
    page.mouse().down();
    page.mouse().move(fromX + 10, fromY + 10, new com.microsoft.playwright.Mouse.MoveOptions()
        .setSteps(3));
    page.mouse().move(toX, toY, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
    page.mouse().up();
  }

  private static Locator shape(Page page, String id) {
    return page.locator("#wf-canvas .djs-element.djs-shape[data-element-id='" + id + "']");
  }

  /**
   * Selects a shape as a person would: a click on it, once more if the first click only ended
   * bpmn-js's label editing of a freshly dropped shape; the properties panel names it then.
   */
  private static void select(Page page, String id, Locator.ClickOptions at) {
    page.keyboard().press("Escape");
    for (int attempt = 1; ; attempt++) {
      shape(page, id).click(at == null ? new Locator.ClickOptions() : at);
      try {
        assertThat(page.locator("#wf-element")).containsText(id,
            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                .setTimeout(5_000));
        return;
      } catch (AssertionError notYet) {
        if (attempt == 3) {
          throw notYet;
        }
      }
    }
  }

  private static double[] centre(Locator l) {
    BoundingBox b = l.boundingBox();
    return new double[] {b.x + b.width / 2, b.y + b.height / 2};
  }

  @Test
  void shouldDeployAndStartWhenADeveloperDrawsAWorkflow() {
    // given
    Page page = signIn("developer", 1600, 1100);
    page.navigate(url("/workflows"));
    assertThat(page.locator("#wf-canvas[data-imported]")).hasCount(1);
    assertThat(shape(page, "gather-context")).isVisible();
    assertThat(page.locator("#wf-canvas .bjs-powered-by")).isVisible();
    shot(page, "wf-01-shipped-workflow");

    // when: a new diagram, a task dragged from the palette, connected start -> task -> end
    page.locator("#wf-new").click();
    assertThat(shape(page, "StartEvent_1")).isVisible();
    assertThat(page.locator("#wf-canvas .djs-element[data-element-id^='Activity_']"))
        .hasCount(0);
    double[] start = centre(shape(page, "StartEvent_1"));
    double[] palette = centre(page.locator("#wf-canvas .djs-palette .entry.bpmn-icon-task"));
    drag(page, palette[0], palette[1], start[0] + 220, start[1]);
    Locator task = page.locator("#wf-canvas .djs-element.djs-shape[data-element-id^='Activity_']");
    assertThat(task).hasCount(1);
    String taskId = task.getAttribute("data-element-id");
    shot(page, "wf-02-task-dropped");
    // connect the start event to the task with the context pad's connect tool (the dropped
    // task is still selected: clear the selection and check the start event is the one selected,
    // otherwise the context pad belongs to the task)
    select(page, "StartEvent_1", null);
    double[] connect = centre(page.locator("#wf-canvas .djs-context-pad .entry[data-action='connect']"));
    double[] target = centre(shape(page, taskId));
    drag(page, connect[0], connect[1], target[0], target[1]);
    assertThat(page.locator("#wf-canvas .djs-connection")).hasCount(1);
    // an end event from the palette, connected from the task the same way
    double[] endEntry = centre(page.locator(
        "#wf-canvas .djs-palette .entry.bpmn-icon-end-event-none"));
    drag(page, endEntry[0], endEntry[1], target[0] + 200, target[1]);
    Locator end = page.locator("#wf-canvas .djs-element.djs-shape[data-element-id^='Event_']");
    assertThat(end).hasCount(1);
    String endId = end.getAttribute("data-element-id");
    shot(page, "wf-03a-end-dropped");
    // the palette's global connect tool: pick it, then drag from the task to the end event
    page.locator("#wf-canvas .djs-palette .entry.bpmn-icon-connection-multi").click();
    double[] endAt = centre(shape(page, endId));
    drag(page, target[0], target[1], endAt[0], endAt[1]);
    assertThat(page.locator("#wf-canvas .djs-connection")).hasCount(2);
    shot(page, "wf-03-connected");
    // the Baton task type from the side panel
    // inside the task's top edge, clear of its rounded corners and of the connections' ends
    select(page, taskId, new Locator.ClickOptions().setPosition(50, 20));
    page.locator("#task-type-baton-gather-context").click();
    assertThat(page.locator("#wf-task-type input")).hasValue("baton.gather-context");
    assertThat(page.locator("#wf-element")).containsText("ServiceTask");
    shot(page, "wf-04-task-type-set");
    page.locator("#wf-save").click();
    assertThat(page.locator("#wf-versions")).containsText("Process_");
    page.locator("#wf-deploy").click();
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("Deployed Process_"))).hasCount(1);
    shot(page, "wf-05-deployed");
    page.locator("#wf-start").click();
    page.locator("#wf-variables textarea").fill("{\"customerId\":\"C-1001\"}");
    page.locator("#wf-start-confirm").click();
    Locator started = page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("Started Process_"));
    assertThat(started).hasCount(1);
    String processId = started.textContent().replaceAll(".*Started (Process_\\w+).*", "$1")
        .strip();
    shot(page, "wf-06-started");

    // then: the instance is in the operations view, its path on the diagram
    page.navigate(url("/operations"));
    Locator row = page.locator("#ops-instances vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(processId));
    assertThat(row.first()).isVisible();
    row.first().click();
    assertThat(page.locator("#ops-detail")).containsText(processId);
    assertThat(page.locator("#ops-diagram[data-path]")).hasCount(1);
    assertThat(page.locator("#ops-diagram .djs-element.baton-done[data-element-id='StartEvent_1']"))
        .hasCount(1);
    shot(page, "wf-07-operations");
  }

  @Test
  @WithMockUser(roles = "OPS")
  void shouldRetryTheFailedJobWhenOpsRetriesItsIncident() {
    // given: a deployed one-task process whose job failed with no retries left
    String type = "ops-test-" + java.util.UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(io.camunda.zeebe.model.bpmn.Bpmn
        .createExecutableProcess("ops_retry").startEvent()
        .serviceTask("Task_charge", t -> t.zeebeJobType(type)).endEvent().done(),
        "ops-retry.bpmn").send().join();
    long pi = client.newCreateInstanceCommand().bpmnProcessId("ops_retry").latestVersion()
        .send().join().getProcessInstanceKey();
    ActivatedJob job = activate(type);
    client.newFailCommand(job).retries(0).errorMessage("payment service down").send().join();
    Page page = signIn("ops", 1600, 1100);
    page.navigate(url("/operations"));
    Locator incident = page.locator("#ops-retry-" + incidentOf(pi));
    assertThat(page.locator("#ops-incidents")).containsText("payment service down");
    shot(page, "wf-09-incident");

    // when
    incident.click();

    // then: the incident is gone, the job can be worked on again with 3 retries
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("3 retries"))).hasCount(1);
    assertThat(incident).hasCount(0);
    shot(page, "wf-10-incident-retried");
    ActivatedJob again = activate(type);
    org.assertj.core.api.Assertions.assertThat(again.getKey()).isEqualTo(job.getKey());
    org.assertj.core.api.Assertions.assertThat(again.getRetries()).isEqualTo(3);
    client.newCompleteCommand(again).send().join();
    page.context().close();
  }

  private ActivatedJob activate(String type) {
    return await(() -> client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(java.time.Duration.ofMinutes(5)).send().join().getJobs().stream().findFirst(),
        "a job of type " + type);
  }

  private long incidentOf(long processInstanceKey) {
    return await(() -> service.incidents(true).stream()
        .filter(i -> i.processInstanceKey() == processInstanceKey).findFirst(),
        "the incident of instance " + processInstanceKey).incidentKey();
  }

  @Test
  void shouldShowTheProblemOnTheElementAndDeployNothingWhenTheBpmnIsInvalid() {
    // given: a service task without a task type
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
        xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs_bad" \
        targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bad_process" isExecutable="true">
            <bpmn:startEvent id="Start_bad"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_without_type" name="No type">
              <bpmn:incoming>Flow_1</bpmn:incoming>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_bad" targetRef="Task_without_type" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D1"><bpmndi:BPMNPlane id="P1" bpmnElement="bad_process">
            <bpmndi:BPMNShape id="S1" bpmnElement="Start_bad"><dc:Bounds x="150" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S2" bpmnElement="Task_without_type"><dc:Bounds x="260" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_1"><di:waypoint x="186" y="118" /><di:waypoint x="260" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
    Page page = signIn("developer", 1600, 1100);
    page.navigate(url("/workflows"));
    assertThat(page.locator("#wf-canvas[data-imported]")).hasCount(1);

    // when
    page.locator("#wf-import input[type=file]").setInputFiles(new FilePayload("bad.bpmn",
        "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(page.locator("#wf-canvas .djs-shape[data-element-id='Task_without_type']"))
        .isVisible();
    page.locator("#wf-deploy").click();

    // then
    assertThat(page.locator(".baton-problem-note[data-element='Task_without_type']"))
        .containsText("zeebe:taskDefinition");
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("nothing was deployed"))).hasCount(1);
    shot(page, "wf-08-invalid-refused");
    assertThat(page.locator("#wf-deployed")).not().containsText("bad_process");
    org.assertj.core.api.Assertions.assertThat(deployedIds()).doesNotContain("bad_process");
  }

  @WithMockUser(roles = "DEVELOPER")
  List<String> deployedIds() {
    var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
        "developer", "x", List.of(new org.springframework.security.core.authority
            .SimpleGrantedAuthority("ROLE_DEVELOPER")));
    var ctx = org.springframework.security.core.context.SecurityContextHolder.getContext();
    var before = ctx.getAuthentication();
    ctx.setAuthentication(auth);
    try {
      return service.deployed().stream().map(d -> d.bpmnProcessId()).toList();
    } finally {
      ctx.setAuthentication(before);
    }
  }
}
