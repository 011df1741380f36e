package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.designer.i18n.Messages;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.workflow.ElementInstanceState;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.VariableView;
import dev.baton.engine.workflow.WorkflowInspector;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operations view as ops uses it, in headless Chromium: an instance stuck on an incident is
 * found by a variable's value, fixed by editing a variable and retried (a condition incident and
 * a failed job's incident with new retries); an instance is modified (a token moved, a token
 * added) and canceled; the list is paged; everything also in Chinese. Bad input (JSON that is
 * not JSON, a cancel that is called off) changes nothing. Each step is checked against the
 * engine. Screenshots in {@code target/screenshots/ops-*.png}.
 */
class OperationsBrowserTest extends BrowserTestBase {
  private static final String PROCESS = "ops_fix";

  @Autowired CamundaClient client;
  @Autowired WorkflowInspector inspector;
  @Autowired UserAccounts accounts;

  private final String big = "ops-big-" + UUID.randomUUID();
  private final String small = "ops-small-" + UUID.randomUUID();

  @AfterEach
  void englishAgain() {
    accounts.setLocale("ops", Locale.ENGLISH);
  }

  /** Start, a gateway on {@code amount}, a big and a small task (job types of this test). */
  private void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).startEvent("Start")
        .exclusiveGateway("Gateway_amount")
        .sequenceFlowId("Flow_big").conditionExpression("amount > 100")
        .serviceTask("Task_big", t -> t.zeebeJobType(big)).endEvent("End_big")
        .moveToNode("Gateway_amount")
        .sequenceFlowId("Flow_small").conditionExpression("amount <= 100")
        .serviceTask("Task_small", t -> t.zeebeJobType(small)).endEvent("End_small")
        .done();
    client.newDeployResourceCommand().addProcessModel(model, "ops-fix.bpmn").send().join();
  }

  private long start(Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  private ProcessInstanceDetail detail(long key) {
    return inspector.instance(key).orElseThrow();
  }

  private Optional<ActivatedJob> tryActivate(String type) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).send().join().getJobs().stream().findFirst();
  }

  private ActivatedJob activate(String type) {
    return await(() -> tryActivate(type), "a job of type " + type);
  }

  private IncidentView openIncident(long pi) {
    return await(() -> inspector.incidents(pi).stream().filter(i -> !i.resolved()).findFirst(),
        "an open incident of instance " + pi);
  }

  private static Locator notice(Page page, String text) {
    return page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText(text));
  }

  /** Lists the instances whose root-scope variable has the value and opens the first. */
  private static void find(Page page, String name, String value, long pi) {
    page.locator("#ops-var-filter-name input").fill(name);
    page.locator("#ops-var-filter-value input").fill(value);
    page.locator("#ops-search").click();
    waitSize(page, 1); // the filtered list, not the one before it (its rows are stale then)
    Locator row = page.locator("#ops-instances vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(Long.toString(pi)));
    assertThat(row).hasCount(1);
    row.click();
    assertThat(page.locator("#ops-detail")).containsText(Long.toString(pi));
  }

  private static Locator shape(Page page, String id) {
    return page.locator("#ops-diagram .djs-element.djs-shape[data-element-id='" + id + "']");
  }

  @Test
  void shouldFixAnIncidentByEditingAVariableAndRetryingWhenOpsWorksInTheBrowser() {
    // given: an instance without the amount its gateway needs: a condition incident
    deploy();
    String customer = "C-" + UUID.randomUUID();
    long pi = start(Map.of("customerId", customer));
    IncidentView stuck = openIncident(pi);
    Assertions.assertThat(stuck.elementId()).isEqualTo("Gateway_amount");
    Page page = signIn("ops", 1600, 2600);
    page.navigate(url("/operations"));

    // when: ops finds it by its customer and opens it
    find(page, "customerId", "\"" + customer + "\"", pi);

    // then: keys are plain digits, the incident is on the diagram with its badge and message
    assertThat(page.locator("#ops-detail")).not().containsText(",");
    assertThat(page.locator("#ops-instances")).not().containsText(
        String.format(Locale.US, "%,d", pi));
    assertThat(shape(page, "Gateway_amount").and(page.locator(".baton-incident"))).hasCount(1);
    assertThat(shape(page, "Start").and(page.locator(".baton-done"))).hasCount(1);
    assertThat(page.locator("#ops-diagram .djs-connection.baton-taken")).hasCount(1);
    assertThat(page.locator(".baton-counts[data-element='Gateway_amount']"
        + " .baton-count-incident")).hasText("1");
    assertThat(page.locator(".baton-counts[data-element='Start'] .baton-count-completed"))
        .hasText("1");
    Locator card = page.locator("#ops-incident-" + stuck.incidentKey());
    assertThat(card.locator(".ops-incident-message")).containsText(
        "expected the condition '=amount > 100' to be a boolean, but it was null");
    assertThat(page.locator("#ops-vars-" + pi)).containsText(customer);
    double diagramHeight = page.locator("#ops-diagram").boundingBox().height;
    Assertions.assertThat(diagramHeight).isGreaterThan(500);
    Assertions.assertThat(page.locator("#ops-instances").boundingBox().height)
        .isGreaterThan(300);
    shot(page, "ops-01-incident");

    // when: a value that is not JSON
    page.locator("#ops-var-name input").fill("amount");
    page.locator("#ops-var-value textarea").fill("5OO");
    page.locator("#ops-var-save").click();

    // then: refused with where it breaks, nothing set
    assertThat(notice(page, "not valid JSON")).hasCount(1);
    assertThat(page.locator("#ops-var-value[invalid]")).hasCount(1);
    Assertions.assertThat(inspector.variables(pi)).extracting(VariableView::name)
        .doesNotContain("amount");
    shot(page, "ops-02-bad-json-refused");

    // when: a valid value, then retry
    page.locator("#ops-var-value textarea").fill("500");
    page.locator("#ops-var-save").click();
    assertThat(notice(page, "Set amount")).hasCount(1);
    assertThat(page.locator("#ops-vars-" + pi)).containsText("500");
    Assertions.assertThat(inspector.variables(pi)).contains(
        new VariableView(pi, PROCESS, "amount", "500"));
    page.locator("#ops-inc-retry-" + stuck.incidentKey()).click();

    // then: the incident is resolved, the token went the big way, the change is logged
    assertThat(notice(page, "Resolved the incident on Gateway_amount")).hasCount(1);
    assertThat(shape(page, "Task_big").and(page.locator(".baton-active"))).hasCount(1);
    assertThat(page.locator(".baton-counts[data-element='Task_big'] .baton-count-active"))
        .hasText("1");
    assertThat(card).containsText("Resolved incident");
    assertThat(page.locator("#ops-log")).containsText("Set variable");
    assertThat(page.locator("#ops-log")).containsText("ops");
    Assertions.assertThat(inspector.incidents(pi)).allMatch(IncidentView::resolved);
    shot(page, "ops-03-fixed-and-retried");

    // given: the big task's worker fails for good because it misses a credit limit
    ActivatedJob job = activate(big);
    client.newFailCommand(job).retries(0).errorMessage("credit limit missing").send().join();
    IncidentView failed = openIncident(pi);
    page.locator("#ops-refresh").click();
    Locator jobCard = page.locator("#ops-incident-" + failed.incidentKey());
    assertThat(jobCard).containsText("JOB_NO_RETRIES");
    assertThat(jobCard.locator(".ops-incident-job")).containsText("credit limit missing");
    assertThat(jobCard.locator(".ops-incident-job")).containsText("0 retries left");

    // when: ops sets the limit and retries with 2 retries
    page.locator("#ops-var-name input").fill("creditLimit");
    page.locator("#ops-var-value textarea").fill("{\"amount\": 1000, \"currency\": \"EUR\"}");
    page.locator("#ops-var-save").click();
    assertThat(notice(page, "Set creditLimit")).hasCount(1);
    page.locator("#ops-inc-retries-" + failed.incidentKey() + " input").fill("2");
    page.locator("#ops-inc-retry-" + failed.incidentKey()).click();

    // then: the job is back with 2 retries and the fixed variable
    assertThat(notice(page, "2 retries")).hasCount(1);
    ActivatedJob again = activate(big);
    Assertions.assertThat(again.getKey()).isEqualTo(job.getKey());
    Assertions.assertThat(again.getRetries()).isEqualTo(2);
    Assertions.assertThat(again.getVariablesAsMap()).containsEntry("creditLimit",
        Map.of("amount", 1000, "currency", "EUR"));
    page.locator("#ops-refresh").click();
    assertThat(page.locator("#ops-log")).containsText("Gave retries");
    shot(page, "ops-04-job-retried");
    client.newCompleteCommand(again).send().join();
    await(() -> Optional.of(detail(pi)).filter(
        d -> d.summary().state() == ProcessInstanceState.COMPLETED), "instance completed");
    page.context().close();
  }

  @Test
  void shouldModifyAndCancelAnInstanceWhenOpsWorksInTheBrowser() {
    // given: an instance waiting at the small task
    deploy();
    String order = "O-" + UUID.randomUUID();
    long pi = start(Map.of("amount", 50, "order", order));
    await(() -> detail(pi).path().stream().filter(e -> e.elementId().equals("Task_small")
        && e.state() == ElementInstanceState.ACTIVE).findFirst(), "the small task active");
    Page page = signIn("ops", 1600, 2600);
    page.navigate(url("/operations"));
    find(page, "order", order, pi);
    assertThat(shape(page, "Task_small").and(page.locator(".baton-active"))).hasCount(1);

    // when: nothing chosen to move yet
    page.locator("#ops-move-token").click();
    // then: refused, nothing changed
    assertThat(notice(page, "Choose the element for the token")).hasCount(1);

    // when: the big task is picked on the diagram and the small task's token moved there
    shape(page, "Task_big").click();
    assertThat(page.locator("#ops-target input")).hasValue("Task_big");
    page.locator("#ops-move-from").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(
        Pattern.compile("^Task_small"))).click();
    page.locator("#ops-move-token").click();

    // then
    assertThat(notice(page, "Moved the token from Task_small to Task_big")).hasCount(1);
    assertThat(shape(page, "Task_big").and(page.locator(".baton-active"))).hasCount(1);
    assertThat(shape(page, "Task_small").and(page.locator(".baton-active"))).hasCount(0);
    List<ElementInstanceView> path = detail(pi).path();
    Assertions.assertThat(path).anyMatch(e -> e.elementId().equals("Task_small")
        && e.state() == ElementInstanceState.TERMINATED);
    Assertions.assertThat(path).anyMatch(e -> e.elementId().equals("Task_big")
        && e.state() == ElementInstanceState.ACTIVE);
    shot(page, "ops-05-token-moved");

    // when: a token is added at the small task (picked on the diagram)
    shape(page, "Task_small").click();
    assertThat(page.locator("#ops-target input")).hasValue("Task_small");
    page.locator("#ops-add-token").click();

    // then: two active tokens
    assertThat(notice(page, "Added a token at Task_small")).hasCount(1);
    assertThat(shape(page, "Task_small").and(page.locator(".baton-active"))).hasCount(1);
    assertThat(page.locator(".baton-counts[data-element='Task_small'] .baton-count-active"))
        .hasText("1");
    Assertions.assertThat(detail(pi).path().stream().filter(e -> e.state()
        == ElementInstanceState.ACTIVE && e.elementId().startsWith("Task_"))).hasSize(2);
    assertThat(page.locator("#ops-log")).containsText("Moved token");
    assertThat(page.locator("#ops-log")).containsText("Added token");
    shot(page, "ops-06-token-added");

    // when: cancel is called off
    page.locator("#ops-cancel").click();
    // the dialog's header renders in its overlay (the host element may still be empty when the
    // overlay already shows): look for the text where the user sees it
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it running"))
        .waitFor();
    assertThat(page.getByText("Cancel instance " + pi).first()).isVisible();
    shot(page, "ops-07-cancel-asks");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it running"))
        .click();
    // then: still running
    Assertions.assertThat(detail(pi).summary().state()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when: cancel is confirmed
    page.locator("#ops-cancel").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the instance"))
        .click();

    // then: terminated, nothing left to act on
    assertThat(notice(page, "Canceled instance " + pi)).hasCount(1);
    assertThat(page.locator("#ops-detail")).containsText("Terminated");
    assertThat(page.locator("#ops-cancel")).isDisabled();
    assertThat(page.locator("#ops-add-token")).isDisabled();
    assertThat(page.locator("#ops-var-save")).isDisabled();
    assertThat(shape(page, "Task_big").and(page.locator(".baton-done"))).hasCount(1);
    assertThat(shape(page, "End_big").and(page.locator(".baton-done"))).hasCount(0);
    Assertions.assertThat(detail(pi).summary().state())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    Assertions.assertThat(tryActivate(big)).isEmpty();
    Assertions.assertThat(tryActivate(small)).isEmpty();
    shot(page, "ops-08-canceled");
    page.context().close();
  }

  @Test
  void shouldPageTheFilteredInstancesInChineseWhenOpsPrefersChinese() {
    // given: 23 instances of one batch, waiting at the small task, and ops reads Chinese
    deploy();
    String batch = "B-" + UUID.randomUUID();
    long first = 0;
    for (int i = 0; i < 23; i++) {
      long k = start(Map.of("amount", i, "batch", batch));
      first = first == 0 ? k : first;
    }
    accounts.setLocale("ops", Messages.ZH_CN);
    Page page = signIn("ops", 1600, 2600);
    page.navigate(url("/operations"));
    assertThat(page.locator("#ops-search")).hasText("查询");

    // when: filtered by the batch
    page.locator("#ops-var-filter-name input").fill("batch");
    page.locator("#ops-var-filter-value input").fill(batch);
    page.locator("#ops-search").click();

    // then: a full first page, then the remaining 3
    assertThat(page.locator("#ops-page")).hasText("第 1 页");
    waitSize(page, 20);
    assertThat(page.locator("#ops-previous")).isDisabled();
    page.locator("#ops-next").click();
    assertThat(page.locator("#ops-page")).hasText("第 2 页");
    waitSize(page, 3);
    assertThat(page.locator("#ops-next")).isDisabled();
    Locator oldest = page.locator("#ops-instances vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(Long.toString(first)));
    assertThat(oldest).hasCount(1);

    // when: a filter without a value
    page.locator("#ops-var-filter-value input").fill("");
    page.locator("#ops-search").click();
    // then: refused in Chinese, the list unchanged
    assertThat(notice(page, "需要一个取值")).hasCount(1);
    assertThat(oldest).hasCount(1);

    // when: the oldest is opened
    oldest.click();

    // then: the detail is in Chinese
    assertThat(page.locator("#ops-detail")).containsText("运行中");
    assertThat(page.locator("#ops-cancel")).hasText("取消实例");
    assertThat(page.locator("#ops-var-save")).hasText("设置变量");
    assertThat(page.locator(".baton-counts[data-element='Task_small'] .baton-count-active"))
        .hasText("1");
    // labels are drawn as labels, not in the colours of the instance's markers
    Assertions.assertThat(page.locator("#ops-diagram [data-element-id='Start_label'] text")
        .evaluate("e => getComputedStyle(e).stroke")).isEqualTo("none");
    shot(page, "ops-09-zh-CN");
    page.context().close();
  }

  /** Waits until the instance grid holds this many rows (fails after the timeout). */
  private static void waitSize(Page page, int rows) {
    page.waitForFunction("n => document.querySelector('#ops-instances').size === n", rows);
  }
}
