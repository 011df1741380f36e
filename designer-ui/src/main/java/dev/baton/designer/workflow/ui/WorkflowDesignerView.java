package dev.baton.designer.workflow.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import dev.baton.designer.workflow.LintFinding;
import dev.baton.designer.workflow.ElementProblem;
import dev.baton.designer.workflow.WorkflowLint;
import dev.baton.designer.workflow.TaskTypes;
import dev.baton.designer.workflow.WorkflowRefusedException;
import dev.baton.designer.workflow.WorkflowService;
import dev.baton.designer.workflow.WorkflowVersion;
import dev.baton.engine.workflow.DeployedProcess;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow designer: bpmn-js with a Baton panel (task types, and a properties form for task
 * type, retries, headers, FEEL input/output mappings and message correlation keys). Check (and
 * Deploy, which checks first) lints the diagram ({@link WorkflowLint}) and draws each finding on
 * its element: errors stop the deployment, warnings ask first; the engine's own refusal is drawn
 * the same way. Start opens a form for the variables the input mappings read ({@link
 * StartDialog}). Saved versions and
 * deployed versions are listed below; {@code .bpmn} files go in and out unchanged.
 */
@Route(value = "workflows", layout = MainLayout.class)
@Menu(title = "nav.workflows", order = 4)
@PageTitle("Baton · Workflows")
@RolesAllowed({"DEVELOPER", "ADMIN"})
public class WorkflowDesignerView extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient WorkflowService service;
  private final Texts t = Texts.current();
  private final BpmnCanvas canvas = new BpmnCanvas(false);
  private final Span element = new Span();
  private final TextField name = new TextField();
  private final TextField taskType = new TextField();
  private final TextField retries = new TextField();
  private final TextArea headers = new TextArea();
  private final TextArea inputs = new TextArea();
  private final TextArea outputs = new TextArea();
  private final TextField messageName = new TextField();
  private final TextField correlationKey = new TextField();
  private final Div lint = new Div();
  private final Grid<WorkflowVersion> versions = new Grid<>();
  private final Grid<DeployedProcess> deployed = new Grid<>();
  private transient JsonNode selected;
  private String fileName = "workflow.bpmn";

  public WorkflowDesignerView(WorkflowService service) {
    this.service = service;
    setSizeFull();
    add(new H2(t.t("wf.title")), toolbar());
    canvas.setId("wf-canvas");
    canvas.onImportError(e -> Notices.error(t.t("wf.importFailed", e)));
    canvas.onSelect(this::select);
    lint.setId("wf-lint");
    lint.addClassName("wf-lint");
    VerticalLayout panel = panel();
    // the canvas takes the room the panel leaves and never goes under it (min-width 0 lets it
    // shrink), the panel keeps its width and scrolls on its own
    canvas.getStyle().set("min-width", "0");
    panel.getStyle().set("flex-shrink", "0").set("overflow", "auto").set("max-height", "560px");
    HorizontalLayout main = new HorizontalLayout(canvas, panel);
    main.setWidthFull();
    main.setFlexGrow(1, canvas);
    add(lint, main, lists());
    canvas.setXml(service.shippedXml());
    fileName = WorkflowService.SHIPPED_NAME;
    refresh();
  }

  private HorizontalLayout toolbar() {
    Button fresh = new Button(t.t("wf.new"), e -> {
      canvas.setXml(service.newXml());
      fileName = "workflow.bpmn";
    });
    fresh.setId("wf-new");
    Button shipped = new Button(t.t("wf.openShipped"), e -> {
      canvas.setXml(service.shippedXml());
      fileName = WorkflowService.SHIPPED_NAME;
    });
    shipped.setId("wf-open-shipped");
    Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
      UI ui = UI.getCurrent();
      ui.access(() -> {
        fileName = meta.fileName();
        canvas.setXml(new String(bytes, StandardCharsets.UTF_8));
      });
    }));
    upload.setId("wf-import");
    upload.setAcceptedFileTypes(".bpmn", ".xml");
    upload.setMaxFileSize(4 * 1024 * 1024);
    upload.setUploadButton(new Button(t.t("wf.import")));
    upload.setDropLabel(new Span(t.t("wf.dropFile")));
    Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
      byte[] bytes = canvas.xml().getBytes(StandardCharsets.UTF_8);
      return new DownloadResponse(new ByteArrayInputStream(bytes), fileName,
          "application/xml", bytes.length);
    }), t.t("wf.export"));
    export.setId("wf-export");
    export.getElement().setAttribute("download", true);
    Button save = new Button(t.t("wf.save"), e -> save());
    save.setId("wf-save");
    Button check = new Button(t.t("wf.check"), e -> check());
    check.setId("wf-check");
    Button deploy = new Button(t.t("wf.deploy"), e -> deploy());
    deploy.setId("wf-deploy");
    deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button start = new Button(t.t("wf.start") + "…", e -> start());
    start.setId("wf-start");
    HorizontalLayout bar = new HorizontalLayout(fresh, shipped, upload, export, save, check,
        deploy, start);
    bar.setAlignItems(Alignment.BASELINE);
    bar.setWrap(true);
    return bar;
  }

  private VerticalLayout panel() {
    VerticalLayout types = new VerticalLayout(new H4(t.t("wf.taskTypes")));
    types.addClassName("baton-task-types");
    types.setPadding(false);
    types.setSpacing(false);
    for (String type : TaskTypes.ALL) {
      Button b = new Button(type, e -> {
        if (selected == null || !selected.path("task").asBoolean()) {
          Notices.error(t.t("wf.selectTask"));
          return;
        }
        taskType.setValue(type);
        if (retries.isEmpty()) {
          retries.setValue("3");
        }
        apply();
      });
      b.setId("task-type-" + type.replace('.', '-'));
      b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      types.add(b);
    }
    element.setId("wf-element");
    name.setLabel(t.t("wf.name"));
    name.setId("wf-name");
    taskType.setLabel(t.t("wf.taskType"));
    taskType.setId("wf-task-type");
    retries.setLabel(t.t("wf.retries"));
    retries.setId("wf-retries");
    headers.setLabel(t.t("wf.headers"));
    headers.setHelperText(t.t("wf.headersHelp"));
    headers.setId("wf-headers");
    inputs.setLabel(t.t("wf.inputs"));
    inputs.setHelperText(t.t("wf.mappingHelp"));
    inputs.setId("wf-inputs");
    outputs.setLabel(t.t("wf.outputs"));
    outputs.setHelperText(t.t("wf.mappingHelp"));
    outputs.setId("wf-outputs");
    messageName.setLabel(t.t("wf.messageName"));
    messageName.setId("wf-message-name");
    correlationKey.setLabel(t.t("wf.correlationKey"));
    correlationKey.setId("wf-correlation-key");
    Button apply = new Button(t.t("wf.apply"), e -> apply());
    apply.setId("wf-apply");
    VerticalLayout panel = new VerticalLayout(types, new H4(t.t("wf.properties")), element, name,
        taskType, retries, headers, inputs, outputs, messageName, correlationKey, apply);
    panel.setWidth("320px");
    panel.setPadding(false);
    List.of(name, taskType, retries, headers, inputs, outputs, messageName, correlationKey)
        .forEach(f -> ((com.vaadin.flow.component.HasSize) f).setWidthFull());
    select(null);
    return panel;
  }

  private VerticalLayout lists() {
    versions.setId("wf-versions");
    versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    versions.addColumn(WorkflowVersion::processId).setHeader(t.t("wf.processId"));
    versions.addColumn(WorkflowVersion::version).setHeader(t.t("wf.version"));
    versions.addColumn(WorkflowVersion::savedBy).setHeader(t.t("wf.savedBy"));
    versions.addColumn(v -> t.time(v.savedAt())).setHeader(t.t("wf.savedAt"));
    versions.addComponentColumn(v -> new Button(t.t("wf.open"), e -> {
      fileName = v.resourceName();
      canvas.setXml(v.xml());
    })).setHeader("");
    versions.setAllRowsVisible(true);
    deployed.setId("wf-deployed");
    deployed.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    deployed.addColumn(DeployedProcess::bpmnProcessId).setHeader(t.t("wf.processId"));
    deployed.addColumn(DeployedProcess::version).setHeader(t.t("wf.version"));
    deployed.addColumn(DeployedProcess::processDefinitionKey).setHeader(t.t("wf.key"))
        .setAutoWidth(true); // a long number does not wrap
    deployed.addColumn(DeployedProcess::resourceName).setHeader(t.t("wf.resource"))
        .setAutoWidth(true); // a file name does not wrap
    deployed.addColumn(d -> d.deployedAt() == null ? "" : t.time(d.deployedAt()))
        .setHeader(t.t("wf.deployedAt"));
    deployed.setAllRowsVisible(true);
    HorizontalLayout both = new HorizontalLayout(
        new VerticalLayout(new H4(t.t("wf.savedVersions")), versions),
        new VerticalLayout(new H4(t.t("wf.deployedVersions")), deployed));
    both.setWidthFull();
    return new VerticalLayout(both);
  }

  private void refresh() {
    versions.setItems(service.versions());
    deployed.setItems(service.deployed());
  }

  private void select(String json) {
    try {
      selected = json == null ? null : JSON.readTree(json);
    } catch (java.io.IOException e) {
      selected = null;
    }
    boolean any = selected != null;
    boolean task = any && selected.path("task").asBoolean();
    boolean message = any && selected.path("message").asBoolean();
    element.setText(any ? selected.path("id").asText() + " · "
        + selected.path("type").asText().replace("bpmn:", "") : t.t("wf.nothingSelected"));
    name.setEnabled(any);
    name.setValue(any ? selected.path("name").asText() : "");
    for (var f : List.of(taskType, retries)) {
      f.setEnabled(task);
    }
    for (var f : List.of(headers, inputs, outputs)) {
      f.setEnabled(task);
    }
    taskType.setValue(task ? selected.path("taskType").asText() : "");
    retries.setValue(task ? selected.path("retries").asText() : "");
    headers.setValue(task ? lines(selected.path("headers"), "=") : "");
    inputs.setValue(task ? lines(selected.path("inputs"), " = ") : "");
    outputs.setValue(task ? lines(selected.path("outputs"), " = ") : "");
    messageName.setEnabled(message);
    correlationKey.setEnabled(message);
    messageName.setValue(message ? selected.path("messageName").asText() : "");
    correlationKey.setValue(message ? selected.path("correlationKey").asText() : "");
  }

  private static String lines(JsonNode pairs, String sep) {
    List<String> out = new ArrayList<>();
    pairs.forEach(p -> out.add(p.get(0).asText() + sep + p.get(1).asText()));
    return String.join("\n", out);
  }

  private ArrayNode pairs(String text, String field) {
    ArrayNode out = JSON.createArrayNode();
    int n = 0;
    for (String line : text.split("\\R")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(t.t("wf.badLine", field, n, line.strip()));
      }
      out.addArray().add(line.substring(0, eq).strip()).add(line.substring(eq + 1).strip());
    }
    return out;
  }

  private void apply() {
    if (selected == null) {
      Notices.error(t.t("wf.nothingSelected"));
      return;
    }
    ObjectNode p = JSON.createObjectNode();
    try {
      p.put("name", name.getValue());
      p.put("task", selected.path("task").asBoolean());
      p.put("taskType", taskType.getValue().strip());
      String r = retries.getValue().strip();
      if (!r.isEmpty() && !r.matches("\\d{1,4}")) {
        throw new IllegalArgumentException(t.t("wf.badRetries", r));
      }
      p.put("retries", r);
      p.set("headers", pairs(headers.getValue(), t.t("wf.headers")));
      p.set("inputs", pairs(inputs.getValue(), t.t("wf.inputs")));
      p.set("outputs", pairs(outputs.getValue(), t.t("wf.outputs")));
      p.put("messageName", messageName.getValue().strip());
      p.put("correlationKey", correlationKey.getValue().strip());
    } catch (IllegalArgumentException e) {
      Notices.error(e.getMessage());
      return;
    }
    canvas.apply(selected.path("id").asText(), p.toString());
  }

  private void save() {
    try {
      WorkflowVersion v = service.save(canvas.xml(), "");
      Notices.ok(t.t("wf.saved", v.processId(), v.version()));
      refresh();
    } catch (WorkflowRefusedException e) {
      Notices.error(t.t("wf.refused", e.getMessage()));
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  /** Lints the diagram and shows the findings on it and above it; the findings. */
  private List<LintFinding> check() {
    List<LintFinding> findings = WorkflowLint.check(canvas.xml());
    // one note per element (several findings on one element are joined, not stacked)
    java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
    java.util.Set<String> blocking = new java.util.HashSet<>();
    lint.removeAll();
    for (LintFinding f : findings) {
      if (!f.elementId().isEmpty()) {
        notes.computeIfAbsent(f.elementId(), k -> new ArrayList<>())
            .add(t.t(f.key(), f.args().toArray()));
        if (f.blocking()) {
          blocking.add(f.elementId());
        }
      }
    }
    ArrayNode placed = JSON.createArrayNode();
    notes.forEach((id, texts) -> placed.addObject().put("id", id)
        .put("message", String.join(" • ", texts)).put("warning", !blocking.contains(id)));
    canvas.showProblems(placed.toString());
    lint.getElement().setAttribute("data-findings", String.valueOf(findings.size()));
    lint.getElement().setAttribute("data-blocking",
        String.valueOf(findings.stream().filter(LintFinding::blocking).count()));
    if (findings.isEmpty()) {
      Span ok = new Span(t.t("wf.lint.clean"));
      ok.addClassName("wf-lint-clean");
      lint.add(ok);
      return findings;
    }
    lint.add(new Span(t.t("wf.lint.summary", findings.stream().filter(LintFinding::blocking)
        .count(), findings.stream().filter(f -> !f.blocking()).count())));
    UnorderedList list = new UnorderedList();
    for (LintFinding f : findings) {
      ListItem li = new ListItem(t.t(f.blocking() ? "wf.lint.error" : "wf.lint.warning",
          f.elementId().isEmpty() ? t.t("wf.lint.diagram") : f.elementId(),
          t.t(f.key(), f.args().toArray())));
      li.addClassName(f.blocking() ? "wf-lint-error" : "wf-lint-warning");
      li.getElement().setAttribute("data-element", f.elementId());
      list.add(li);
    }
    lint.add(list);
    return findings;
  }

  /**
   * Deploys after the lint: blocking findings stop it (nothing is sent), warnings ask first.
   */
  private void deploy() {
    List<LintFinding> findings = check();
    if (WorkflowLint.blocking(findings)) {
      Notices.error(t.t("wf.lint.blocked", findings.stream().filter(LintFinding::blocking)
          .count()));
      return;
    }
    if (!findings.isEmpty()) {
      ConfirmDialog ask = new ConfirmDialog();
      ask.setId("wf-lint-confirm");
      ask.setHeader(t.t("wf.lint.confirm.title"));
      ask.setText(t.t("wf.lint.confirm.text", findings.size()));
      ask.setConfirmText(t.t("wf.lint.confirm.deploy"));
      ask.setCancelable(true);
      ask.setCancelText(t.t("wf.lint.confirm.fix"));
      ask.addConfirmListener(e -> deployNow());
      ask.open();
      return;
    }
    deployNow();
  }

  private void deployNow() {
    try {
      String xml = canvas.xml();
      DeployedProcess d = service.deploy(xml, WorkflowService.processId(xml) + ".bpmn");
      Notices.ok(t.t("wf.deployed", d.bpmnProcessId(), d.version()));
      refresh();
    } catch (WorkflowRefusedException e) {
      ArrayNode problems = JSON.createArrayNode();
      for (ElementProblem p : e.problems()) {
        problems.addObject().put("id", p.elementId()).put("message", p.message());
      }
      canvas.showProblems(problems.toString());
      Notices.error(t.t("wf.refused", e.getMessage()));
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  /** Opens the start dialog: a field per variable the input mappings read. */
  private void start() {
    String xml = canvas.xml();
    String processId;
    try {
      processId = WorkflowService.processId(xml);
    } catch (RuntimeException e) {
      Notices.error(t.t("wf.startNoProcess", e.getMessage()));
      return;
    }
    new StartDialog(t, processId, WorkflowLint.startVariables(xml), json -> {
      if (service.deployed().stream().noneMatch(d -> d.bpmnProcessId().equals(processId))) {
        return t.t("wf.startNotDeployed", processId);
      }
      try {
        long key = service.start(processId, json);
        Notices.ok(t.t("wf.started", processId, key));
        return null;
      } catch (RuntimeException e) {
        return t.t("wf.startFailed", processId, String.valueOf(e.getMessage()));
      }
    }).open();
  }
}
