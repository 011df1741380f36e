package dev.baton.engine.workflow.internal;

import static dev.baton.engine.workflow.internal.ProcessModel.blank;
import static dev.baton.engine.workflow.internal.ProcessModel.where;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading an ad-hoc sub-process as Zeebe 8.8 runs it without a job worker: the FEEL list of
 * inner element ids it activates on entry ({@code zeebe:adHoc activeElementsCollection}), its
 * {@code completionCondition} and {@code cancelRemainingInstances}. The job-worker form and the
 * output collection are refused by name.
 */
final class AdHocModel {
  private AdHocModel() {}

  /**
   * What an ad-hoc sub-process does: activeElements is a FEEL expression (null: none), the
   * condition is null when absent; activatable are the inner elements without incoming flows,
   * described (in model order) as Zeebe's {@code adHocSubProcessElements} variable does.
   */
  record AdHoc(String activeElements, String completionCondition,
      boolean cancelRemainingInstances, Set<String> activatable,
      List<Map<String, Object>> elements) {
    AdHoc {
      activatable = Set.copyOf(activatable);
      elements = List.copyOf(elements);
    }
  }

  static void read(AdHocSubProcess ah, Node n, List<String> problems) {
    n.kind = Kind.AD_HOC_SUB_PROCESS;
    if (ah.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      problems.add(where(n) + ": the job-worker form of ad-hoc sub-processes"
          + " (zeebe:taskDefinition on the ad-hoc sub-process) is not supported by Baton's"
          + " embedded engine; remove the task definition to let the engine activate the"
          + " elements of activeElementsCollection");
    }
    ZeebeAdHoc z = ah.getSingleExtensionElement(ZeebeAdHoc.class);
    String active = z == null || blank(z.getActiveElementsCollection()) ? null
        : z.getActiveElementsCollection();
    if (z != null && (!blank(z.getOutputCollection()) || !blank(z.getOutputElement()))) {
      problems.add(where(n) + ": zeebe:adHoc outputCollection and outputElement are not"
          + " supported by Baton's embedded engine; collect results with output mappings");
    }
    if (active != null && !Feel.isExpression(active)) {
      problems.add(where(n) + ": zeebe:adHoc activeElementsCollection must be a FEEL expression"
          + " starting with '=', but was '" + active + "'");
    }
    String condition = ah.getCompletionCondition() == null ? null
        : ah.getCompletionCondition().getTextContent().trim();
    if (blank(condition)) {
      condition = null;
    }
    Set<String> activatable = new LinkedHashSet<>();
    List<Map<String, Object>> elements = new ArrayList<>();
    for (FlowElement fe : ah.getFlowElements()) {
      if (!(fe instanceof FlowNode fn) || fn instanceof BoundaryEvent
          || !fn.getIncoming().isEmpty()
          || fn instanceof Activity a && a.isForCompensation()) {
        continue;
      }
      activatable.add(fn.getId());
      elements.add(describe(fn));
    }
    n.adHoc = new AdHoc(active, condition, ah.isCancelRemainingInstances(), activatable,
        elements);
  }

  private static Map<String, Object> describe(FlowNode fn) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("elementId", fn.getId());
    e.put("elementName", fn.getName());
    String doc = null;
    for (Documentation d : fn.getDocumentations()) {
      doc = d.getTextContent();
      break;
    }
    e.put("documentation", doc);
    Map<String, Object> properties = new LinkedHashMap<>();
    ZeebeProperties zp = fn.getSingleExtensionElement(ZeebeProperties.class);
    if (zp != null) {
      for (ZeebeProperty p : zp.getProperties()) {
        properties.put(p.getName(), p.getValue());
      }
    }
    e.put("properties", properties);
    e.put("parameters", List.of());
    return e;
  }

  /** Zeebe's constraints on the inner elements: no start or end events, one activity at least. */
  static void checkInner(ProcessModel model, Node adHoc, List<String> problems) {
    boolean activity = false;
    for (Node inner : model.nodes.values()) {
      if (!adHoc.id.equals(inner.scopeId)) {
        continue;
      }
      if ("startEvent".equals(inner.elementType) || "endEvent".equals(inner.elementType)) {
        problems.add(where(inner) + ": an ad-hoc sub-process must not contain start or end"
            + " events (in " + where(adHoc) + ")");
      }
      activity |= inner.isActivity() || inner.kind == null;
    }
    if (!activity) {
      problems.add(where(adHoc) + ": an ad-hoc sub-process needs at least one activity");
    }
  }
}
