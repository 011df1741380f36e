package dev.baton.designer.packs.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.RulePackService;
import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.repository.MergeResult;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.rulepack.PackKind;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The rule packs: list, import a template or a file, create, open. */
@Route(value = "packs", layout = MainLayout.class)
@Menu(title = "nav.packs", order = 1)
@RouteAlias(value = "", layout = MainLayout.class)
@RolesAllowed({"ANALYST", "OPS", "REVIEWER", "AUDITOR", "DEVELOPER", "ADMIN"})
public class RulePacksView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final transient RulePackService service;
  private final Texts t = Texts.current();
  private final Grid<PackSummary> grid = new Grid<>();

  public RulePacksView(RulePackService service) {
    this.service = service;
    setSizeFull();
    configureGrid();
    add(new H2(t.t("packs.title")), toolbar(), grid);
    refresh();
  }

  private HorizontalLayout toolbar() {
    Button template = new Button(t.t("packs.importTemplate"), e -> openTemplateDialog());
    template.setId("import-template");
    template.setVisible(CurrentUser.hasAnyRole(Role.OPS));
    Button create = new Button(t.t("packs.create"), e -> openCreateDialog());
    create.setId("create-pack");
    create.setVisible(CurrentUser.hasAnyRole(Role.ANALYST, Role.OPS));
    Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> uploaded(meta.fileName(),
        bytes)));
    upload.setId("import-file");
    upload.setAcceptedFileTypes(".yaml", ".yml", ".json", ".zip");
    upload.setMaxFileSize(4 * 1024 * 1024);
    upload.setUploadButton(new Button(t.t("packs.importFile")));
    upload.setDropLabel(new Span(t.t("packs.dropFile")));
    upload.setVisible(CurrentUser.hasAnyRole(Role.OPS, Role.ANALYST));
    HorizontalLayout bar = new HorizontalLayout(template, create, upload);
    bar.setAlignItems(Alignment.CENTER);
    return bar;
  }

  private void uploaded(String name, byte[] bytes) {
    UI ui = UI.getCurrent();
    try {
      var ref = service.importFile(name, bytes);
      ui.access(() -> {
        Notices.ok(t.t("packs.imported", ref.packId(), ref.revision()));
        refresh();
      });
    } catch (RuntimeException e) {
      ui.access(() -> Notices.error(t, e));
    }
  }

  private void configureGrid() {
    grid.setId("packs-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(PackSummary::id).setHeader(t.t("packs.col.id")).setAutoWidth(true);
    grid.addColumn(p -> p.title() == null ? "" : p.title().in(t.locale()))
        .setHeader(t.t("packs.col.title")).setFlexGrow(2);
    grid.addColumn(p -> t.t("kind." + p.kind().label())).setHeader(t.t("packs.col.kind"))
        .setAutoWidth(true);
    grid.addColumn(p -> p.activeVersion() == null ? "—" : p.activeVersion())
        .setHeader(t.t("packs.col.active")).setAutoWidth(true);
    grid.addColumn(p -> t.t("state." + p.state().name())).setHeader(t.t("packs.col.state"))
        .setAutoWidth(true);
    grid.addColumn(PackSummary::draftRevision).setHeader(t.t("packs.col.revision"))
        .setAutoWidth(true);
    grid.addComponentColumn(p -> {
      Button open = new Button(t.t("packs.open"), e -> UI.getCurrent().navigate(
          PackRoutes.design(p.id())));
      open.setId("open-" + p.id());
      open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
      Button versions = new Button(t.t("packs.versions"), e -> UI.getCurrent().navigate(
          VersionsView.class, new RouteParameters("packId", p.id())));
      versions.setId("versions-" + p.id());
      versions.addThemeVariants(ButtonVariant.LUMO_SMALL);
      return new HorizontalLayout(open, versions);
    }).setAutoWidth(true);
  }

  private void refresh() {
    grid.setItems(service.list());
  }

  private void openTemplateDialog() {
    Dialog d = new Dialog();
    d.setHeaderTitle(t.t("packs.importTemplate"));
    d.setWidth("40rem");
    Select<TemplateCatalogue.Template> choice = new Select<>();
    choice.setId("template-choice");
    choice.setLabel(t.t("packs.template"));
    choice.setItems(service.templates());
    choice.setItemLabelGenerator(tp -> tp.pack().id() + " " + tp.pack().version() + " — "
        + tp.pack().title().in(t.locale()));
    Div form = new Div();
    Paragraph note = new Paragraph();
    Button doImport = new Button(t.t("packs.import"));
    doImport.setId("template-import");
    doImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    doImport.setEnabled(false);
    choice.addValueChangeListener(e -> {
      form.removeAll();
      if (e.getValue() == null) {
        return;
      }
      boolean exists = service.list().stream().anyMatch(p -> p.id().equals(
          e.getValue().pack().id()));
      note.setText(exists ? t.t("packs.template.upgrade") : t.t("packs.template.new"));
      doImport.setText(exists ? t.t("packs.upgrade") : t.t("packs.import"));
      // a pack that exists already gets the form too, at its own (local) values
      form.add(exists ? new ParameterForm(e.getValue().pack(), t,
          service.parameterValues(e.getValue().pack().id()))
          : new ParameterForm(e.getValue().pack(), t));
      doImport.setEnabled(true);
    });
    doImport.addClickListener(e -> {
      TemplateCatalogue.Template tp = choice.getValue();
      try {
        boolean exists = service.list().stream().anyMatch(p -> p.id().equals(tp.pack().id()));
        ParameterForm pf = form.getChildren().findFirst().orElse(null) instanceof ParameterForm f
            ? f : null;
        if (!exists && pf != null) {
          var ref = service.importTemplate(tp.pack().id(), pf.changedValues());
          Notices.ok(t.t("packs.imported", ref.packId(), ref.revision()));
          d.close();
        } else {
          Map<String, Object> values = pf == null ? Map.of() : pf.changedValues();
          upgradeAndApply(tp, values, d, form);
        }
        refresh();
      } catch (RuntimeException ex) {
        Notices.error(t, ex);
      }
    });
    d.add(new VerticalLayout(choice, note, form));
    d.getFooter().add(new Button(t.t("common.cancel"), e -> d.close()), doImport);
    d.open();
  }

  /**
   * Upgrades an existing pack (when the template is newer; the merge keeps local values) and
   * then applies the parameter values changed in the form.
   */
  private void upgradeAndApply(TemplateCatalogue.Template tp, Map<String, Object> values,
      Dialog d, Div form) {
    boolean newer = true;
    try {
      MergeResult r = service.upgradeTemplate(tp.pack().id(), new HashMap<>());
      if (!r.applied()) {
        upgrade(tp, new HashMap<>(), d, form);
        return;
      }
    } catch (PackRefusedException ex) {
      if (ex.reason() != PackRefusedException.Reason.TEMPLATE_NOT_NEWER) {
        throw ex;
      }
      newer = false;
    }
    if (!values.isEmpty()) {
      var ref = service.setParameters(tp.pack().id(), values);
      Notices.ok(t.t("packs.parametersApplied", ref.packId(), ref.revision(),
          String.join(", ", values.keySet())));
    } else {
      Notices.ok(newer ? t.t("packs.upgradedKept", tp.pack().id())
          : t.t("packs.nothingToApply", tp.pack().id()));
    }
    d.close();
  }

  private void upgrade(TemplateCatalogue.Template tp, Map<String, MergeResult.Resolution> res,
      Dialog d, Div form) {
    MergeResult r = service.upgradeTemplate(tp.pack().id(), res);
    form.removeAll();
    if (r.applied()) {
      Notices.ok(t.t("packs.upgraded", r.packId(), r.fromTemplateVersion(),
          r.toTemplateVersion(), r.keptLocal().size(), r.takenFromTemplate().size()));
      d.close();
      return;
    }
    form.add(new Paragraph(t.t("packs.conflicts", r.conflicts().size())));
    Map<String, MergeResult.Resolution> chosen = new HashMap<>();
    for (MergeResult.Conflict c : r.conflicts()) {
      Select<MergeResult.Resolution> s = new Select<>();
      s.setLabel(c.path() + ": " + t.t("packs.conflict.values", c.local(), c.template()));
      s.setItems(Arrays.asList(MergeResult.Resolution.values()));
      s.setItemLabelGenerator(v -> t.t("resolution." + v.name()));
      s.addValueChangeListener(e -> chosen.put(c.path(), e.getValue()));
      form.add(s);
    }
    Button retry = new Button(t.t("packs.upgrade"), e -> {
      try {
        upgrade(tp, chosen, d, form);
        refresh();
      } catch (RuntimeException ex) {
        Notices.error(t, ex);
      }
    });
    form.add(retry);
  }

  private void openCreateDialog() {
    Dialog d = new Dialog();
    d.setHeaderTitle(t.t("packs.create"));
    TextField id = new TextField(t.t("packs.col.id"));
    id.setId("new-pack-id");
    id.setHelperText(t.t("packs.create.idHelp"));
    Select<PackKind> kind = new Select<>();
    kind.setLabel(t.t("packs.col.kind"));
    kind.setItems(PackKind.values());
    kind.setItemLabelGenerator(k -> t.t("kind." + k.label()));
    kind.setValue(PackKind.CUSTOM);
    TextField en = new TextField(t.t("packs.create.titleEn"));
    TextField zh = new TextField(t.t("packs.create.titleZh"));
    Button ok = new Button(t.t("packs.create"), e -> {
      try {
        var ref = service.create(id.getValue().trim(), kind.getValue().label(), en.getValue(),
            zh.getValue());
        d.close();
        UI.getCurrent().navigate(PackRoutes.design(ref.packId()));
      } catch (RuntimeException ex) {
        Notices.error(t, ex);
      }
    });
    ok.setId("new-pack-create");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    d.add(new VerticalLayout(id, kind, en, zh));
    d.getFooter().add(new Button(t.t("common.cancel"), e -> d.close()), ok);
    d.open();
  }

  @Override
  public String getPageTitle() {
    return t.t("packs.title");
  }
}
