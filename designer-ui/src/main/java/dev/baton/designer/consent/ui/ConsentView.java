package dev.baton.designer.consent.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.baton.designer.base.ui.BackgroundWork;
import dev.baton.designer.base.ui.EChart;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.consent.ChannelBreakdown;
import dev.baton.designer.consent.ConsentOverview;
import dev.baton.designer.consent.ConsentService;
import dev.baton.designer.consent.CustomerDetail;
import dev.baton.designer.consent.ImportOutcome;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.consent.ConsentRating;
import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.consent.CurrentConsent;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.consent.StatusReason;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The consent ledger at a glance (授权全景): coverage against the 92% target, consent per
 * channel, every customer red / yellow / green with a filter, a customer's consents in force and
 * ledger history; sales ops import customers and consents from CSV, with every problem of a
 * refused file listed by line and column.
 */
@Route(value = "consent", layout = MainLayout.class)
@Menu(title = "nav.consent", order = 7)
@StyleSheet("context://styles/insights.css")
@RolesAllowed({"OPS", "ANALYST", "AUDITOR", "ADMIN"})
public class ConsentView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;

  private final transient BackgroundWork work;
  private final transient ConsentService service;
  private final Texts t = Texts.current();
  private final Div coverage = new Div();
  private final EChart channels = new EChart("consent-channels");
  private final Select<ConsentRating> ratingFilter = new Select<>();
  private final TextField search = new TextField();
  private final Grid<CustomerStatus> grid = new Grid<>();
  private final Span count = new Span();
  private final Div detail = new Div();
  private final Div importResult = new Div();
  private final ProgressBar busy = new ProgressBar();
  private final Span busyText = new Span();
  private ListDataProvider<CustomerStatus> rows;
  private Upload customersUpload;
  private Upload consentsUpload;

  public ConsentView(ConsentService service, BackgroundWork work) {
    this.work = work;
    this.service = service;
    setWidthFull();
    configureCoverage();
    configureFilters();
    configureGrid();
    detail.setId("consent-detail");
    detail.setWidthFull();
    add(new H2(t.t("consent.title")), coverage, channelSection());
    if (CurrentUser.hasAnyRole(Role.OPS)) {
      add(importSection());
    }
    add(new H3(t.t("consent.customers")), filters(), count, grid, detail);
    refresh();
  }

  // ------------------------------------------------------------------------------ overview

  private void configureCoverage() {
    coverage.setId("consent-coverage");
    coverage.addClassName("kpi-banner");
  }

  private Div channelSection() {
    Div box = new Div(new H3(t.t("consent.channels")), new Paragraph(t.t("consent.channels.hint")),
        channels);
    box.setWidthFull();
    return box;
  }

  private void refresh() {
    ConsentOverview o = service.overview();
    showCoverage(o.coverage());
    showChannels(o.channels());
    rows = new ListDataProvider<>(o.statuses());
    grid.setDataProvider(rows);
    // a short list in full; a long one scrolls inside the grid
    boolean few = o.statuses().size() <= 12;
    grid.setAllRowsVisible(few);
    grid.setHeight(few ? null : "24rem");
    applyFilter();
  }

  private void showCoverage(CoverageReport c) {
    coverage.removeAll();
    boolean noData = c.customers() == 0;
    Span figure = new Span(noData ? t.t("kpi.noData") : t.t("percent", c.percent()));
    figure.addClassName("kpi-figure");
    Span target = new Span(t.t("consent.coverage.target", c.target(),
        noData ? t.t("kpi.noData") : t.t(c.meetsTarget() ? "kpi.met" : "kpi.notMet")));
    target.addClassName("kpi-target");
    Span covered = new Span(t.t("consent.coverage.covered", c.covered(), c.customers(),
        t.time(c.at())));
    Span mix = new Span(t.t("consent.coverage.mix", c.green(), c.yellow(), c.red()));
    mix.setId("consent-mix");
    coverage.add(new Span(t.t("consent.coverage.title")), figure, target, covered, mix);
    coverage.removeClassNames("kpi-met", "kpi-not-met", "kpi-no-data");
    coverage.addClassName(noData ? "kpi-no-data" : c.meetsTarget() ? "kpi-met" : "kpi-not-met");
    coverage.getElement().setAttribute("data-percent", c.percent().toPlainString());
    coverage.getElement().setAttribute("data-met", String.valueOf(c.meetsTarget()));
    coverage.getElement().setAttribute("data-covered", String.valueOf(c.covered()));
    coverage.getElement().setAttribute("data-customers", String.valueOf(c.customers()));
  }

  private void showChannels(ChannelBreakdown b) {
    List<String> names = b.rows().stream().map(r -> t.t("consent.channel." + r.channel()))
        .toList();
    channels.draw(EChart.bars(names, t.t("consent.channels.axis"), List.of(
        new EChart.Series(t.t("consent.channels.granted"), "#2e7d32",
            b.rows().stream().map(ChannelBreakdown.Row::granted).toList()),
        new EChart.Series(t.t("consent.channels.refused"), "#c62828",
            b.rows().stream().map(ChannelBreakdown.Row::refused).toList()),
        new EChart.Series(t.t("consent.channels.none"), "#9e9e9e",
            b.rows().stream().map(ChannelBreakdown.Row::none).toList())), true),
        Map.of("granted", join(b, ChannelBreakdown.Row::granted),
            "refused", join(b, ChannelBreakdown.Row::refused),
            "none", join(b, ChannelBreakdown.Row::none)));
  }

  private static String join(ChannelBreakdown b,
      java.util.function.ToIntFunction<ChannelBreakdown.Row> f) {
    StringBuilder s = new StringBuilder();
    for (ChannelBreakdown.Row r : b.rows()) {
      s.append(s.length() == 0 ? "" : ",").append(r.channel()).append('=')
          .append(f.applyAsInt(r));
    }
    return s.toString();
  }

  // ------------------------------------------------------------------------------ customers

  private void configureFilters() {
    ratingFilter.setId("consent-rating-filter");
    ratingFilter.setLabel(t.t("consent.filter.rating"));
    ratingFilter.setItems(ConsentRating.values());
    ratingFilter.setEmptySelectionAllowed(true);
    ratingFilter.setEmptySelectionCaption(t.t("consent.filter.all"));
    ratingFilter.setItemLabelGenerator(r -> r == null ? t.t("consent.filter.all")
        : t.t("consent.rating." + r.name()));
    ratingFilter.addValueChangeListener(e -> applyFilter());
    search.setId("consent-search");
    search.setLabel(t.t("consent.filter.search"));
    search.setPlaceholder(t.t("consent.filter.searchHint"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> applyFilter());
  }

  private HorizontalLayout filters() {
    Button reload = new Button(t.t("consent.refresh"), e -> refresh());
    reload.setId("consent-refresh");
    HorizontalLayout bar = new HorizontalLayout(ratingFilter, search, reload);
    bar.setAlignItems(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  private void applyFilter() {
    if (rows == null) {
      return;
    }
    ConsentRating rating = ratingFilter.getValue();
    String q = search.getValue() == null ? "" : search.getValue().strip()
        .toLowerCase(Locale.ROOT);
    rows.setFilter(s -> (rating == null || s.rating() == rating) && (q.isEmpty()
        || s.customer().id().toLowerCase(Locale.ROOT).contains(q)
        || s.customer().name().toLowerCase(Locale.ROOT).contains(q)));
    long shown = rows.size(new com.vaadin.flow.data.provider.Query<>());
    count.setText(t.t("consent.count", shown, rows.getItems().size()));
    count.setId("consent-count");
    count.getElement().setAttribute("data-count", String.valueOf(shown));
    count.getElement().setAttribute("data-query", q + "|" + (rating == null ? "" : rating));
  }

  private void configureGrid() {
    grid.setId("consent-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addComponentColumn(s -> badge(s.rating())).setHeader(t.t("consent.col.rating"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> s.customer().id()).setHeader(t.t("consent.col.customer"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> s.customer().name()).setHeader(t.t("consent.col.name")).setFlexGrow(1);
    grid.addColumn(s -> orDash(s.customer().region())).setHeader(t.t("consent.col.region"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> orDash(s.customer().owner())).setHeader(t.t("consent.col.owner"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> s.reasons().isEmpty() ? t.t("consent.reasons.none")
        : String.join("; ", s.reasons().stream().map(r -> t.t("consent.channel."
            + r.pair().channel()) + " · " + t.t("consent.purpose." + r.pair().purpose()) + " "
            + t.t("consent.kind." + r.kind().name())).toList()))
        .setHeader(t.t("consent.col.reasons")).setFlexGrow(2);
    grid.setClassNameGenerator(s -> "rating-" + s.rating().name().toLowerCase(Locale.ROOT));
    grid.addItemClickListener(e -> open(e.getItem().customer().id()));
  }

  private Span badge(ConsentRating r) {
    Span b = new Span(t.t("consent.rating." + r.name()));
    b.addClassNames("rating-badge", "rating-badge-" + r.name().toLowerCase(Locale.ROOT));
    b.getElement().setAttribute("data-rating", r.name());
    return b;
  }

  private void open(String customerId) {
    detail.removeAll();
    CustomerDetail d = service.detail(customerId).orElse(null);
    if (d == null) {
      detail.add(new Span(t.t("consent.detail.gone", customerId)));
      return;
    }
    CustomerStatus s = d.status();
    detail.getElement().setAttribute("data-customer", customerId);
    detail.getElement().setAttribute("data-rating", s.rating().name());
    HorizontalLayout head = new HorizontalLayout(new H3(s.customer().id() + " · "
        + s.customer().name()), badge(s.rating()));
    head.setAlignItems(FlexComponent.Alignment.CENTER);
    UnorderedList reasons = new UnorderedList();
    reasons.setId("consent-reasons");
    if (s.reasons().isEmpty()) {
      reasons.add(new ListItem(t.t("consent.reasons.green")));
    }
    for (StatusReason r : s.reasons()) {
      ListItem item = new ListItem(reason(r));
      // the pair's codes for scripts and tests; the text names channel and purpose
      item.getElement().setAttribute("data-pair", r.pair().toString());
      reasons.add(item);
    }
    Grid<CurrentConsent> current = new Grid<>();
    current.setId("consent-current");
    current.addColumn(c -> t.t("consent.channel." + c.pair().channel()))
        .setHeader(t.t("consent.col.channel")).setAutoWidth(true);
    current.addColumn(c -> t.t("consent.purpose." + c.pair().purpose()))
        .setHeader(t.t("consent.col.purpose")).setAutoWidth(true);
    current.addColumn(c -> t.t("consent.effective." + c.status().name()))
        .setHeader(t.t("consent.col.status")).setAutoWidth(true);
    current.addColumn(c -> orDash(c.evidenceId())).setHeader(t.t("consent.col.evidence"))
        .setAutoWidth(true);
    current.addColumn(c -> c.decidedBy() == null ? "—"
        : t.time(c.decidedBy().consent().recordedAt())).setHeader(t.t("consent.col.recorded"))
        .setAutoWidth(true);
    current.addColumn(c -> c.decidedBy() == null || c.decidedBy().consent().expiresAt() == null
        ? "—" : t.time(c.decidedBy().consent().expiresAt()))
        .setHeader(t.t("consent.col.expires")).setAutoWidth(true);
    current.setItems(d.current().consents());
    current.setAllRowsVisible(true);
    Grid<LedgerEntry> history = new Grid<>();
    history.setId("consent-history");
    // nine columns: the times and the evidence id wrap (see insights.css) so that the ledger
    // fits the detail's width instead of scrolling its last columns out of sight
    history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    history.addColumn(LedgerEntry::ledgerId).setHeader(t.t("consent.col.ledgerId"))
        .setAutoWidth(true).setFlexGrow(0);
    history.addColumn(e -> t.time(e.consent().recordedAt())).setHeader(t.t("consent.col.recorded"))
        .setWidth("8rem").setFlexGrow(1);
    history.addColumn(e -> t.t("consent.channel." + e.consent().channel()))
        .setHeader(t.t("consent.col.channel")).setAutoWidth(true);
    history.addColumn(e -> t.t("consent.purpose." + e.consent().purpose()))
        .setHeader(t.t("consent.col.purpose")).setAutoWidth(true);
    history.addColumn(e -> t.t("consent.effective." + e.consent().status().name()))
        .setHeader(t.t("consent.col.status")).setAutoWidth(true);
    history.addColumn(e -> t.t("consent.source." + e.consent().source().name()))
        .setHeader(t.t("consent.col.source")).setAutoWidth(true);
    history.addColumn(LedgerEntry::evidenceId).setHeader(t.t("consent.col.evidence"))
        .setWidth("8rem").setFlexGrow(1);
    history.addColumn(e -> e.consent().expiresAt() == null ? "—"
        : t.time(e.consent().expiresAt())).setHeader(t.t("consent.col.expires"))
        .setWidth("8rem").setFlexGrow(1);
    history.addColumn(e -> t.time(e.storedAt())).setHeader(t.t("consent.col.stored"))
        .setWidth("8rem").setFlexGrow(1);
    history.setItems(d.history());
    history.setAllRowsVisible(true);
    detail.add(head, new H4(t.t("consent.detail.why")), reasons,
        new H4(t.t("consent.detail.current", t.time(s.at()))), current,
        new H4(t.t("consent.detail.history", d.history().size())), history);
    detail.scrollIntoView();
  }

  private String reason(StatusReason r) {
    return t.t("consent.reason." + r.kind().name(), t.t("consent.channel." + r.pair().channel())
        + " · " + t.t("consent.purpose." + r.pair().purpose()),
        t.t("consent.effective." + r.status().name()), r.at() == null ? "—" : t.time(r.at()),
        r.evidenceId() == null ? "—" : r.evidenceId());
  }

  // ------------------------------------------------------------------------------- import

  private VerticalLayout importSection() {
    customersUpload = upload("consent-import-customers", "consent.import.customers",
        service::importCustomers);
    consentsUpload = upload("consent-import-consents", "consent.import.consents",
        service::importConsents);
    busy.setId("consent-import-busy");
    busy.setIndeterminate(true);
    busy.setWidth("12rem");
    busy.setVisible(false);
    busyText.setId("consent-import-busy-text");
    importResult.setId("consent-import-result");
    importResult.setWidthFull();
    HorizontalLayout uploads = new HorizontalLayout(customersUpload, consentsUpload);
    uploads.setWrap(true);
    HorizontalLayout status = new HorizontalLayout(busy, busyText);
    status.setAlignItems(FlexComponent.Alignment.CENTER);
    VerticalLayout box = new VerticalLayout(new H3(t.t("consent.import.title")),
        new Paragraph(t.t("consent.import.help")), uploads, status, importResult);
    box.setPadding(false);
    box.setId("consent-import");
    return box;
  }

  private Upload upload(String id, String label,
      BiFunction<String, byte[], ImportOutcome> importer) {
    Upload u = new Upload(UploadHandler.inMemory((meta, bytes) -> {
      UI ui = UI.getCurrent();
      SecurityContext security = SecurityContextHolder.getContext();
      ui.access(() -> startImport(ui, security, meta.fileName(), bytes, importer));
    }));
    u.setId(id);
    u.setAcceptedFileTypes(".csv", "text/csv");
    u.setMaxFileSize(10 * 1024 * 1024);
    u.setUploadButton(new Button(t.t(label)));
    u.setDropLabel(new Span(t.t("consent.import.drop")));
    return u;
  }

  private void startImport(UI ui, SecurityContext security, String fileName, byte[] bytes,
      BiFunction<String, byte[], ImportOutcome> importer) {
    setBusy(true, t.t("consent.import.running", fileName));
    importResult.removeAll();
    ui.setPollInterval(300);
    work.submit(security, () -> {
      try {
        ImportOutcome outcome = importer.apply(fileName, bytes);
        ui.access(() -> {
          setBusy(false, "");
          ui.setPollInterval(-1);
          showOutcome(outcome);
          refresh();
        });
      } catch (RuntimeException e) {
        ui.access(() -> {
          setBusy(false, "");
          ui.setPollInterval(-1);
          Notices.error(t, e);
        });
      }
    });
  }

  private void setBusy(boolean on, String text) {
    busy.setVisible(on);
    busyText.setText(text);
    busyText.getElement().setAttribute("data-busy", String.valueOf(on));
    customersUpload.setEnabled(!on);
    consentsUpload.setEnabled(!on);
  }

  private void showOutcome(ImportOutcome o) {
    importResult.removeAll();
    importResult.getElement().setAttribute("data-ok", String.valueOf(o.ok()));
    importResult.getElement().setAttribute("data-imported", String.valueOf(o.imported()));
    importResult.getElement().setAttribute("data-problems", String.valueOf(o.problems().size()));
    importResult.getElement().setAttribute("data-changes", String.valueOf(o.changes().size()));
    Paragraph summary = new Paragraph(o.summary(t));
    summary.setId("consent-import-summary");
    summary.addClassName(o.ok() ? "import-ok" : "import-failed");
    importResult.add(summary);
    if (!o.ok()) {
      Grid<ImportOutcome.Problem> problems = new Grid<>();
      problems.setId("consent-import-problems");
      problems.addColumn(p -> p.lineText(t)).setHeader(t.t("consent.import.col.line"))
          .setAutoWidth(true).setFlexGrow(0);
      problems.addColumn(p -> p.columnText(t)).setHeader(t.t("consent.import.col.column"))
          .setAutoWidth(true).setFlexGrow(0);
      problems.addColumn(ImportOutcome.Problem::what).setHeader(t.t("consent.import.col.what"))
          .setFlexGrow(2);
      problems.addColumn(p -> p.fixText(t)).setHeader(t.t("consent.import.col.fix"))
          .setFlexGrow(2);
      problems.setItems(o.problems());
      problems.setAllRowsVisible(true);
      importResult.add(problems);
      Notices.error(o.summary(t));
    } else {
      UnorderedList changes = new UnorderedList();
      changes.setId("consent-import-changes");
      for (ImportOutcome.RatingChange c : o.changes()) {
        ListItem li = new ListItem(ImportOutcome.changeText(c, t));
        li.getElement().setAttribute("data-customer", c.customerId());
        li.getElement().setAttribute("data-after", c.after().name());
        changes.add(li);
      }
      if (o.changes().isEmpty() && o.imported() > 0) {
        changes.add(new ListItem(t.t("consent.import.noChange")));
      }
      importResult.add(changes);
      Notices.ok(o.summary(t));
    }
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  @Override
  public String getPageTitle() {
    return t.t("consent.title");
  }
}
