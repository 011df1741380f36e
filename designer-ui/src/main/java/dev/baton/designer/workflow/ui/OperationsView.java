package dev.baton.designer.workflow.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.workflow.WorkflowService;
import dev.baton.engine.workflow.ElementInstanceState;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * Operations: process instances (active, with incidents, completed) with the path each took
 * drawn on its diagram, and incidents with their error, retry and resolve.
 */
@Route(value = "operations", layout = MainLayout.class)
@PageTitle("Baton · Operations")
@RolesAllowed({"OPS", "DEVELOPER", "ADMIN"})
public class OperationsView extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient WorkflowService service;
  private final Texts t = Texts.current();
  private final Select<Optional<ProcessInstanceState>> state = new Select<>();
  private final Grid<ProcessInstanceSummary> instances = new Grid<>();
  private final Grid<IncidentView> incidents = new Grid<>();
  private final BpmnCanvas diagram = new BpmnCanvas(true);
  private final Span detail = new Span();

  public OperationsView(WorkflowService service) {
    this.service = service;
    setSizeFull();
    state.setId("ops-state");
    state.setLabel(t.t("ops.state"));
    state.setItems(Optional.empty(), Optional.of(ProcessInstanceState.ACTIVE),
        Optional.of(ProcessInstanceState.INCIDENT), Optional.of(ProcessInstanceState.COMPLETED),
        Optional.of(ProcessInstanceState.TERMINATED));
    state.setItemLabelGenerator(s -> s.map(v -> t.t("ops.state." + v)).orElse(t.t("ops.all")));
    state.setValue(Optional.empty());
    state.addValueChangeListener(e -> refresh());
    Button reload = new Button(t.t("ops.refresh"), e -> refresh());
    reload.setId("ops-refresh");
    HorizontalLayout bar = new HorizontalLayout(state, reload);
    bar.setAlignItems(Alignment.BASELINE);
    instances.setId("ops-instances");
    instances.addColumn(ProcessInstanceSummary::processInstanceKey).setHeader(t.t("ops.key"));
    instances.addColumn(ProcessInstanceSummary::bpmnProcessId).setHeader(t.t("wf.processId"));
    instances.addColumn(ProcessInstanceSummary::version).setHeader(t.t("wf.version"));
    instances.addColumn(i -> t.t("ops.state." + i.state())).setHeader(t.t("ops.state"));
    instances.addColumn(i -> t.time(i.startedAt())).setHeader(t.t("ops.started"));
    instances.addColumn(i -> i.endedAt() == null ? "" : t.time(i.endedAt()))
        .setHeader(t.t("ops.ended"));
    instances.setHeight("260px");
    instances.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
    diagram.setId("ops-diagram");
    diagram.setHeight("420px");
    detail.setId("ops-detail");
    incidents.setId("ops-incidents");
    incidents.addColumn(IncidentView::processInstanceKey).setHeader(t.t("ops.key"));
    incidents.addColumn(IncidentView::elementId).setHeader(t.t("ops.element"));
    incidents.addColumn(IncidentView::errorType).setHeader(t.t("ops.errorType"));
    incidents.addColumn(IncidentView::errorMessage).setHeader(t.t("ops.error"))
        .setFlexGrow(3);
    incidents.addColumn(i -> t.time(i.createdAt())).setHeader(t.t("ops.created"));
    incidents.addComponentColumn(this::actions).setHeader("");
    incidents.setAllRowsVisible(true);
    add(new H2(t.t("ops.title")), bar, instances, detail, diagram,
        new H4(t.t("ops.incidents")), incidents);
    refresh();
  }

  private HorizontalLayout actions(IncidentView i) {
    Button retry = new Button(t.t("ops.retry"), e -> act(() -> service.retry(i, 3),
        "ops.retried", i));
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
    retry.setId("ops-retry-" + i.incidentKey());
    Button resolve = new Button(t.t("ops.resolve"), e -> act(() -> service.resolve(i),
        "ops.resolved", i));
    resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    resolve.setId("ops-resolve-" + i.incidentKey());
    return new HorizontalLayout(retry, resolve);
  }

  private void act(Runnable action, String done, IncidentView i) {
    try {
      action.run();
      Notices.ok(t.t(done, i.elementId(), i.processInstanceKey()));
    } catch (RuntimeException e) {
      Notices.error(t.t("ops.failed", e.getMessage()));
    }
    refresh();
  }

  private void refresh() {
    InstanceQuery q = InstanceQuery.newest().page(200, 0);
    instances.setItems(service.instances(state.getValue() == null ? q
        : state.getValue().map(q::withState).orElse(q)));
    incidents.setItems(service.incidents(true));
  }

  private void show(ProcessInstanceSummary s) {
    Optional<ProcessInstanceDetail> d = service.instance(s.processInstanceKey());
    Optional<String> xml = service.deployedXml(s.processDefinitionKey());
    if (d.isEmpty() || xml.isEmpty()) {
      detail.setText(t.t("ops.gone", s.processInstanceKey()));
      return;
    }
    ObjectNode path = JSON.createObjectNode();
    var done = path.putArray("completed");
    var active = path.putArray("active");
    var broken = path.putArray("incidents");
    for (ElementInstanceView e : d.get().path()) {
      if (e.state() == ElementInstanceState.ACTIVE) {
        active.add(e.elementId());
      } else {
        done.add(e.elementId());
      }
    }
    d.get().openIncidents().forEach(i -> broken.add(i.elementId()));
    detail.setText(t.t("ops.detail", s.processInstanceKey(), s.bpmnProcessId(),
        t.t("ops.state." + s.state()), d.get().path().size(), d.get().variables()));
    diagram.setXml(xml.get());
    diagram.showPath(path.toString());
  }
}
