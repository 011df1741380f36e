package dev.baton.designer.packs.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.BackgroundWork;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.RulePackService;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.audit.BacktestReport;
import dev.baton.engine.audit.Cancellation;
import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackEvent;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.repository.PublishedVersion;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's versions: history, a semantic diff side by side between any two versions (or the
 * draft), publish with a note, roll back, and a backtest of the draft against recorded decisions
 * with progress and a chart of the flips.
 */
@Route(value = PackRoutes.VERSIONS, layout = MainLayout.class)
@RolesAllowed({"ANALYST", "OPS", "REVIEWER", "AUDITOR", "DEVELOPER", "ADMIN"})
public class VersionsView extends VerticalLayout implements BeforeEnterObserver,
    HasDynamicTitle {
  private static final long serialVersionUID = 1L;

  private final transient BackgroundWork work;
  private final transient RulePackService service;
  private final Texts t = Texts.current();
  private String packId;
  private final Grid<PublishedVersion> versions = new Grid<>();
  private final Grid<PackEvent> history = new Grid<>();
  private final Grid<Row> diff = new Grid<>();
  private final Select<String> from = new Select<>();
  private final Select<String> to = new Select<>();
  private final Span diffSummary = new Span();
  private String activeVersion;

  /** One line of the side-by-side diff. */
  record Row(String where, String kind, String before, String after) {}

  public VersionsView(RulePackService service, BackgroundWork work) {
    this.work = work;
    this.service = service;
    setSizeFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    packId = event.getRouteParameters().get("packId").orElse("");
    removeAll();
    Button design = new Button(t.t("versions.openDesigner"), e -> UI.getCurrent().navigate(
        PackRoutes.design(packId)));
    HorizontalLayout top = new HorizontalLayout(new H3(t.t("versions.title", packId)), design);
    top.setAlignItems(Alignment.BASELINE);
    add(top);
    configureVersions();
    configureHistory();
    add(new H4(t.t("versions.published")), versions, publishAndRollback(),
        new H4(t.t("versions.diff")), diffControls(), diffSummary, diff,
        new H4(t.t("versions.backtest")), backtest(), new H4(t.t("versions.history")), history);
    refresh();
  }

  private void configureVersions() {
    versions.setId("versions-grid");
    versions.setAllRowsVisible(true);
    versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    versions.addColumn(PublishedVersion::version).setHeader(t.t("versions.col.version"));
    // exactly one version is the active one (after a rollback too)
    versions.addColumn(v -> v.version().equals(activeVersion) ? t.t("versions.active") : "")
        .setHeader(t.t("versions.col.active")).setKey("active");
    versions.setPartNameGenerator(v -> v.version().equals(activeVersion) ? "active-version"
        : null);
    versions.addColumn(v -> t.t("state." + v.state().name())).setHeader(t.t("packs.col.state"));
    versions.addColumn(v -> t.time(v.publishedAt())).setHeader(t.t("versions.col.at"))
        .setAutoWidth(true).setFlexGrow(0);
    versions.addColumn(PublishedVersion::publishedBy).setHeader(t.t("versions.col.by"));
    versions.addColumn(v -> new dev.baton.designer.i18n.EngineTexts(t).note(v.note()))
        .setHeader(t.t("versions.col.note"))
        .setFlexGrow(2);
  }

  private void configureHistory() {
    history.setId("history-grid");
    history.setAllRowsVisible(true);
    history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    history.addColumn(e -> t.time(e.at())).setHeader(t.t("versions.col.at"))
        .setAutoWidth(true).setFlexGrow(0);
    history.addColumn(e -> t.t("event." + e.type().name())).setHeader(t.t("versions.col.event"));
    history.addColumn(PackEvent::version).setHeader(t.t("versions.col.version"));
    history.addColumn(e -> e.revision() == 0 ? "" : String.valueOf(e.revision()))
        .setHeader(t.t("packs.col.revision"));
    history.addColumn(PackEvent::actor).setHeader(t.t("versions.col.by"));
    history.addColumn(e -> new dev.baton.designer.i18n.EngineTexts(t).note(e.why()))
        .setHeader(t.t("versions.col.note"))
        .setFlexGrow(2);
  }

  private HorizontalLayout publishAndRollback() {
    boolean ops = CurrentUser.hasAnyRole(Role.OPS);
    TextArea note = new TextArea(t.t("versions.note"));
    note.setId("publish-note");
    note.setWidth("24em");
    note.setRequiredIndicatorVisible(true);
    Button publish = new Button(t.t("versions.publish"), e -> {
      if (note.getValue().isBlank()) {
        // a note is required: refused on the field, nothing is published
        note.setErrorMessage(t.t("versions.noteNeeded"));
        note.setInvalid(true);
        return;
      }
      note.setInvalid(false);
      String draftVersion = service.draft(packId).map(d -> d.pack().version()).orElse("?");
      ConfirmDialog ask = new ConfirmDialog();
      ask.setId("publish-confirm");
      ask.setHeader(t.t("versions.confirm.title", packId, draftVersion));
      // the semantic diff that publishing makes active: from the active version to the draft
      Div what = new Div();
      String summary = diffSummary.getText();
      Div changes = new Div();
      changes.setId("publish-confirm-changes");
      changes.addClassName("publish-confirm-changes");
      if (activeVersion != null) {
        try {
          PackDiff pd = service.diff(packId, activeVersion, PackRepository.DRAFT);
          summary = pd.isEmpty() ? t.t("versions.diff.none")
              : t.t("versions.diff.count", pd.size());
          rows(pd).forEach(r -> changes.add(new Div(r.where() + " — " + r.kind()
              + (r.before() == null && r.after() == null ? ""
                  : ": " + (r.before() == null ? "—" : r.before()) + " → "
                      + (r.after() == null ? "—" : r.after())))));
        } catch (RuntimeException ex) {
          Notices.error(t, ex);
          return;
        }
      }
      what.add(new Div(t.t("versions.confirm.text", summary, note.getValue().trim())), changes);
      ask.setText(what);
      ask.setCancelable(true);
      ask.setCancelText(t.t("common.cancel"));
      ask.setConfirmText(t.t("versions.confirm.publish"));
      ask.addConfirmListener(c -> {
        try {
          PublishedVersion v = service.publish(packId, note.getValue().trim());
          Notices.ok(t.t("versions.published.ok", v.version()));
          note.clear();
          refresh();
        } catch (RuntimeException ex) {
          Notices.error(t, ex);
        }
      });
      ask.open();
    });
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Select<String> version = new Select<>();
    version.setId("rollback-version");
    version.setLabel(t.t("versions.rollbackTo"));
    version.addAttachListener(e -> version.setItems(service.versions(packId).stream()
        .filter(v -> v.state() == PublishedVersion.State.PUBLISHED)
        .map(PublishedVersion::version).toList()));
    TextField why = new TextField(t.t("versions.reason"));
    why.setId("rollback-reason");
    Button rollback = new Button(t.t("versions.rollback"), e -> {
      if (version.getValue() == null || why.getValue().isBlank()) {
        Notices.error(t.t("versions.rollbackNeeds"));
        return;
      }
      try {
        PublishedVersion v = service.rollback(packId, version.getValue(), why.getValue());
        Notices.ok(t.t("versions.rolledBack", v.version()));
        refresh();
      } catch (RuntimeException ex) {
        Notices.error(t, ex);
      }
    });
    rollback.setId("rollback");
    HorizontalLayout h = new HorizontalLayout(note, publish, version, why, rollback);
    h.setAlignItems(Alignment.BASELINE);
    h.setVisible(ops);
    return h;
  }

  private HorizontalLayout diffControls() {
    from.setId("diff-from");
    from.setLabel(t.t("versions.from"));
    to.setId("diff-to");
    to.setLabel(t.t("versions.to"));
    from.setItemLabelGenerator(this::label);
    to.setItemLabelGenerator(this::label);
    from.addValueChangeListener(e -> showDiff());
    to.addValueChangeListener(e -> showDiff());
    diff.setId("diff-grid");
    diff.setAllRowsVisible(true);
    diff.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
    diff.addColumn(Row::where).setHeader(t.t("versions.diff.where")).setFlexGrow(2);
    diff.addColumn(Row::kind).setHeader(t.t("versions.diff.kind")).setFlexGrow(1);
    diff.addComponentColumn(r -> cell(r.before(), "diff-before"))
        .setHeader(t.t("versions.diff.before")).setFlexGrow(2);
    diff.addComponentColumn(r -> cell(r.after(), "diff-after"))
        .setHeader(t.t("versions.diff.after")).setFlexGrow(2);
    diffSummary.setId("diff-summary");
    HorizontalLayout h = new HorizontalLayout(from, to);
    return h;
  }

  private Div cell(String text, String cls) {
    Div d = new Div(text == null ? "—" : text);
    if (text != null) {
      d.addClassName(cls);
    }
    return d;
  }

  private String label(String v) {
    return PackRepository.DRAFT.equals(v) ? t.t("versions.draft") : v;
  }

  private void showDiff() {
    if (from.getValue() == null || to.getValue() == null) {
      return;
    }
    try {
      PackDiff d = service.diff(packId, from.getValue(), to.getValue());
      diff.setItems(rows(d));
      diffSummary.setText(d.isEmpty() ? t.t("versions.diff.none")
          : t.t("versions.diff.count", d.size()));
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  /** The diff's changes as rows: where, what kind, before, after (in the UI's language). */
  private List<Row> rows(PackDiff d) {
    List<Row> rows = new ArrayList<>();
    d.header().forEach(c -> rows.add(row(t.t("versions.diff.header"), c)));
    d.parameters().forEach(c -> rows.add(row(t.t("versions.diff.parameters"), c)));
    d.facts().forEach(c -> rows.add(row(t.t("versions.diff.facts"), c)));
    d.rulesAdded().forEach(r -> rows.add(new Row(t.t("versions.diff.rule", r.id()),
        t.t("versions.diff.ruleAdded"), null, r.title() == null ? r.id()
            : r.title().in(t.locale()))));
    d.rulesRemoved().forEach(r -> rows.add(new Row(t.t("versions.diff.rule", r.id()),
        t.t("versions.diff.ruleRemoved"), r.title() == null ? r.id()
            : r.title().in(t.locale()), null)));
    d.rulesChanged().forEach(rc -> rc.changes().forEach(c -> rows.add(
        row(t.t("versions.diff.rule", rc.id()), c))));
    return rows;
  }

  private Row row(String where, PackDiff.Change c) {
    return new Row(where + " · " + c.path(), t.t("change." + c.kind().name()), c.before(),
        c.after());
  }

  private VerticalLayout backtest() {
    ProgressBar bar = new ProgressBar();
    bar.setId("backtest-progress");
    bar.setVisible(false);
    Span result = new Span();
    result.setId("backtest-result");
    FlipChart chart = new FlipChart();
    chart.setVisible(false);
    Button run = new Button(t.t("versions.backtest.run"));
    run.setId("run-backtest");
    run.setVisible(CurrentUser.hasAnyRole(Role.ANALYST, Role.OPS, Role.AUDITOR));
    run.addClickListener(e -> {
      UI ui = UI.getCurrent();
      run.setEnabled(false);
      bar.setVisible(true);
      bar.setValue(0);
      ui.setPollInterval(300);
      Cancellation cancel = Cancellation.create();
      work.submit((() -> {
        try {
          BacktestReport r = service.backtestDraft(packId, p -> ui.access(() ->
              bar.setValue(p.total() == 0 ? 1 : (double) p.done() / p.total())), cancel);
          ui.access(() -> {
            bar.setValue(1);
            result.setText(t.t("versions.backtest.result", r.total(), r.changed(),
                r.unchanged(), r.failed()));
            chart.setVisible(true);
            chart.show(r.flips().stream().map(BacktestReport.Flip::label).toList(),
                r.flips().stream().map(BacktestReport.Flip::decisions).toList(),
                t.t("versions.backtest.axis"));
            run.setEnabled(true);
            ui.setPollInterval(-1);
          });
        } catch (RuntimeException ex) {
          ui.access(() -> {
            Notices.error(t, ex);
            run.setEnabled(true);
            ui.setPollInterval(-1);
          });
        }
      }));
    });
    VerticalLayout v = new VerticalLayout(run, bar, result, chart);
    v.setPadding(false);
    return v;
  }

  private void refresh() {
    activeVersion = service.list().stream().filter(p -> p.id().equals(packId))
        .map(p -> p.activeVersion()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    List<PublishedVersion> vs = service.versions(packId);
    versions.setItems(vs);
    history.setItems(service.history(packId));
    List<String> names = new ArrayList<>(vs.stream().map(PublishedVersion::version).toList());
    names.add(PackRepository.DRAFT);
    from.setItems(names);
    to.setItems(names);
    if (names.size() >= 2) {
      from.setValue(names.get(names.size() - 2));
      to.setValue(names.get(names.size() - 1));
    }
  }

  @Override
  public String getPageTitle() {
    return t.t("versions.title", packId == null ? "" : packId);
  }
}
