package dev.baton.designer.workflow;

import dev.baton.engine.workflow.WorkflowModelCheck;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Zeebe-style lint of a BPMN diagram before it is deployed: unconnected elements (a warning),
 * job-worker tasks without a task type, expressions that are not FEEL, and everything the
 * engine's own deployment check refuses (unsupported elements...), each placed on its element.
 * Plain Java (no Spring), so it is tested alone.
 */
public final class WorkflowLint {
  private static final Pattern NAME = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|"
      + "([A-Za-z_][A-Za-z0-9_]*)(\\s*\\()?");
  private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and",
      "or", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies",
      "instance", "of", "function", "between", "date", "time", "duration", "now", "today");

  private WorkflowLint() {}

  /** Every finding of the diagram, blocking ones first; a file that is no BPMN is one finding. */
  public static List<LintFinding> check(String xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      return List.of(new LintFinding("", true, "wf.lint.notBpmn", List.of(
          String.valueOf(e.getMessage()))));
    }
    List<LintFinding> out = new ArrayList<>();
    taskTypes(model, out);
    feel(model, out);
    Set<String> flagged = new HashSet<>();
    out.forEach(f -> flagged.add(f.elementId()));
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(BaseElement.class).forEach(b -> {
      if (b.getId() != null) {
        ids.add(b.getId());
      }
    });
    for (String problem : WorkflowModelCheck.problems("diagram.bpmn",
        xml.getBytes(StandardCharsets.UTF_8))) {
      List<ElementProblem> placed = Problems.parse(problem, ids);
      if (placed.isEmpty()) {
        out.add(new LintFinding("", true, "wf.lint.engine", List.of(problem)));
      } else if (placed.stream().noneMatch(p -> flagged.contains(p.elementId()))) {
        placed.forEach(p -> out.add(new LintFinding(p.elementId(), true, "wf.lint.engine",
            List.of(problem))));
      }
    }
    unconnected(model, out);
    return out;
  }

  /** True when a finding blocks the deployment. */
  public static boolean blocking(List<LintFinding> findings) {
    return findings.stream().anyMatch(LintFinding::blocking);
  }

  private static void taskTypes(BpmnModelInstance model, List<LintFinding> out) {
    List<Activity> jobTasks = new ArrayList<>();
    jobTasks.addAll(model.getModelElementsByType(ServiceTask.class));
    jobTasks.addAll(model.getModelElementsByType(SendTask.class));
    for (ScriptTask s : model.getModelElementsByType(ScriptTask.class)) {
      if (s.getSingleExtensionElement(ZeebeScript.class) == null) {
        jobTasks.add(s);
      }
    }
    for (BusinessRuleTask b : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (b.getSingleExtensionElement(ZeebeCalledDecision.class) == null) {
        jobTasks.add(b);
      }
    }
    for (Activity a : jobTasks) {
      ZeebeTaskDefinition d = a.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (d == null || d.getType() == null || d.getType().isBlank()) {
        out.add(new LintFinding(a.getId(), true, "wf.lint.noTaskType", List.of(label(a))));
      }
    }
  }

  private static void feel(BpmnModelInstance model, List<LintFinding> out) {
    for (ZeebeInput i : model.getModelElementsByType(ZeebeInput.class)) {
      feel(i, i.getSource(), out);
    }
    for (ZeebeOutput o : model.getModelElementsByType(ZeebeOutput.class)) {
      feel(o, o.getSource(), out);
    }
    for (ZeebeSubscription s : model.getModelElementsByType(ZeebeSubscription.class)) {
      feel(s, s.getCorrelationKey(), out);
    }
    for (ConditionExpression c : model.getModelElementsByType(ConditionExpression.class)) {
      feel(c, c.getTextContent(), out);
    }
  }

  private static void feel(ModelElementInstance where, String value, List<LintFinding> out) {
    if (value == null || !value.strip().startsWith("=")) {
      return;
    }
    WorkflowModelCheck.feelProblem(value).ifPresent(p -> out.add(new LintFinding(
        owner(where), true, "wf.lint.feel", List.of(value.strip(), p))));
  }

  /** The id of the flow element (task, event, sequence flow, message) holding an extension. */
  private static String owner(ModelElementInstance e) {
    ModelElementInstance at = e;
    while (at != null) {
      if (at instanceof BaseElement b && b.getId() != null
          && !(at instanceof ConditionExpression)) {
        return b.getId();
      }
      at = at.getParentElement();
    }
    return "";
  }

  private static void unconnected(BpmnModelInstance model, List<LintFinding> out) {
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      boolean in = !n.getIncoming().isEmpty();
      boolean outgoing = !n.getOutgoing().isEmpty();
      if (n instanceof BoundaryEvent || (n instanceof SubProcess sp && sp.triggeredByEvent())
          || (n instanceof Activity a && a.isForCompensation())) {
        continue;
      }
      boolean eventSubStart = n instanceof StartEvent
          && n.getParentElement() instanceof SubProcess sp && sp.triggeredByEvent();
      if (!in && !outgoing && !eventSubStart) {
        out.add(new LintFinding(n.getId(), false, "wf.lint.unconnected", List.of(label(n))));
      } else if (!in && !(n instanceof StartEvent)) {
        out.add(new LintFinding(n.getId(), false, "wf.lint.noIncoming", List.of(label(n))));
      } else if (!outgoing && n instanceof StartEvent && !eventSubStart) {
        out.add(new LintFinding(n.getId(), false, "wf.lint.noOutgoing", List.of(label(n))));
      } else if (!in && n instanceof EndEvent) {
        out.add(new LintFinding(n.getId(), false, "wf.lint.noIncoming", List.of(label(n))));
      }
    }
  }

  private static String label(FlowNode n) {
    return n.getName() == null || n.getName().isBlank() ? n.getId()
        : n.getName().strip() + " (" + n.getId() + ")";
  }

  /**
   * The variables a process reads through its tasks' input mappings (the first name of each
   * path in their FEEL sources), less those an output mapping sets: what a start form asks for.
   */
  public static List<String> startVariables(String xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      return List.of();
    }
    Set<String> produced = new HashSet<>();
    for (ZeebeOutput o : model.getModelElementsByType(ZeebeOutput.class)) {
      if (o.getTarget() != null) {
        produced.add(o.getTarget().split("\\.")[0].strip());
      }
    }
    Set<String> read = new LinkedHashSet<>();
    for (ZeebeInput i : model.getModelElementsByType(ZeebeInput.class)) {
      String src = i.getSource();
      if (src == null || !src.strip().startsWith("=")) {
        continue;
      }
      Matcher m = NAME.matcher(src.strip().substring(1));
      String text = src.strip().substring(1);
      while (m.find()) {
        String name = m.group(1);
        boolean afterDot = m.start() > 0 && text.charAt(m.start() - 1) == '.';
        boolean call = m.group(2) != null;
        if (name != null && !afterDot && !call && !FEEL_WORDS.contains(name)
            && !produced.contains(name)) {
          read.add(name);
        }
      }
    }
    return List.copyOf(read);
  }
}
