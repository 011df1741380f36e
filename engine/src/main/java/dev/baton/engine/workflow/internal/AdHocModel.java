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
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading an ad-hoc sub-process as Zeebe 8.8 runs it: without a job worker, the FEEL list of
 * inner element ids it activates on entry ({@code zeebe:adHoc activeElementsCollection}), its
 * {@code completionCondition} and {@code cancelRemainingInstances}; with a job worker (a
 * {@code zeebe:taskDefinition} on the sub-process, the AI-agent blueprint's form), the job type,
 * retries and headers of the job that decides what it activates; and the optional output
 * collection ({@code outputCollection}, {@code outputElement}).
 */
final class AdHocModel {
  private AdHocModel() {}

  /**
   * What an ad-hoc sub-process does: activeElements is a FEEL expression (null: none), the
   * condition is null when absent; activatable are the inner elements without incoming flows,
   * described (in model order) as Zeebe's {@code adHocSubProcessElements} variable does;
   * jobWorker is the job-worker form (its job is the node's jobType, retries and headers);
   * outputCollection names the list each ended path appends its outputElement (a FEEL
   * expression) to (both null: none).
   */
  record AdHoc(boolean jobWorker, String activeElements, String completionCondition,
      boolean cancelRemainingInstances, Set<String> activatable,
      List<Map<String, Object>> elements, String outputCollection, String outputElement) {
    AdHoc {
      activatable = Set.copyOf(activatable);
      elements = List.copyOf(elements);
    }
  }

  static void read(AdHocSubProcess ah, Node n, List<String> problems) {
    n.kind = Kind.AD_HOC_SUB_PROCESS;
    ZeebeTaskDefinition td = ah.getSingleExtensionElement(ZeebeTaskDefinition.class);
    boolean jobWorker = td != null;
    if (jobWorker) {
      if (blank(td.getType())) {
        problems.add(where(n) + ": the job-worker form (zeebe:taskDefinition on the ad-hoc"
            + " sub-process) needs a job type");
      }
      n.jobType = td.getType();
      if (!blank(td.getRetries())) {
        n.retries = td.getRetries();
      }
      ZeebeTaskHeaders th = ah.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (th != null) {
        for (ZeebeHeader h : th.getHeaders()) {
          n.headers.put(h.getKey(), h.getValue());
        }
      }
    }
    ZeebeAdHoc z = ah.getSingleExtensionElement(ZeebeAdHoc.class);
    String active = z == null || blank(z.getActiveElementsCollection()) ? null
        : z.getActiveElementsCollection();
    String outputCollection = z == null || blank(z.getOutputCollection()) ? null
        : z.getOutputCollection().trim();
    String outputElement = z == null || blank(z.getOutputElement()) ? null
        : Feel.isExpression(z.getOutputElement()) ? z.getOutputElement().trim()
            : "=" + z.getOutputElement().trim();
    if ((outputCollection == null) != (outputElement == null)) {
      problems.add(where(n) + ": zeebe:adHoc outputCollection and outputElement go together;"
          + " set both (the variable to collect into and the FEEL expression each finished"
          + " element adds) or neither");
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
    if (jobWorker && (active != null || condition != null)) {
      problems.add(where(n) + ": an ad-hoc sub-process with a job worker (zeebe:taskDefinition)"
          + " lets its job decide what to activate and when it is done; remove its"
          + " activeElementsCollection and completionCondition (Zeebe ignores them there)");
    }
    n.adHoc = new AdHoc(jobWorker, active, condition, ah.isCancelRemainingInstances(), activatable,
        elements, outputCollection, outputElement);
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
