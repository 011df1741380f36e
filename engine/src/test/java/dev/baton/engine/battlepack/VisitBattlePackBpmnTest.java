package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped BPMN parses and validates as Zeebe BPMN, and the workers serve every task. */
class VisitBattlePackBpmnTest {
  static final Path BPMN = Fixture.RULE_PACKS.resolve("workflows/visit-battle-pack.bpmn");

  private static BpmnModelInstance model() throws IOException {
    try (InputStream in = Files.newInputStream(BPMN)) {
      return Bpmn.readModelFromStream(in);
    }
  }

  @Test
  void shouldValidateAsZeebeBpmnWhenParsed() throws IOException {
    // given
    BpmnModelInstance model = model();

    // when
    Bpmn.validateModel(model);
    var results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);

    // then
    StringBuilder errors = new StringBuilder();
    results.getResults().forEach((element, list) -> list.forEach(r -> errors.append(r.getType())
        .append(' ').append(element).append(": ").append(r.getMessage()).append('\n')));
    assertThat(results.hasErrors()).as(errors.toString()).isFalse();
    assertThat((Object) model.getModelElementById("visit-battle-pack")).isNotNull();
  }

  @Test
  void shouldUseOnlyJobTypesTheWorkersServeWhenItHasServiceTasks() throws IOException {
    // given
    BpmnModelInstance model = model();

    // when
    Set<String> types = model.getModelElementsByType(ServiceTask.class).stream()
        .map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
        .collect(Collectors.toSet());

    // then
    assertThat(types).containsExactlyInAnyOrderElementsOf(BattlePackWorkers.JOB_TYPES);
  }

  @Test
  void shouldWaitForAReviewUserTaskPerRoleWithAnEscalationTimerWhenReviewing() throws IOException {
    // given
    BpmnModelInstance model = model();

    // when
    Set<String> messages = model.getModelElementsByType(Message.class).stream()
        .map(Message::getId).collect(Collectors.toSet());

    // then: reviews are Camunda user tasks for the role's candidate group; no message waits
    assertThat(messages).isEmpty();
    assertThat(model.getModelElementsByType(IntermediateCatchEvent.class)).isEmpty();
    for (String role : new String[] {"legal", "finance", "manager"}) {
      ReviewRole reviewRole = ReviewRole.parse(role);
      String prefix = role.equals("manager") ? "manager-approval" : role + "-review";
      SubProcess review = model.getModelElementById(prefix);
      UserTask task = model.getModelElementById(ReviewTasks.elementId(reviewRole));
      assertThat(task.getParentElement()).isSameAs(review);
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).isNotNull();
      assertThat(task.getSingleExtensionElement(ZeebeAssignmentDefinition.class)
          .getCandidateGroups()).isEqualTo(role);
      assertThat(task.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs())
          .extracting(ZeebeOutput::getTarget)
          .containsExactly(role + "Approved", role + "Comment", role + "Reviewer");
      assertThat(ReviewTasks.roleOf(task.getId())).contains(reviewRole);
      ServiceTask queue = model.getModelElementById(role.equals("manager")
          ? "queue-manager-approval" : "queue-" + role + "-review");
      assertThat(queue.getParentElement()).isSameAs(review);
      assertThat(queue.getOutgoing()).singleElement()
          .satisfies(f -> assertThat(f.getTarget()).isSameAs(task));
      assertThat(header(queue, "role")).isEqualTo(role);
      BoundaryEvent late = model.getModelElementById(prefix + "-late");
      assertThat(late.getAttachedTo()).isSameAs(review);
      assertThat(late.cancelActivity()).isFalse();
      assertThat(late.getEventDefinitions()).singleElement()
          .isInstanceOfSatisfying(TimerEventDefinition.class, t ->
              assertThat(t.getTimeDuration().getTextContent()).contains("reviewTimeout")
                  .contains("PT4H"));
      ServiceTask escalate = (ServiceTask) late.getOutgoing().iterator().next().getTarget();
      assertThat(escalate.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
          .isEqualTo(BattlePackWorkers.ESCALATE_REVIEW);
      assertThat(header(escalate, "role")).isEqualTo(role);
    }
  }

  @Test
  void shouldBranchOnAiAllowedAndOnBothApprovalsWhenRouting() throws IOException {
    // given
    BpmnModelInstance model = model();

    // when
    ExclusiveGateway ai = model.getModelElementById("ai-allowed");
    ExclusiveGateway approved = model.getModelElementById("both-approved");
    ExclusiveGateway approvalNeeded = model.getModelElementById("approval-needed");
    ExclusiveGateway managerApproved = model.getModelElementById("manager-approved");

    // then
    assertThat(condition(ai, "gather-context")).isEqualTo("=aiAllowed = true");
    assertThat(ai.getDefault().getTarget().getId()).isEqualTo("carry-out-alternatives");
    assertThat(condition(approved, "approval-needed"))
        .isEqualTo("=legalApproved = true and financeApproved = true");
    assertThat(approved.getDefault().getTarget().getId()).isEqualTo("return-to-rep");
    assertThat(condition(approvalNeeded, "manager-approval"))
        .isEqualTo("=humanApprovalRequired = true");
    assertThat(approvalNeeded.getDefault().getTarget().getId()).isEqualTo("release-pack");
    assertThat(condition(managerApproved, "release-pack")).isEqualTo("=managerApproved = true");
    assertThat(managerApproved.getDefault().getTarget().getId()).isEqualTo("return-to-rep");
  }

  @Test
  void shouldHaveADiagramShapeForEveryElementWhenOpenedInAModeler() throws IOException {
    // given
    BpmnModelInstance model = model();

    // when
    Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getWaypoints().size() >= 2)
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

    // then
    assertThat(shaped).containsAll(model.getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).toList());
    assertThat(edged).containsExactlyInAnyOrderElementsOf(model
        .getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
  }

  @Test
  void shouldBeRejectedByTheValidatorWhenAServiceTaskHasNoJobType() throws IOException {
    // given: the shipped file with one task definition removed
    String xml = Files.readString(BPMN).replaceFirst(
        "<zeebe:taskDefinition type=\"baton.evaluate\" retries=\"3\" />", "");

    // when
    BpmnModelInstance broken = Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    // then
    var results = broken.validate(ZeebeDesignTimeValidators.VALIDATORS);
    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getResults().values().stream().flatMap(java.util.List::stream)
        .map(r -> r.getMessage()).toList()).anySatisfy(m -> assertThat(m)
            .contains("zeebe:taskDefinition"));
  }

  private static String header(ServiceTask task, String key) {
    return task.getSingleExtensionElement(ZeebeTaskHeaders.class).getHeaders().stream()
        .filter(h -> h.getKey().equals(key)).map(ZeebeHeader::getValue).findFirst().orElse(null);
  }

  private static String condition(ExclusiveGateway gateway, String target) {
    return gateway.getOutgoing().stream().filter(f -> f.getTarget().getId().equals(target))
        .findFirst().orElseThrow().getConditionExpression().getTextContent();
  }
}
