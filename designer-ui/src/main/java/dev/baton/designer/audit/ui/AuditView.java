package dev.baton.designer.audit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.baton.designer.audit.AuditDetail;
import dev.baton.designer.audit.AuditFilter;
import dev.baton.designer.audit.AuditService;
import dev.baton.designer.base.ui.BackgroundWork;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.EngineTexts;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.battlepack.WorkflowStep;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The auditor's view of the decision log: a timeline with filters (customer, request id, pack,
 * version, action, dates) and each decision's scores; a decision's scores, inputs, fired rules
 * (titled in the user's language), why / why not, consent proofs and the workflow steps it
 * caused, in a panel beside the list; replay with the differences; verify the chain; export
 * with personal data masked by keyed pseudonyms.
 */
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "nav.audit", order = 3)
@StyleSheet("context://styles/review.css")
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient BackgroundWork work;
  private final transient AuditService service;
  private final Texts t = Texts.current();
  private final TextField customer = new TextField();
  private final TextField request = new TextField();
  private final TextField pack = new TextField();
  private final TextField version = new TextField();
  private final TextField action = new TextField();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Grid<DecisionRecord> grid = new Grid<>();
  private final Span count = new Span();
  private final Div detail = new Div();
  private final SplitLayout split = new SplitLayout();

  public AuditView(AuditService service, BackgroundWork work) {
    this.work = work;
    this.service = service;
    setWidthFull();
    customer.setId("audit-customer");
    customer.setLabel(t.t("audit.customer"));
    request.setId("audit-request");
    request.setLabel(t.t("audit.request"));
    request.setHelperText(t.t("audit.request.helper"));
    request.setClearButtonVisible(true);
    pack.setId("audit-pack");
    pack.setLabel(t.t("audit.pack"));
    version.setId("audit-version");
    version.setLabel(t.t("audit.version"));
    action.setId("audit-action");
    action.setLabel(t.t("audit.action"));
    from.setId("audit-from");
    from.setLabel(t.t("audit.from"));
    to.setId("audit-to");
    to.setLabel(t.t("audit.to"));
    Button search = new Button(t.t("audit.search"), e -> search());
    search.setId("audit-search");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    customer.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> search());
    request.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> search());
    HorizontalLayout filters = new HorizontalLayout(customer, request, pack, version, action,
        from, to, search);
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    count.setId("audit-count");
    configureGrid();
    configureDetail();
    RangeReplay rangeReplay = new RangeReplay(service, work,
        () -> new RangeReplay.Days(from.getValue(), to.getValue()), t);
    add(new H2(t.t("audit.title")), chainTools(), filters, count, rangeReplay, split);
    search();
  }

  /**
   * The list shares the width with the detail panel: its columns start narrow (together
   * 32.5rem, they fit beside the panel from a window of about 1200 pixels) and grow by their
   * weight, and long ids and action lists wrap (breaking anywhere, see review.css), so
   * no column is cut off or scrolled out of sight sideways.
   */
  private void configureGrid() {
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(DecisionRecord::sequence).setHeader(t.t("audit.col.sequence"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(r -> t.time(r.recordedAt())).setHeader(t.t("audit.col.recorded"))
        .setWidth("4rem").setFlexGrow(1);
    grid.addColumn(DecisionRecord::requestId).setHeader(t.t("audit.col.request"))
        .setWidth("4rem").setFlexGrow(2);
    grid.addColumn(DecisionRecord::customerId).setHeader(t.t("audit.col.customer"))
        .setWidth("4rem").setFlexGrow(1);
    grid.addColumn(r -> scores(readTree(r.decisionJson()))).setHeader(t.t("audit.col.scores"))
        .setWidth("3.5rem").setFlexGrow(1).setClassNameGenerator(r -> "audit-scores-cell");
    grid.addComponentColumn(r -> codes(r.actions())).setHeader(t.t("audit.col.actions"))
        .setWidth("6rem").setFlexGrow(3);
    grid.addComponentColumn(r -> codes(r.packs().stream().map(p -> p.id() + "@" + p.version())
        .toList())).setHeader(t.t("audit.col.packs")).setWidth("4rem").setFlexGrow(2);
    grid.addColumn(DecisionRecord::decisionId).setHeader(t.t("audit.col.decision"))
        .setWidth("4rem").setFlexGrow(1);
    grid.setSelectionMode(Grid.SelectionMode.SINGLE);
    grid.setHeightFull();
    grid.addItemClickListener(e -> {
      grid.select(e.getItem());
      open(e.getItem().decisionId());
    });
  }

  /**
   * The detail opens in a panel beside the list, at the height of the list, scrolled to its
   * top: where the auditor looks after clicking a row, not below the fold.
   */
  private void configureDetail() {
    detail.setId("audit-detail");
    detail.addClassName("audit-detail");
    detail.setHeightFull();
    detail.getStyle().set("overflow", "auto").set("box-sizing", "border-box")
        .set("padding", "0 var(--lumo-space-m)");
    empty();
    split.addToPrimary(grid);
    split.addToSecondary(detail);
    split.setSplitterPosition(52);
    split.setWidthFull();
    split.setId("audit-split");
    split.getStyle().set("height", "max(30rem, calc(100vh - 20rem))");
  }

  private void empty() {
    detail.removeAll();
    detail.getElement().removeAttribute("data-decision");
    Span hint = new Span(t.t("audit.detail.empty"));
    hint.setId("audit-detail-empty");
    hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
    detail.add(new Div(hint));
  }

  /** The decision's scores, e.g. {@code CMI 50}, in the order recorded. */
  private String scores(JsonNode decision) {
    JsonNode scores = decision.path("scores");
    List<String> parts = new java.util.ArrayList<>();
    scores.properties().forEach(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
    return String.join(", ", parts);
  }

  private HorizontalLayout chainTools() {
    ProgressBar bar = new ProgressBar();
    bar.setId("verify-progress");
    bar.setIndeterminate(true);
    bar.setVisible(false);
    bar.setWidth("10rem");
    Span result = new Span();
    result.setId("verify-result");
    Button verify = new Button(t.t("audit.verify"));
    verify.setId("audit-verify");
    verify.addClickListener(e -> {
      UI ui = UI.getCurrent();
      verify.setEnabled(false);
      bar.setVisible(true);
      result.setText(t.t("audit.verify.running"));
      ui.setPollInterval(300);
      work.submit(() -> {
        try {
          VerifyReport r = service.verify();
          ui.access(() -> {
            result.setText(r.ok() ? t.t("audit.verify.ok", r.checked())
                : t.t("audit.verify.broken", r.checked(), r.firstBadSequence(),
                    r.firstBadDecisionId(), r.reason()));
            result.getElement().setAttribute("data-ok", String.valueOf(r.ok()));
            bar.setVisible(false);
            verify.setEnabled(true);
            ui.setPollInterval(-1);
          });
        } catch (RuntimeException ex) {
          ui.access(() -> {
            Notices.error(t, ex);
            bar.setVisible(false);
            verify.setEnabled(true);
            ui.setPollInterval(-1);
          });
        }
      });
    });
    Checkbox mask = new Checkbox(t.t("audit.export.maskPseudonyms"), true);
    mask.setId("export-mask");
    Select<ExportFormat> format = new Select<>();
    format.setId("export-format");
    format.setItems(ExportFormat.values());
    format.setValue(ExportFormat.CSV);
    format.setAriaLabel(t.t("audit.export.format"));
    Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
      ExportFormat f = format.getValue() == null ? ExportFormat.CSV : format.getValue();
      Masking m = mask.getValue() ? service.personalDataMasking() : Masking.none();
      byte[] bytes = service.export(filter(), f, m);
      return new DownloadResponse(new ByteArrayInputStream(bytes),
          "decisions." + f.name().toLowerCase(java.util.Locale.ROOT),
          f == ExportFormat.CSV ? "text/csv;charset=UTF-8" : "application/json", bytes.length);
    }), t.t("audit.export"));
    export.setId("audit-export");
    HorizontalLayout bar1 = new HorizontalLayout(verify, bar, result, format, mask, export);
    bar1.setAlignItems(FlexComponent.Alignment.CENTER);
    return bar1;
  }

  private AuditFilter filter() {
    return new AuditFilter(customer.getValue(), pack.getValue(), version.getValue(),
        action.getValue(), from.getValue(), to.getValue(), request.getValue());
  }

  private void search() {
    try {
      AuditFilter f = filter();
      List<DecisionRecord> rows = service.search(f);
      long total = service.count(f);
      grid.setItems(rows);
      count.setText(t.t("audit.count", total, rows.size()));
      count.getElement().setAttribute("data-count", String.valueOf(total));
    } catch (IllegalArgumentException e) {
      Notices.error(t.t("audit.badFilter", e.getMessage()));
    }
  }

  private void open(String decisionId) {
    detail.removeAll();
    service.detail(decisionId).ifPresentOrElse(this::show,
        () -> detail.add(new Span(t.t("audit.notFound", decisionId))));
    // the panel starts at its top, and its head is brought into sight if the page was
    // scrolled away from it (the page does not move when it is in sight already)
    detail.getElement().executeJs("this.scrollTop = 0; const head = this.firstElementChild;"
        + " if (head) { head.scrollIntoView({block: 'nearest'}); }");
  }

  private void show(AuditDetail d) {
    DecisionRecord r = d.record();
    detail.getElement().setAttribute("data-decision", r.decisionId());
    Button close = new Button(t.t("audit.detail.close"), e -> {
      grid.deselectAll();
      empty();
    });
    close.setId("audit-detail-close");
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    H3 title = new H3(t.t("audit.detail.title", r.decisionId(), r.customerId()));
    title.getStyle().set("margin-top", "var(--lumo-space-s)");
    HorizontalLayout head = new HorizontalLayout(title, close);
    head.setWidthFull();
    head.setAlignItems(FlexComponent.Alignment.BASELINE);
    head.expand(title);
    detail.add(head);
    detail.add(new Span(t.t("audit.detail.meta", r.sequence(), t.time(r.recordedAt()),
        r.actor(), r.requestId(), r.packs().stream().map(p -> p.id() + "@" + p.version())
            .collect(Collectors.joining(", ")))));
    JsonNode decision = readTree(r.decisionJson());
    String scoreText = scores(decision);
    Span scores = new Span(t.t("audit.detail.scores",
        scoreText.isEmpty() ? t.t("audit.detail.noScores") : scoreText));
    scores.setId("audit-scores");
    scores.getStyle().set("display", "block").set("font-weight", "600")
        .set("margin", "var(--lumo-space-s) 0");
    decision.path("scores").properties().forEach(e ->
        scores.getElement().setAttribute("data-" + e.getKey().toLowerCase(java.util.Locale.ROOT),
            e.getValue().asText()));
    detail.add(scores);
    Div why = new Div();
    why.add(section("audit.detail.actions", "audit-actions", list(decision.path("actions"),
        n -> n.path("action").asText() + " (" + n.path("pack").asText() + " / "
            + n.path("rule").asText() + ")")));
    why.add(section("audit.detail.vetoed", "audit-vetoed", list(decision.path("vetoed"),
        n -> n.path("action").path("action").asText() + ": " + n.path("reason").asText())));
    why.add(section("audit.detail.fired", "audit-fired", list(decision.path("fired"),
        n -> n.path("pack").asText() + " / " + n.path("rule").asText() + " — "
            + d.ruleTitle(n.path("pack").asText(), n.path("rule").asText(),
                n.path("title").asText(), t.locale()))));
    why.add(section("audit.detail.misses", "audit-misses", misses(decision.path("nearestMisses"))));
    why.add(section("audit.detail.proofs", "audit-proofs", list(decision.path("proofs"),
        JsonNode::toString)));
    Grid<WorkflowStep> steps = new Grid<>();
    steps.setId("audit-steps");
    // the panel beside the list is narrow: when, which task, which element and which instance
    // are stacked in one column, and the summary wraps beside it (ids break anywhere, see
    // review.css), so no step is cut off or scrolled sideways
    steps.addComponentColumn(this::stepWhere).setHeader(t.t("audit.step.step"))
        .setWidth("15rem").setFlexGrow(0);
    EngineTexts stepTexts = new EngineTexts(t);
    steps.addComponentColumn(stepTexts::stepComponent).setHeader(t.t("audit.step.summary"))
        .setWidth("12rem").setFlexGrow(1);
    steps.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    steps.setItems(d.steps());
    steps.setAllRowsVisible(true);
    Div workflow = new Div(new H4(t.t("audit.detail.steps", d.steps().size())));
    workflow.getElement().setAttribute("data-steps", String.valueOf(d.steps().size()));
    workflow.setId("audit-workflow");
    if (d.steps().isEmpty()) {
      workflow.add(new Span(t.t("audit.detail.noSteps")));
    } else {
      workflow.add(steps);
    }
    d.packs().forEach(p -> workflow.add(new Div(new Span(t.t("audit.detail.pack",
        p.pack().packId(), stepTexts.named("audit.packStatus.", p.status()),
        p.processInstanceKey())))));
    Span replayResult = new Span();
    replayResult.setId("replay-result");
    Div replayDiff = new Div();
    replayDiff.setId("replay-diff");
    Button replay = new Button(t.t("audit.replay"), e -> {
      replayDiff.removeAll();
      try {
        ReplayReport rep = service.replay(r.decisionId());
        replayResult.setText(rep.allIdentical() ? t.t("audit.replay.identical")
            : t.t("audit.replay.different", rep.different(), rep.failed()));
        replayResult.getElement().setAttribute("data-identical",
            String.valueOf(rep.allIdentical()));
        rep.differences().forEach(diff -> diff.fields().forEach(f ->
            replayDiff.add(new Div(new Span(t.t("audit.replay.field", f.path(),
                f.recorded(), f.replayed()))))));
        rep.failures().forEach(f -> replayDiff.add(new Div(new Span(f.problem()))));
      } catch (RuntimeException ex) {
        Notices.error(t, ex);
      }
    });
    replay.setId("audit-replay");
    replay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Pre input = new Pre(pretty(r.inputJson()));
    input.addClassName("audit-json");
    input.setId("audit-input");
    detail.add(new HorizontalLayout(replay, replayResult), replayDiff, why, workflow,
        new H4(t.t("audit.detail.inputs")), input);
  }

  /**
   * Codes (actions, pack references) one to a line as {@code <code>} (identifiers, not prose),
   * each allowed to break after its underscores
   * and at its {@code @} ({@code <wbr>}: nothing is added to the text, so a copied code is the
   * code), so that a narrow column breaks {@code GENERATE_BATTLE_PACK} between its words.
   */
  static Div codes(List<String> codes) {
    Div list = new Div();
    list.addClassName("audit-codes");
    for (String code : codes) {
      Element line = new Element("code");
      int from = 0;
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '_' || c == '@') {
          int end = c == '@' ? i : i + 1;
          if (end > from) {
            line.appendChild(Element.createText(code.substring(from, end)));
          }
          line.appendChild(new Element("wbr"));
          from = end;
        }
      }
      line.appendChild(Element.createText(code.substring(from)));
      list.getElement().appendChild(line);
    }
    return list;
  }

  /** A step's time, task type, element and process instance, one to a line, each titled. */
  private Div stepWhere(WorkflowStep s) {
    Div where = new Div();
    where.addClassName("audit-step-where");
    String[][] lines = {{"audit.step.time", t.time(s.occurredAt())},
        {"audit.step.type", s.jobType()}, {"audit.step.element", s.elementId()},
        {"audit.step.instance", String.valueOf(s.processInstanceKey())}};
    for (String[] line : lines) {
      Div d = new Div();
      String text = line[1] == null ? "" : line[1];
      if (line[0].equals("audit.step.type") || line[0].equals("audit.step.element")) {
        // ids of the model, shown as code (an element id such as evaluate is no prose)
        d.getElement().appendChild(new Element("code").setText(text));
      } else {
        d.add(new Span(text));
      }
      d.getElement().setAttribute("title", t.t(line[0]));
      d.getElement().setAttribute("data-part", line[0].substring("audit.step.".length()));
      where.add(d);
    }
    return where;
  }

  private Div section(String key, String id, UnorderedList items) {
    Div d = new Div(new H4(t.t(key, items.getChildren().count())), items);
    d.setId(id);
    if (items.getChildren().findAny().isEmpty()) {
      d.add(new Span(t.t("audit.detail.none")));
    }
    return d;
  }

  /** Nearest misses in the reader's language, from the stored explanation (old records too). */
  private UnorderedList misses(JsonNode array) {
    UnorderedList l = new UnorderedList();
    dev.baton.designer.i18n.EngineTexts texts = new dev.baton.designer.i18n.EngineTexts(t);
    if (array != null && array.isArray()) {
      array.forEach(n -> {
        ListItem item = new ListItem(n.path("pack").asText() + " / " + n.path("rule").asText()
            + t.t("audit.detail.missSeparator"));
        item.add(texts.missComponent(dev.baton.engine.rules.MissReason.of(
            n.path("explanation").asText())));
        item.getElement().setAttribute("title", n.path("explanation").asText());
        l.add(item);
      });
    }
    return l;
  }

  private static UnorderedList list(JsonNode array,
      java.util.function.Function<JsonNode, String> text) {
    UnorderedList l = new UnorderedList();
    if (array != null && array.isArray()) {
      array.forEach(n -> l.add(new ListItem(text.apply(n))));
    }
    return l;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String pretty(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(readTree(json));
    } catch (java.io.IOException e) {
      return json;
    }
  }

  @Override
  public String getPageTitle() {
    return t.t("audit.title");
  }
}
