package dev.baton.designer.workflow.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.workflow.OperationEntry;
import dev.baton.designer.workflow.OperationRefusedException;
import dev.baton.designer.workflow.WorkflowOperations;
import dev.baton.designer.workflow.WorkflowService;
import dev.baton.engine.workflow.DeployedProcess;
import dev.baton.engine.workflow.ElementInstanceState;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceFilter;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.VariableView;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Operations, Operate-style: process instances filtered (process, version, state, start time, a
 * variable's value) and paged; the selected instance's full diagram with its path, active tokens,
 * incidents and completed counts per element; its variables as a table per scope, editable; its
 * incidents with their message and the job's error, to fix and retry; cancel; modification (add
 * a token, move a token); and the history of what operators changed. Keys print as plain
 * identifiers.
 */
@Route(value = "operations", layout = MainLayout.class)
@Menu(title = "nav.operations", order = 5)
@PageTitle("Baton · Operations")
@RolesAllowed({"OPS", "DEVELOPER", "ADMIN"})
public class OperationsView extends VerticalLayout {
  /** Zeebe's element types that have a message {@code ops.elementType.<type>}. */
  private static final java.util.Set<String> ELEMENT_TYPES = java.util.Set.of("PROCESS",
      "SUB_PROCESS", "EVENT_SUB_PROCESS", "AD_HOC_SUB_PROCESS", "START_EVENT",
      "INTERMEDIATE_CATCH_EVENT", "INTERMEDIATE_THROW_EVENT", "BOUNDARY_EVENT", "END_EVENT",
      "SERVICE_TASK", "RECEIVE_TASK", "USER_TASK", "MANUAL_TASK", "TASK", "EXCLUSIVE_GATEWAY",
      "PARALLEL_GATEWAY", "EVENT_BASED_GATEWAY", "INCLUSIVE_GATEWAY", "SEQUENCE_FLOW",
      "MULTI_INSTANCE_BODY", "CALL_ACTIVITY", "BUSINESS_RULE_TASK", "SCRIPT_TASK", "SEND_TASK");
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 20;
  private final transient WorkflowService service;
  private final transient WorkflowOperations ops;
  private final Texts t = Texts.current();
  // filters
  private final ComboBox<String> process = new ComboBox<>();
  private final IntegerField version = new IntegerField();
  private final Select<Optional<ProcessInstanceState>> state = new Select<>();
  private final DateTimePicker from = new DateTimePicker();
  private final DateTimePicker to = new DateTimePicker();
  private final TextField varName = new TextField();
  private final TextField varValue = new TextField();
  private final Span pageLabel = new Span();
  private final Button previous = new Button();
  private final Button next = new Button();
  private int page;
  private final Grid<ProcessInstanceSummary> instances = new Grid<>();
  // the selected instance
  private Long selectedKey;
  private final Div detailBox = new Div();
  private final H3 detail = new H3();
  private final Button cancel = new Button();
  private final BpmnCanvas diagram = new BpmnCanvas(true);
  private final VerticalLayout variables = new VerticalLayout();
  private final Select<VariableView> editScope = new Select<>();
  private final TextField editName = new TextField();
  private final TextArea editValue = new TextArea();
  private final Button saveVar = new Button();
  private final Button addToken = new Button();
  private final Button moveToken = new Button();
  private final VerticalLayout instanceIncidents = new VerticalLayout();
  private final Select<ElementInstanceView> moveFrom = new Select<>();
  private final ComboBox<String> target = new ComboBox<>();
  private final Grid<ElementInstanceView> path = new Grid<>();
  private final Grid<OperationEntry> log = new Grid<>();
  private final Grid<IncidentView> incidents = new Grid<>();

  public OperationsView(WorkflowService service, WorkflowOperations ops) {
    this.service = service;
    this.ops = ops;
    setWidthFull();
    add(new H2(t.t("ops.title")), filters(), instanceList(), pager(), detailSection(),
        new H4(t.t("ops.incidents")), openIncidents());
    detailBox.setVisible(false);
    refresh();
  }

  // ---------------------------------------------------------------- list and filters

  private FlexLayout filters() {
    process.setId("ops-process");
    process.setLabel(t.t("wf.processId"));
    process.setItems(service.deployed().stream().map(DeployedProcess::bpmnProcessId).distinct()
        .toList());
    process.setClearButtonVisible(true);
    version.setId("ops-version");
    version.setLabel(t.t("wf.version"));
    version.setMin(1);
    version.setWidth("7em");
    state.setId("ops-state");
    state.setLabel(t.t("ops.state"));
    state.setItems(Optional.empty(), Optional.of(ProcessInstanceState.ACTIVE),
        Optional.of(ProcessInstanceState.INCIDENT), Optional.of(ProcessInstanceState.COMPLETED),
        Optional.of(ProcessInstanceState.TERMINATED));
    state.setItemLabelGenerator(s -> s.map(v -> t.t("ops.state." + v)).orElse(t.t("ops.all")));
    state.setValue(Optional.empty());
    state.addValueChangeListener(e -> search());
    from.setId("ops-from");
    from.setLabel(t.t("ops.startedFrom"));
    from.setLocale(t.locale());
    to.setId("ops-to");
    to.setLabel(t.t("ops.startedTo"));
    to.setLocale(t.locale());
    varName.setId("ops-var-filter-name");
    varName.setLabel(t.t("ops.varFilterName"));
    varName.setWidth("10em");
    varValue.setId("ops-var-filter-value");
    varValue.setLabel(t.t("ops.varFilterValue"));
    varValue.setHelperText(t.t("ops.varFilterHelp"));
    varValue.setWidth("12em");
    Button apply = new Button(t.t("ops.search"), e -> search());
    apply.setId("ops-search");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button reset = new Button(t.t("ops.reset"), e -> {
      process.clear();
      version.clear();
      from.clear();
      to.clear();
      varName.clear();
      varValue.clear();
      state.setValue(Optional.empty());
      search();
    });
    reset.setId("ops-reset");
    Button reload = new Button(t.t("ops.refresh"), e -> refresh());
    reload.setId("ops-refresh");
    FlexLayout bar = new FlexLayout(process, version, state, from, to, varName, varValue, apply,
        reset, reload);
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(Alignment.BASELINE);
    bar.getStyle().set("gap", "var(--lumo-space-s)");
    bar.setWidthFull();
    return bar;
  }

  private Grid<ProcessInstanceSummary> instanceList() {
    instances.setId("ops-instances");
    instances.addColumn(i -> key(i.processInstanceKey())).setHeader(t.t("ops.key"))
        .setAutoWidth(true);
    instances.addColumn(ProcessInstanceSummary::bpmnProcessId).setHeader(t.t("wf.processId"))
        .setAutoWidth(true);
    instances.addColumn(i -> Integer.toString(i.version())).setHeader(t.t("wf.version"))
        .setTextAlign(ColumnTextAlign.END);
    instances.addColumn(i -> t.t("ops.state." + i.state())).setHeader(t.t("ops.state"));
    instances.addColumn(i -> t.time(i.startedAt())).setHeader(t.t("ops.started"))
        .setAutoWidth(true);
    instances.addColumn(i -> i.endedAt() == null ? "" : t.time(i.endedAt()))
        .setHeader(t.t("ops.ended")).setAutoWidth(true);
    instances.addColumn(i -> i.parentProcessInstanceKey() == 0 ? ""
        : key(i.parentProcessInstanceKey())).setHeader(t.t("ops.parent"));
    instances.setHeight("340px");
    instances.getStyle().set("flex-shrink", "0");
    instances.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    instances.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(
        s -> show(s.processInstanceKey())));
    return instances;
  }

  private HorizontalLayout pager() {
    previous.setText(t.t("ops.previous"));
    previous.setId("ops-previous");
    previous.addClickListener(e -> {
      page = Math.max(0, page - 1);
      listInstances();
    });
    next.setText(t.t("ops.next"));
    next.setId("ops-next");
    next.addClickListener(e -> {
      page++;
      listInstances();
    });
    pageLabel.setId("ops-page");
    HorizontalLayout bar = new HorizontalLayout(previous, pageLabel, next);
    bar.setAlignItems(Alignment.CENTER);
    return bar;
  }

  private void search() {
    page = 0;
    listInstances();
  }

  /** Lists one page; a filter that cannot be read says why and leaves the list as it was. */
  private void listInstances() {
    InstanceFilter filter;
    try {
      filter = filter(page * PAGE);
    } catch (IllegalArgumentException e) {
      Notices.error(e.getMessage());
      return;
    }
    List<ProcessInstanceSummary> found = ops.instances(filter);
    boolean more = found.size() > PAGE;
    instances.setItems(more ? found.subList(0, PAGE) : found);
    pageLabel.setText(t.t("ops.page", Integer.toString(page + 1)));
    previous.setEnabled(page > 0);
    next.setEnabled(more);
  }

  private InstanceFilter filter(int offset) {
    ZoneId zone = ZoneId.systemDefault();
    String name = varName.getValue().strip();
    String value = varValue.getValue().strip();
    if (!name.isEmpty() && value.isEmpty()) {
      throw new IllegalArgumentException(t.t("ops.err.filterValue", name));
    }
    if (from.getValue() != null && to.getValue() != null && !from.getValue().isBefore(
        to.getValue())) {
      throw new IllegalArgumentException(t.t("ops.err.filterTime"));
    }
    return new InstanceFilter(state.getValue() == null ? null : state.getValue().orElse(null),
        process.getValue() == null || process.getValue().isBlank() ? null : process.getValue(),
        version.getValue(), from.getValue() == null ? null : from.getValue().atZone(zone)
            .toInstant(), to.getValue() == null ? null : to.getValue().atZone(zone).toInstant(),
        name.isEmpty() ? null : name, value.isEmpty() ? null : value, PAGE + 1, offset);
  }

  private void refresh() {
    listInstances();
    incidents.setItems(service.incidents(true));
    if (selectedKey != null) {
      show(selectedKey);
    }
  }

  /** Keys are identifiers: digits only, never grouped. */
  static String key(long key) {
    return Long.toString(key);
  }

  // ---------------------------------------------------------------- the selected instance

  private Div detailSection() {
    detail.setId("ops-detail");
    cancel.setText(t.t("ops.cancel"));
    cancel.setId("ops-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.addClickListener(e -> confirmCancel());
    HorizontalLayout head = new HorizontalLayout(detail, cancel);
    head.setAlignItems(Alignment.BASELINE);
    head.setWidthFull();
    head.expand(detail);
    diagram.setId("ops-diagram");
    diagram.setHeight("600px");
    diagram.onClick(id -> {
      if (target.isEnabled()) {
        target.setValue(id);
      }
    });
    Span legend = new Span(t.t("ops.legend"));
    legend.addClassName("baton-legend");
    legend.getStyle().set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    variables.setId("ops-variables");
    variables.setPadding(false);
    instanceIncidents.setId("ops-instance-incidents");
    instanceIncidents.setPadding(false);
    detailBox.add(head, diagram, legend, new H4(t.t("ops.incidentsOfInstance")),
        instanceIncidents, new H4(t.t("ops.variables")), variables, variableEditor(),
        new H4(t.t("ops.modify")), modification(), new H4(t.t("ops.path")), pathGrid(),
        new H4(t.t("ops.log")), logGrid());
    detailBox.setWidthFull();
    return detailBox;
  }

  private VerticalLayout variableEditor() {
    editScope.setId("ops-var-scope");
    editScope.setLabel(t.t("ops.scope"));
    editScope.setWidth("22em");
    editScope.setItemLabelGenerator(v -> v.elementId() + " (" + key(v.scopeKey()) + ")");
    editName.setId("ops-var-name");
    editName.setLabel(t.t("ops.varName"));
    editValue.setId("ops-var-value");
    editValue.setLabel(t.t("ops.varValue"));
    editValue.setHelperText(t.t("ops.varValueHelp"));
    editValue.setWidth("32em");
    editValue.getStyle().set("font-family", "monospace");
    Button save = saveVar;
    save.setText(t.t("ops.varSave"));
    save.addClickListener(e -> saveVariable());
    save.setId("ops-var-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(editScope, editName, editValue, save);
    row.setAlignItems(Alignment.BASELINE);
    row.getStyle().set("flex-wrap", "wrap");
    VerticalLayout box = new VerticalLayout(new H5(t.t("ops.varEditor")), row);
    box.setPadding(false);
    box.setSpacing(false);
    return box;
  }

  private VerticalLayout modification() {
    target.setId("ops-target");
    target.setLabel(t.t("ops.target"));
    target.setHelperText(t.t("ops.targetHelp"));
    target.setWidth("18em");
    moveFrom.setId("ops-move-from");
    moveFrom.setLabel(t.t("ops.moveFrom"));
    moveFrom.setItemLabelGenerator(e -> e.elementId() + " (" + key(e.elementInstanceKey())
        + ")");
    moveFrom.setWidth("18em");
    Button add = addToken;
    add.setText(t.t("ops.addToken"));
    add.addClickListener(e -> act(() -> ops.addToken(selectedKey, target.getValue()),
        "ops.tokenAdded", target.getValue()));
    add.setId("ops-add-token");
    Button move = moveToken;
    move.setText(t.t("ops.moveToken"));
    move.addClickListener(e -> act(() -> ops.moveToken(selectedKey, moveFrom.getValue(),
        target.getValue()), "ops.tokenMoved", moveFrom.getValue() == null ? ""
        : moveFrom.getValue().elementId(), target.getValue()));
    move.setId("ops-move-token");
    HorizontalLayout row = new HorizontalLayout(target, add, moveFrom, move);
    row.setAlignItems(Alignment.BASELINE);
    row.getStyle().set("flex-wrap", "wrap");
    VerticalLayout box = new VerticalLayout(row);
    box.setPadding(false);
    box.setId("ops-modification");
    return box;
  }

  /** The element type in the user's language; a type without a message shows as its code. */
  private String elementType(String type) {
    return ELEMENT_TYPES.contains(type) ? t.t("ops.elementType." + type) : type;
  }

  private Grid<ElementInstanceView> pathGrid() {
    path.setId("ops-path");
    path.addColumn(ElementInstanceView::elementId).setHeader(t.t("ops.element"))
        .setAutoWidth(true);
    path.addColumn(e -> elementType(e.elementType())).setHeader(t.t("ops.elementType"))
        .setAutoWidth(true);
    path.addColumn(e -> t.t("ops.elementState." + e.state())).setHeader(t.t("ops.state"));
    path.addColumn(e -> key(e.elementInstanceKey())).setHeader(t.t("ops.elementKey"))
        .setAutoWidth(true);
    path.addColumn(e -> t.time(e.startedAt())).setHeader(t.t("ops.started")).setAutoWidth(true);
    path.addColumn(e -> e.endedAt() == null ? "" : t.time(e.endedAt())).setHeader(
        t.t("ops.ended")).setAutoWidth(true);
    path.setAllRowsVisible(true);
    path.addThemeVariants(GridVariant.LUMO_COMPACT);
    return path;
  }

  private Grid<OperationEntry> logGrid() {
    log.setId("ops-log");
    log.addColumn(e -> t.time(e.doneAt())).setHeader(t.t("ops.when")).setAutoWidth(true);
    log.addColumn(OperationEntry::doneBy).setHeader(t.t("ops.who"));
    log.addColumn(e -> t.t("ops.action." + e.action())).setHeader(t.t("ops.action"))
        .setAutoWidth(true);
    log.addColumn(e -> e.subject() + " (" + key(e.scopeKey()) + ")").setHeader(
        t.t("ops.subject")).setAutoWidth(true);
    log.addColumn(e -> e.oldValue() == null ? "" : e.oldValue()).setHeader(t.t("ops.before"))
        .setFlexGrow(2);
    log.addColumn(e -> e.newValue() == null ? "" : e.newValue()).setHeader(t.t("ops.after"))
        .setFlexGrow(2);
    log.setAllRowsVisible(true);
    log.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    return log;
  }

  private void show(long processInstanceKey) {
    Optional<ProcessInstanceDetail> found = service.instance(processInstanceKey);
    if (found.isEmpty()) {
      Notices.error(t.t("ops.gone", key(processInstanceKey)));
      return;
    }
    ProcessInstanceDetail d = found.get();
    ProcessInstanceSummary s = d.summary();
    Optional<String> xml = service.deployedXml(s.processDefinitionKey());
    selectedKey = processInstanceKey;
    detailBox.setVisible(true);
    boolean running = s.state() == ProcessInstanceState.ACTIVE
        || s.state() == ProcessInstanceState.INCIDENT;
    detail.setText(t.t("ops.detail", key(s.processInstanceKey()), s.bpmnProcessId(),
        Integer.toString(s.version()), t.t("ops.state." + s.state())));
    detail.getElement().setAttribute("data-state", s.state().name());
    cancel.setEnabled(running);
    xml.ifPresent(x -> {
      if (!x.equals(diagram.xml())) {
        diagram.setXml(x);
      }
      diagram.showPath(pathJson(d, x));
    });
    showIncidents(processInstanceKey, running);
    showVariables(processInstanceKey, running);
    target.setItems(xml.map(OperationsView::flowNodes).orElse(List.of()));
    target.setEnabled(running);
    List<ElementInstanceView> tokens = d.path().stream()
        .filter(e -> e.state() == ElementInstanceState.ACTIVE && !"PROCESS".equals(
            e.elementType())).toList();
    moveFrom.setItems(tokens);
    moveFrom.setEnabled(running && !tokens.isEmpty());
    addToken.setEnabled(running);
    moveToken.setEnabled(running);
    saveVar.setEnabled(running);
    path.setItems(d.path());
    log.setItems(ops.log(processInstanceKey));
  }

  /** Markers, taken flows and per-element counts for the diagram. */
  private static String pathJson(ProcessInstanceDetail d, String xml) {
    ObjectNode json = JSON.createObjectNode();
    var done = json.putArray("completed");
    var active = json.putArray("active");
    var broken = json.putArray("incidents");
    ObjectNode counts = json.putObject("counts");
    Set<String> left = new TreeSet<>();
    Set<String> entered = new TreeSet<>();
    for (ElementInstanceView e : d.path()) {
      entered.add(e.elementId());
      if (e.state() == ElementInstanceState.ACTIVE) {
        active.add(e.elementId());
      } else {
        done.add(e.elementId());
      }
      if (e.state() == ElementInstanceState.COMPLETED) {
        left.add(e.elementId());
      }
      if ("PROCESS".equals(e.elementType()) || "MULTI_INSTANCE_BODY".equals(e.elementType())) {
        continue;
      }
      ObjectNode c = counts.has(e.elementId()) ? (ObjectNode) counts.get(e.elementId())
          : counts.putObject(e.elementId());
      String field = switch (e.state()) {
        case ACTIVE -> "active";
        case COMPLETED -> "completed";
        case TERMINATED -> "terminated";
      };
      c.put(field, c.path(field).asInt() + 1);
    }
    for (IncidentView i : d.openIncidents()) {
      broken.add(i.elementId());
      ObjectNode c = counts.has(i.elementId()) ? (ObjectNode) counts.get(i.elementId())
          : counts.putObject(i.elementId());
      c.put("incidents", c.path("incidents").asInt() + 1);
    }
    var flows = json.putArray("flows");
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
      for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
        // taken as far as the history tells: its source was left and its target entered
        if (left.contains(f.getSource().getId()) && entered.contains(f.getTarget().getId())) {
          flows.add(f.getId());
        }
      }
    } catch (RuntimeException e) {
      // a diagram the model reader cannot read still gets its element markers
    }
    return json.toString();
  }

  /** The diagram's flow nodes a token can be put on, by id. */
  private static List<String> flowNodes(String xml) {
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
      return model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
          .sorted().toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private void showVariables(long processInstanceKey, boolean running) {
    variables.removeAll();
    List<VariableView> all = ops.variables(processInstanceKey);
    Map<Long, List<VariableView>> byScope = all.stream().collect(Collectors.groupingBy(
        VariableView::scopeKey, LinkedHashMap::new, Collectors.toList()));
    List<VariableView> scopes = new ArrayList<>();
    byScope.forEach((scope, vars) -> {
      VariableView first = vars.get(0);
      scopes.add(first);
      H5 title = new H5(t.t(scope == processInstanceKey ? "ops.rootScope" : "ops.localScope",
          first.elementId(), key(scope)));
      Grid<VariableView> grid = new Grid<>();
      grid.setId("ops-vars-" + key(scope));
      grid.addClassName("ops-vars");
      grid.addColumn(VariableView::name).setHeader(t.t("ops.varName")).setAutoWidth(true)
          .setFlexGrow(0);
      grid.addComponentColumn(v -> {
        Pre pre = new Pre(pretty(v.value()));
        pre.getStyle().set("margin", "0").set("white-space", "pre-wrap")
            .set("font-size", "var(--lumo-font-size-s)");
        return pre;
      }).setHeader(t.t("ops.varValue")).setFlexGrow(1);
      grid.addComponentColumn(v -> {
        Button edit = new Button(t.t("ops.varEdit"), e -> {
          editScope.setValue(scopes.stream().filter(s -> s.scopeKey() == v.scopeKey())
              .findFirst().orElse(null));
          editName.setValue(v.name());
          editValue.setValue(pretty(v.value()));
          editValue.focus();
        });
        edit.setId("ops-var-edit-" + key(v.scopeKey()) + "-" + v.name());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setEnabled(running);
        return edit;
      }).setHeader("").setAutoWidth(true).setFlexGrow(0);
      grid.setItems(vars);
      grid.setAllRowsVisible(true);
      grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
      variables.add(title, grid);
    });
    if (all.isEmpty()) {
      variables.add(new Span(t.t("ops.noVariables")));
    }
    if (scopes.isEmpty()) {
      scopes.add(new VariableView(processInstanceKey, "", "", ""));
    }
    VariableView keep = editScope.getValue();
    editScope.setItems(scopes);
    editScope.setValue(keep == null ? scopes.get(0) : scopes.stream().filter(
        s -> s.scopeKey() == keep.scopeKey()).findFirst().orElse(scopes.get(0)));
    editScope.setEnabled(running);
    editName.setEnabled(running);
    editValue.setEnabled(running);
  }

  private static String pretty(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }

  private void saveVariable() {
    if (selectedKey == null || editScope.getValue() == null) {
      return;
    }
    editValue.setInvalid(false);
    try {
      ops.setVariable(selectedKey, editScope.getValue().scopeKey(), editName.getValue(),
          editValue.getValue());
      Notices.ok(t.t("ops.varSaved", editName.getValue().strip(), editScope.getValue()
          .elementId()));
    } catch (OperationRefusedException e) {
      String message = t.t(e.key(), e.args());
      if (e.key().startsWith("ops.err.")) {
        editValue.setErrorMessage(message);
        editValue.setInvalid(true);
      }
      Notices.error(message);
      return;
    }
    show(selectedKey);
  }

  private void showIncidents(long processInstanceKey, boolean running) {
    instanceIncidents.removeAll();
    List<IncidentView> all = ops.incidents(processInstanceKey);
    if (all.isEmpty()) {
      instanceIncidents.add(new Span(t.t("ops.noIncidents")));
    }
    for (IncidentView i : all) {
      instanceIncidents.add(incidentCard(i, running));
    }
  }

  private Div incidentCard(IncidentView i, boolean running) {
    Div card = new Div();
    card.setId("ops-incident-" + key(i.incidentKey()));
    card.addClassName("ops-incident");
    card.getStyle().set("border", "1px solid " + (i.resolved() ? "var(--lumo-contrast-20pct)"
        : "var(--lumo-error-color)")).set("border-radius", "var(--lumo-border-radius-m)")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%")
        .set("box-sizing", "border-box");
    Span head = new Span(t.t(i.resolved() ? "ops.incidentResolved" : "ops.incidentOpen",
        i.elementId(), i.errorType(), t.time(i.createdAt()), t.time(i.resolvedAt())));
    head.getStyle().set("font-weight", "600");
    // the message in the reader's language, then the engine's original (what the Camunda API
    // returns, to search for)
    Div reason = new Div(new dev.baton.designer.i18n.EngineTexts(t).incidentComponent(i, false));
    reason.addClassName("ops-incident-reason");
    reason.getStyle().set("margin-top", "var(--lumo-space-xs)");
    Span original = new Span(t.t("ops.incidentOriginal"));
    original.addClassName("ops-incident-original");
    original.getStyle().set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    Pre message = new Pre(i.errorMessage());
    message.addClassName("ops-incident-message");
    message.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
    card.add(head, reason, original, message);
    if (i.jobKey() != 0) {
      Span job = new Span(ops.job(i.jobKey()).map(j -> t.t("ops.job", key(j.jobKey()),
          j.type(), Integer.toString(j.retries()), j.worker().isEmpty() ? "-" : j.worker(),
          j.errorMessage().isEmpty() ? t.t("ops.noJobError") : j.errorMessage()))
          .orElse(t.t("ops.jobGone", key(i.jobKey()))));
      job.addClassName("ops-incident-job");
      card.add(new Div(job));
    }
    if (!i.resolved() && running) {
      IntegerField retries = new IntegerField(t.t("ops.retries"));
      retries.setId("ops-inc-retries-" + key(i.incidentKey()));
      retries.setValue(3);
      retries.setMin(1);
      retries.setMax(9999);
      retries.setStepButtonsVisible(true);
      retries.setWidth("8em");
      retries.setVisible(i.jobKey() != 0);
      Button retry = new Button(t.t("ops.retry"), e -> act(() -> ops.retry(i,
          retries.getValue() == null ? 0 : retries.getValue()), i.jobKey() == 0
          ? "ops.resolved" : "ops.retriedN", i.elementId(), key(i.processInstanceKey()),
          String.valueOf(retries.getValue())));
      retry.setId("ops-inc-retry-" + key(i.incidentKey()));
      retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      Button resolve = new Button(t.t("ops.resolve"), e -> act(() -> ops.resolve(i),
          "ops.resolved", i.elementId(), key(i.processInstanceKey())));
      resolve.setId("ops-inc-resolve-" + key(i.incidentKey()));
      resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      HorizontalLayout actions = new HorizontalLayout(retries, retry, resolve);
      actions.setAlignItems(Alignment.BASELINE);
      Span hint = new Span(t.t("ops.fixHint"));
      hint.getStyle().set("font-size", "var(--lumo-font-size-s)")
          .set("color", "var(--lumo-secondary-text-color)");
      card.add(actions, hint);
    }
    return card;
  }

  private void confirmCancel() {
    if (selectedKey == null) {
      return;
    }
    long instance = selectedKey;
    ConfirmDialog ask = new ConfirmDialog();
    ask.setId("ops-cancel-dialog");
    ask.setHeader(t.t("ops.cancelTitle", key(instance)));
    ask.setText(t.t("ops.cancelText"));
    ask.setConfirmText(t.t("ops.cancelConfirm"));
    ask.setConfirmButtonTheme("error primary");
    ask.setCancelable(true);
    ask.setCancelText(t.t("ops.cancelKeep"));
    ask.addConfirmListener(e -> act(() -> ops.cancel(instance), "ops.canceled",
        key(instance)));
    ask.open();
  }

  // ---------------------------------------------------------------- open incidents (all)

  private Grid<IncidentView> openIncidents() {
    incidents.setId("ops-incidents");
    incidents.addColumn(i -> key(i.processInstanceKey())).setHeader(t.t("ops.key"))
        .setAutoWidth(true);
    incidents.addColumn(IncidentView::elementId).setHeader(t.t("ops.element"))
        .setAutoWidth(true);
    incidents.addColumn(IncidentView::errorType).setHeader(t.t("ops.errorType"))
        .setAutoWidth(true);
    incidents.addComponentColumn(i -> new dev.baton.designer.i18n.EngineTexts(t)
        .incidentComponent(i, true)).setHeader(t.t("ops.error")).setTooltipGenerator(
            IncidentView::errorMessage).setFlexGrow(3);
    incidents.addColumn(i -> t.time(i.createdAt())).setHeader(t.t("ops.created"));
    incidents.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    incidents.setAllRowsVisible(true);
    incidents.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    return incidents;
  }

  private HorizontalLayout actions(IncidentView i) {
    Button open = new Button(t.t("ops.open"), e -> show(i.processInstanceKey()));
    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    open.setId("ops-open-" + key(i.incidentKey()));
    Button retry = new Button(t.t("ops.retry"), e -> act(() -> ops.retry(i, 3),
        i.jobKey() == 0 ? "ops.resolved" : "ops.retried", i.elementId(),
        key(i.processInstanceKey())));
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
    retry.setId("ops-retry-" + key(i.incidentKey()));
    Button resolve = new Button(t.t("ops.resolve"), e -> act(() -> ops.resolve(i),
        "ops.resolved", i.elementId(), key(i.processInstanceKey())));
    resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    resolve.setId("ops-resolve-" + key(i.incidentKey()));
    return new HorizontalLayout(open, retry, resolve);
  }

  private void act(Runnable action, String done, Object... args) {
    try {
      action.run();
      Notices.ok(t.t(done, args));
    } catch (OperationRefusedException e) {
      Notices.error(t.t(e.key(), e.args()));
    } catch (RuntimeException e) {
      Notices.error(t.t("ops.failed", e.getMessage()));
    }
    refresh();
  }
}
