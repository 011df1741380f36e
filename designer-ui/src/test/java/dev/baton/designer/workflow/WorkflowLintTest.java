package dev.baton.designer.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowLintTest {

  private static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" \
        targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="p" isExecutable="true">%s</bpmn:process>
        </bpmn:definitions>
        """.formatted(body);
  }

  private static final String CONNECTED = """
      <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
      <bpmn:serviceTask id="t">
        <bpmn:extensionElements><zeebe:taskDefinition type="job" />
          <zeebe:ioMapping><zeebe:input source="=order.total * rate" target="x" />
          <zeebe:output source="=x" target="rate" /></zeebe:ioMapping>
        </bpmn:extensionElements>
        <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
      <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
      """;

  @Test
  void shouldFindNothingWhenTheDiagramIsConnectedTypedAndFeel() {
    // when
    List<LintFinding> findings = WorkflowLint.check(process(CONNECTED));
    // then
    assertThat(findings).isEmpty();
  }

  @Test
  void shouldWarnOnTheElementWhenAnElementIsUnconnected() {
    // given
    String xml = process(CONNECTED + "<bpmn:endEvent id=\"loose\" />");
    // when
    List<LintFinding> findings = WorkflowLint.check(xml);
    // then
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("loose");
      assertThat(f.blocking()).isFalse();
      assertThat(f.key()).isEqualTo("wf.lint.unconnected");
    });
    assertThat(WorkflowLint.blocking(findings)).isFalse();
  }

  @Test
  void shouldBlockOnTheTaskWhenItHasNoTypeOrAnExpressionIsNotFeel() {
    // given
    String xml = process(CONNECTED.replace("<zeebe:taskDefinition type=\"job\" />", "")
        .replace("=order.total * rate", "=order.total *+ rate"));
    // when
    List<LintFinding> findings = WorkflowLint.check(xml);
    // then
    assertThat(findings).extracting(LintFinding::key)
        .contains("wf.lint.noTaskType", "wf.lint.feel");
    assertThat(findings).allSatisfy(f -> assertThat(f.elementId()).isEqualTo("t"));
    assertThat(WorkflowLint.blocking(findings)).isTrue();
  }

  @Test
  void shouldReportTheEnginesRefusalWhenAnElementIsUnsupported() {
    // given: a complex gateway, which the engine does not run
    String xml = process("""
        <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:complexGateway id="g"><bpmn:incoming>f1</bpmn:incoming>
          <bpmn:outgoing>f2</bpmn:outgoing></bpmn:complexGateway>
        <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g" />
        <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e" />
        """);
    // when
    List<LintFinding> findings = WorkflowLint.check(xml);
    // then
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.key()).isEqualTo("wf.lint.engine");
      assertThat(f.blocking()).isTrue();
    });
  }

  @Test
  void shouldAskForTheVariablesTheInputMappingsReadButNoOutputSets() {
    // when
    List<String> vars = WorkflowLint.startVariables(process(CONNECTED));
    // then: order is read; rate is set by an output mapping; total is a path, not a variable
    assertThat(vars).containsExactly("order");
  }

  @Test
  void shouldReportOneBlockingFindingWhenTheFileIsNoBpmn() {
    assertThat(WorkflowLint.check("<not-bpmn/>")).singleElement()
        .satisfies(f -> assertThat(f.blocking()).isTrue());
  }
}
