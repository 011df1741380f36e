package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.baton.engine.workflow.WorkflowInspector;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workflow designer's lint and start dialog in headless Chromium: errors (a service task
 * without a task type, an expression that is not FEEL) are drawn on their elements and block
 * the deployment; a warning (an unconnected element) asks before deploying; the start dialog
 * asks for the variables the input mappings read, marks invalid ones and says when the
 * process is not deployed; the palette never covers the diagram. English and Chinese.
 */
class WorkflowLintBrowserTest extends BrowserTestBase {
  @Autowired WorkflowInspector inspector;

  private static String diagram(String processId, String taskExtras, String inputSource) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
        xmlns:di="http://www.omg.org/spec/DD/20100524/DI" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_%1$s" \
        targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_1" name="Check customer">
              <bpmn:extensionElements>%2$s<zeebe:ioMapping>
                <zeebe:input source="%3$s" target="cid" /></zeebe:ioMapping>
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
            <bpmn:endEvent id="Loose_end" name="Forgotten" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_1" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="End_1" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D1"><bpmndi:BPMNPlane id="P1" bpmnElement="%1$s">
            <bpmndi:BPMNShape id="S1" bpmnElement="Start_1"><dc:Bounds x="0" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S2" bpmnElement="Task_1"><dc:Bounds x="100" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S3" bpmnElement="End_1"><dc:Bounds x="260" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S4" bpmnElement="Loose_end"><dc:Bounds x="260" y="220" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_1"><di:waypoint x="36" y="118" /><di:waypoint x="100" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="E2" bpmnElement="Flow_2"><di:waypoint x="200" y="118" /><di:waypoint x="260" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(processId, taskExtras, inputSource);
  }

  private static void open(Page page, String name, String xml) {
    page.locator("#wf-import input[type=file]").setInputFiles(new FilePayload(name,
        "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(page.locator("#wf-canvas .djs-shape[data-element-id='Task_1']")).isVisible();
  }

  private boolean deployed(String processId) {
    return inspector.processes().stream().anyMatch(p -> p.bpmnProcessId().equals(processId));
  }

  @Test
  void shouldBlockErrorsAskOnWarningsAndStartWithTheFormWhenTheDeveloperDeploys() {
    // given: a diagram whose task has no type and reads "=customer.id +* 1" (not FEEL)
    Page page = signIn("developer", 1600, 1100);
    page.navigate(url("/workflows"));
    assertThat(page.locator("#wf-canvas[data-imported]")).hasCount(1);
    open(page, "lint-bad.bpmn", diagram("lint_bad", "", "=customer.id +* 1"));
    // then: the palette does not cover the start event drawn at the diagram's left edge
    BoundingBox palette = page.locator("#wf-canvas .djs-palette").boundingBox();
    BoundingBox start = page.locator(
        "#wf-canvas .djs-shape[data-element-id='Start_1']").boundingBox();
    assertThat(start.x).isGreaterThan(palette.x + palette.width);

    // when
    page.locator("#wf-deploy").click();

    // then: both errors on the task, the warning on the loose end, nothing deployed
    assertThat(page.locator("#wf-lint")).hasAttribute("data-blocking", "2");
    assertThat(page.locator(".baton-problem-note[data-element='Task_1']").first())
        .isVisible();
    assertThat(page.locator("#wf-lint")).containsText("zeebe:taskDefinition");
    assertThat(page.locator("#wf-lint")).containsText("not FEEL");
    assertThat(page.locator(".baton-problem-note[data-element='Loose_end']"))
        .containsText("not connected");
    assertThat(page.locator(".baton-warning-note[data-element='Loose_end']")).isVisible();
    assertThat(page.locator(".baton-warning-note[data-element='Task_1']")).hasCount(0);
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("nothing was deployed"))).hasCount(1);
    shot(page, "wl01-lint-errors");
    assertThat(deployed("lint_bad")).isFalse();

    // given: the same diagram with a task type and valid FEEL; only the warning is left
    open(page, "lint-warn.bpmn", diagram("lint_warn",
        "<zeebe:taskDefinition type=\"lint.test-job\" />", "=customer.id"));
    // when: starting before it is deployed
    page.locator("#wf-start").click();
    assertThat(page.locator("#wf-start-var-customer")).isVisible();
    page.locator("#wf-start-var-customer input").fill("{\"id\": \"C-1001\"}");
    page.locator("#wf-start-confirm").click();
    // then: the dialog says it is not deployed
    assertThat(page.locator("#wf-start-error")).containsText("not deployed");
    page.locator("#wf-start-cancel").click();

    // when: deploying it
    page.locator("#wf-deploy").click();
    // then: asked first, because of the warning
    assertThat(page.getByText("Deploy with warnings?")).isVisible();
    assertThat(page.getByText("The check found 1 warning", new Page.GetByTextOptions()
        .setExact(false))).isVisible();
    shot(page, "wl02-lint-warning-confirm");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy anyway"))
        .click();
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("Deployed lint_warn"))).hasCount(1);
    assertThat(deployed("lint_warn")).isTrue();

    // when: starting with a variable that is not valid JSON
    page.locator("#wf-start").click();
    page.locator("#wf-start-var-customer input").fill("{\"id\": ");
    page.locator("#wf-start-confirm").click();
    // then: marked on the field, nothing started
    assertThat(page.locator("#wf-start-var-customer")).hasAttribute("invalid", "");
    assertThat(page.locator("#wf-start-error")).containsText("Not started");
    shot(page, "wl03-start-dialog-invalid");

    // when: corrected
    page.locator("#wf-start-var-customer input").fill("{\"id\": \"C-1001\"}");
    page.locator("#wf-start-confirm").click();
    // then
    assertThat(page.locator("vaadin-notification-card").filter(
        new Locator.FilterOptions().setHasText("Started lint_warn"))).hasCount(1);
    assertThat(page.locator("#wf-start-dialog")).hasCount(0);
    shot(page, "wl04-started");
    page.context().close();
  }

  @Test
  void shouldShowTheLintInChineseWhenTheBrowserIsChinese() {
    // given
    Page page = signIn("developer", 1600, 1100, "zh-CN");
    page.navigate(url("/workflows"));
    assertThat(page.locator("#wf-canvas[data-imported]")).hasCount(1);
    open(page, "lint-bad-zh.bpmn", diagram("lint_bad_zh", "", "=customer.id"));
    // when
    page.locator("#wf-check").click();
    // then
    assertThat(page.locator("#wf-lint")).containsText("需要任务类型");
    assertThat(page.locator("#wf-lint")).containsText("未连接");
    shot(page, "wl05-lint-zh");
    page.context().close();
  }
}
