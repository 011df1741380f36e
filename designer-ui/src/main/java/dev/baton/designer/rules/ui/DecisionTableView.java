package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.packs.model.DecisionTable;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.i18n.ProblemTexts;
import dev.baton.designer.packs.model.TableLayout;
import dev.baton.designer.packs.model.TableSheet;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.CheckReport;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules as a decision table: input columns (a field and an operator in the header) and
 * output columns (a parameter of the action, or the points of a score), one row per rule, typed
 * cells validated as they are typed, the hit policy, add / remove / move of rows and columns,
 * CSV and XLSX export and import of the same table, and a simulator beside the table that
 * evaluates one fact with the engine and marks the rows that fired. Rules that do not fit the
 * table are listed with a link to edit them in the rule cards. Every edit goes through the
 * editor context, so undo and redo cover it.
 */
@StyleSheet("context://styles/dtable.css")
public class DecisionTableView extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private static final Pattern INPUT_PATH =
      Pattern.compile("^rules\\[(\\d+)\\]\\.when\\[0\\]\\.[^.]+\\.(\\w+).*");
  private static final Pattern OUTPUT_PATH =
      Pattern.compile("^rules\\[(\\d+)\\]\\.then\\[\\d+\\]\\.(emit|score)\\.?(\\w*).*");
  private static final Pattern RULE_PATH = Pattern.compile("^rules\\[(\\d+)\\].*");

  /** Evaluates a pack on facts at a time (the designer's rule service). */
  @FunctionalInterface
  public interface Evaluator extends Serializable {
    Decision evaluate(RulePack pack, List<Fact> facts, Instant now);
  }

  private final transient EditorContext ctx;
  private final transient Evaluator evaluator;
  private final Grid<Integer> grid = new Grid<>();
  private final HorizontalLayout tools = new HorizontalLayout();
  private final Div others = new Div();
  private final Div problems = new Div();
  private final HorizontalLayout simulator = new HorizontalLayout();
  private final Span simulated = new Span();
  private transient TableLayout layout;
  private final transient Set<String> fired = new HashSet<>();
  private final transient Map<String, List<HasValidation>> cells = new HashMap<>();
  private final transient Map<String, TextField> simulatorInputs = new LinkedHashMap<>();
  /** What was typed in the simulator: kept over redraws (undo, a hit policy change). */
  private final transient Map<String, String> simulatorValues = new HashMap<>();
  private final transient Map<String, VerticalLayout> rowHeaders = new HashMap<>();
  /** The static checks' findings on the pack as last validated, or null. */
  private transient CheckReport checks;
  private long renders;

  public DecisionTableView(EditorContext ctx, Evaluator evaluator) {
    this.ctx = ctx;
    this.evaluator = evaluator;
    setPadding(false);
    addClassName("dtable");
    configureGrid();
    others.setId("dtable-others");
    problems.setId("dtable-problems");
    problems.addClassName("dtable-problems");
    simulator.setId("dtable-simulator");
    simulator.addClassName("dtable-simulator");
    simulator.setWidthFull();
    simulator.setAlignItems(FlexComponent.Alignment.BASELINE);
    simulator.getStyle().set("flex-wrap", "wrap");
    grid.setWidthFull();
    add(tools, simulator, problems, grid, others);
    render();
  }

  private void configureGrid() {
    grid.setId("decision-table");
    grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
    grid.setAllRowsVisible(true);
  }

  /** Redraws the table from the pack (columns kept over redraws). */
  public final void render() {
    renders++;
    // a redraw follows an edit: an earlier simulation spoke of the pack as it was
    fired.clear();
    simulated.setText("");
    layout = TableLayout.of(ctx.model(), layout);
    cells.clear();
    rowHeaders.clear();
    renderTools();
    renderColumns();
    grid.setItems(layout.rows());
    renderOthers();
    renderSimulator();
    showProblems();
  }

  // ----------------------------------------------------------------------------- toolbar

  private void renderTools() {
    tools.removeAll();
    tools.setAlignItems(FlexComponent.Alignment.BASELINE);
    tools.getStyle().set("flex-wrap", "wrap");
    Select<HitPolicy> hit = new Select<>();
    hit.setId("dtable-hit-policy");
    hit.setLabel(ctx.t("dtable.hitPolicy"));
    hit.setItems(HitPolicy.values());
    hit.setItemLabelGenerator(p -> ctx.t("dtable.hitPolicy." + p.label()));
    hit.setValue(layout.hitPolicy());
    hit.setReadOnly(!ctx.editable());
    hit.setHelperText(ctx.t("dtable.hitPolicy." + layout.hitPolicy().label() + ".help"));
    hit.setWidth("20em");
    hit.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        layout.setHitPolicy(e.getValue());
        edited(EditorContext.Change.STRUCTURE);
      }
    });
    tools.add(hit);
    if (ctx.editable() && layout.type() != null) {
      Button addRow = new Button(ctx.t("dtable.addRow"), VaadinIcon.PLUS.create(), e -> {
        layout.addRow(ctx.t("designer.newRuleEn"), ctx.t("designer.newRuleZh"));
        edited(EditorContext.Change.STRUCTURE);
      });
      addRow.setId("dtable-add-row");
      tools.add(addRow, addInputTool(), addOutputTool());
    }
    Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> download(false)),
        ctx.t("table.exportCsv"));
    csv.setId("export-csv");
    Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(e -> download(true)),
        ctx.t("table.exportXlsx"));
    xlsx.setId("export-xlsx");
    tools.add(csv, xlsx);
    if (ctx.editable()) {
      Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
        UI ui = UI.getCurrent();
        ui.access(() -> importTable(meta.fileName(), bytes));
      }));
      upload.setId("import-table");
      upload.setAcceptedFileTypes(".csv", ".xlsx");
      upload.setUploadButton(new Button(ctx.t("table.import")));
      tools.add(upload);
    }
  }

  private Component addInputTool() {
    Select<String> field = new Select<>();
    field.setId("dtable-input-field");
    field.setLabel(ctx.t("dtable.inputField"));
    field.setItems(layout.inputFields());
    Select<Operator> op = new Select<>();
    op.setId("dtable-input-operator");
    op.setLabel(ctx.t("dtable.operator"));
    op.setItemLabelGenerator(o -> ctx.t("op." + o.label()));
    field.addValueChangeListener(e -> {
      op.setItems(e.getValue() == null ? List.of() : layout.operatorsFor(e.getValue()));
      op.setValue(Operator.EQ);
    });
    Button add = new Button(ctx.t("dtable.addInput"), VaadinIcon.PLUS.create(), e -> {
      if (field.getValue() != null && op.getValue() != null) {
        layout.addInput(new TableLayout.Input(field.getValue(), op.getValue()));
        render();
      }
    });
    add.setId("dtable-add-input");
    HorizontalLayout h = new HorizontalLayout(field, op, add);
    h.setAlignItems(FlexComponent.Alignment.BASELINE);
    h.setSpacing(false);
    return h;
  }

  private Component addOutputTool() {
    Select<String> out = new Select<>();
    out.setId("dtable-output");
    out.setLabel(ctx.t("dtable.output"));
    List<String> items = new ArrayList<>();
    layout.actionParameters().forEach(p -> items.add("then " + p));
    ctx.model().scores().forEach(s -> items.add("score " + s));
    out.setItems(items);
    out.setItemLabelGenerator(i -> i.startsWith("score ")
        ? ctx.t("dtable.scoreColumn", i.substring(6))
        : (layout.action() == null ? "" : layout.action() + ".") + i.substring(5));
    Button add = new Button(ctx.t("dtable.addOutput"), VaadinIcon.PLUS.create(), e -> {
      if (out.getValue() != null) {
        String v = out.getValue();
        layout.addOutput(new TableLayout.Output(v.startsWith("score "),
            v.substring(v.indexOf(' ') + 1)));
        render();
      }
    });
    add.setId("dtable-add-output");
    HorizontalLayout h = new HorizontalLayout(out, add);
    h.setAlignItems(FlexComponent.Alignment.BASELINE);
    h.setSpacing(false);
    return h;
  }

  // ----------------------------------------------------------------------------- columns

  private void renderColumns() {
    grid.removeAllColumns();
    grid.addComponentColumn(this::rowHeader).setHeader(ctx.t("dtable.rule")).setAutoWidth(true)
        .setFlexGrow(0).setFrozen(true);
    grid.addComponentColumn(this::priorityCell).setHeader(ctx.t("dtable.priority"))
        .setAutoWidth(true).setFlexGrow(0);
    List<TableLayout.Input> inputs = layout.inputs();
    for (int c = 0; c < inputs.size(); c++) {
      TableLayout.Input col = inputs.get(c);
      grid.addComponentColumn(r -> inputCell(r, col))
          .setHeader(header(col.field() + " " + ctx.t("op." + col.operator().label()),
              "in-" + c, ctx.t("dtable.inputKind." + col.cellKind().name().toLowerCase()),
              () -> layout.moveInput(col, -1),
              () -> layout.moveInput(col, 1), () -> layout.removeInput(col)))
          .setAutoWidth(true).setResizable(true);
    }
    List<TableLayout.Output> outputs = layout.outputs();
    for (int c = 0; c < outputs.size(); c++) {
      TableLayout.Output col = outputs.get(c);
      String text = col.score() ? ctx.t("dtable.scoreColumn", col.name()) : col.name();
      String kind = col.score() || layout.action() == null ? ctx.t("dtable.output")
          : ctx.t("dtable.outputOf", layout.action());
      grid.addComponentColumn(r -> outputCell(r, col))
          .setHeader(header(text, "out-" + c, kind,
              () -> layout.moveOutput(col, -1), () -> layout.moveOutput(col, 1),
              () -> layout.removeOutput(col)))
          .setAutoWidth(true).setResizable(true);
    }
  }

  private Component header(String text, String id, String kind, Runnable left, Runnable right,
      Runnable remove) {
    Span title = new Span(text);
    title.addClassName("dtable-header-text");
    Span sub = new Span(kind);
    sub.addClassName("dtable-header-kind");
    VerticalLayout v = new VerticalLayout(sub, title);
    v.setPadding(false);
    v.setSpacing(false);
    v.setId("dtable-col-" + id);
    v.addClassName(id.startsWith("in-") ? "dtable-head-in" : "dtable-head-out");
    if (ctx.editable()) {
      HorizontalLayout buttons = new HorizontalLayout(
          small(VaadinIcon.ARROW_LEFT, "dtable.moveLeft", id + "-left", () -> {
            left.run();
            edited(EditorContext.Change.STRUCTURE);
          }),
          small(VaadinIcon.ARROW_RIGHT, "dtable.moveRight", id + "-right", () -> {
            right.run();
            edited(EditorContext.Change.STRUCTURE);
          }),
          small(VaadinIcon.CLOSE_SMALL, "dtable.removeColumn", id + "-remove", () -> {
            remove.run();
            edited(EditorContext.Change.STRUCTURE);
          }));
      buttons.setSpacing(false);
      v.add(buttons);
    }
    return v;
  }

  private Button small(VaadinIcon icon, String tip, String id, Runnable action) {
    Button b = new Button(icon.create(), e -> action.run());
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    b.setTooltipText(ctx.t(tip));
    b.getElement().setAttribute("aria-label", ctx.t(tip));
    b.setId("dtable-" + id);
    return b;
  }

  // ----------------------------------------------------------------------------- cells

  private Component rowHeader(Integer rule) {
    String id = ruleId(rule);
    int position = layout.rows().indexOf(rule) + 1;
    Span label = new Span(position + ". " + id);
    label.addClassName("dtable-rule-id");
    Span title = new Span(title(ctx.model().rule(rule)));
    title.addClassName("dtable-rule-title");
    VerticalLayout v = new VerticalLayout(label, title);
    v.setPadding(false);
    v.setSpacing(false);
    v.setId("dtable-row-" + id);
    rowHeaders.put(id, v);
    markFired(id, v);
    markFindings(id, v);
    if (ctx.editable()) {
      HorizontalLayout buttons = new HorizontalLayout(
          small(VaadinIcon.ARROW_UP, "dtable.moveUp", "up-" + id, () -> {
            if (layout.moveRow(rule, -1)) {
              edited(EditorContext.Change.STRUCTURE);
            }
          }),
          small(VaadinIcon.ARROW_DOWN, "dtable.moveDown", "down-" + id, () -> {
            if (layout.moveRow(rule, 1)) {
              edited(EditorContext.Change.STRUCTURE);
            }
          }),
          small(VaadinIcon.TRASH, "dtable.removeRow", "remove-" + id, () -> {
            layout.removeRow(rule);
            edited(EditorContext.Change.STRUCTURE);
          }));
      buttons.setSpacing(false);
      v.add(buttons);
    }
    return v;
  }

  private void markFired(String id, VerticalLayout header) {
    boolean on = fired.contains(id);
    header.getChildren().filter(c -> c instanceof Span s && s.hasClassName("dtable-fired-mark"))
        .toList().forEach(header::remove);
    if (on) {
      Span mark = new Span(ctx.t("dtable.fired"));
      mark.addClassName("dtable-fired-mark");
      header.addComponentAtIndex(2, mark);
    }
    header.setClassName("dtable-row-fired", on);
  }

  /**
   * Shows the static checks' findings on the rows of the rules they name (the rule a finding is
   * about and the other rules it names); null (the pack is not valid yet) clears them.
   */
  public void showFindings(CheckReport report) {
    checks = report;
    rowHeaders.forEach(this::markFindings);
  }

  private void markFindings(String id, VerticalLayout header) {
    header.getChildren().filter(c -> c instanceof Div d && d.hasClassName("dtable-finding"))
        .toList().forEach(header::remove);
    if (checks == null) {
      return;
    }
    for (Finding f : checks.forRule(id)) {
      Icon icon = (f.severity() == Finding.Severity.ERROR ? VaadinIcon.EXCLAMATION_CIRCLE
          : VaadinIcon.WARNING).create();
      icon.addClassName("dtable-finding-icon");
      Div mark = new Div(icon, new Span(f.message(ctx.texts().locale())));
      mark.addClassNames("dtable-finding", f.severity() == Finding.Severity.ERROR
          ? "dtable-finding-error" : "dtable-finding-warning");
      mark.getElement().setAttribute("data-kind", f.kind().name());
      header.add(mark);
    }
  }

  private Component priorityCell(Integer rule) {
    TextField f = new TextField();
    f.setId("dtable-priority-" + ruleId(rule));
    Object p = ctx.model().rule(rule).get("priority");
    f.setValue(p == null ? "" : String.valueOf(p));
    f.setPlaceholder("0");
    f.setWidth("3.5em");
    f.setReadOnly(!ctx.editable());
    f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    f.addValueChangeListener(e -> {
      String s = e.getValue().strip();
      if (s.isEmpty()) {
        ctx.model().rule(rule).remove("priority");
      } else if (s.matches("[+-]?\\d{1,9}")) {
        ctx.model().rule(rule).put("priority", Integer.parseInt(s));
      } else {
        f.setInvalid(true);
        f.setErrorMessage(ctx.t("dtable.error.priority", s));
        return;
      }
      f.setInvalid(false);
      edited(EditorContext.Change.VALUE);
    });
    register(rule, "priority", f);
    return f;
  }

  private Component inputCell(Integer rule, TableLayout.Input col) {
    FieldType type = layout.fields().get(col.field());
    Object value = layout.input(rule, col);
    String id = "dtable-cell-" + ruleId(rule) + "-" + col.field() + "-" + col.operator().label();
    if (type != null && col.cellKind() == TableLayout.CellKind.VALUE
        && (type.isEnum() || type.scalar() == dev.baton.engine.rulepack.ValueType.BOOLEAN)) {
      Select<String> s = new Select<>();
      s.setId(id);
      List<String> items = new ArrayList<>(List.of(""));
      items.addAll(type.isEnum() ? type.enumValues() : List.of("true", "false"));
      s.setItems(items);
      s.setItemLabelGenerator(i -> i.isEmpty() ? ctx.t("dtable.any") : i);
      s.setEmptySelectionAllowed(false);
      s.setWidth("7.5em");
      s.setValue(value == null ? "" : String.valueOf(value));
      s.setReadOnly(!ctx.editable());
      s.addValueChangeListener(e -> {
        if (e.isFromClient()) {
          writeInput(rule, col, e.getValue(), s);
        }
      });
      register(rule, col.field(), s);
      return s;
    }
    TextField f = new TextField();
    f.setId(id);
    f.setValue(TableLayout.text(col, value));
    f.setPlaceholder(ctx.t("dtable.placeholder." + col.cellKind().name().toLowerCase()));
    f.setTooltipText(ctx.t("dtable.cellHelp." + col.cellKind().name().toLowerCase()));
    f.setReadOnly(!ctx.editable());
    f.setWidth(col.cellKind() == TableLayout.CellKind.VALUE ? "6.5em" : "8.5em");
    f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    f.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        writeInput(rule, col, e.getValue(), f);
      }
    });
    register(rule, col.field(), f);
    return f;
  }

  private void writeInput(int rule, TableLayout.Input col, String text, HasValidation field) {
    TableLayout.Parsed p = layout.parseInput(col, text);
    if (!p.ok()) {
      field.setErrorMessage(ctx.t(p.error(), p.args().toArray()));
      field.setInvalid(true);
      return;
    }
    field.setInvalid(false);
    layout.setInput(rule, col, p.value());
    edited(EditorContext.Change.VALUE);
  }

  private Component outputCell(Integer rule, TableLayout.Output col) {
    Object value = layout.output(rule, col);
    String id = "dtable-out-" + ruleId(rule) + "-" + (col.score() ? "score-" : "") + col.name();
    FieldType type = col.score() || layout.action() == null ? null
        : dev.baton.engine.rulepack.ActionCatalogue.spec(layout.action())
            .flatMap(a -> a.param(col.name())).map(
                dev.baton.engine.rulepack.ActionCatalogue.ParamSpec::type).orElse(null);
    if (type != null && type.isEnum()) {
      Select<String> s = new Select<>();
      s.setId(id);
      List<String> items = new ArrayList<>(List.of(""));
      items.addAll(type.enumValues());
      s.setItems(items);
      s.setItemLabelGenerator(i -> i.isEmpty() ? ctx.t("dtable.notSet") : i);
      s.setWidth("8em");
      s.setValue(value == null ? "" : String.valueOf(value));
      s.setReadOnly(!ctx.editable());
      s.addValueChangeListener(e -> {
        if (e.isFromClient()) {
          writeOutput(rule, col, e.getValue(), s);
        }
      });
      register(rule, "out:" + col.name(), s);
      return s;
    }
    TextField f = new TextField();
    f.setId(id);
    f.setValue(TableLayout.text(value));
    f.setPlaceholder(col.score() ? "0" : ctx.t("dtable.notSet"));
    f.setReadOnly(!ctx.editable());
    f.setWidth(col.score() ? "5em" : "8.5em");
    f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    f.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        writeOutput(rule, col, e.getValue(), f);
      }
    });
    register(rule, "out:" + col.name(), f);
    return f;
  }

  private void writeOutput(int rule, TableLayout.Output col, String text, HasValidation field) {
    TableLayout.Parsed p = layout.parseOutput(col, text);
    if (!p.ok()) {
      field.setErrorMessage(ctx.t(p.error(), p.args().toArray()));
      field.setInvalid(true);
      return;
    }
    field.setInvalid(false);
    layout.setOutput(rule, col, p.value());
    edited(EditorContext.Change.VALUE);
  }

  private void register(int rule, String key, HasValidation field) {
    cells.computeIfAbsent(rule + ":" + key, k -> new ArrayList<>()).add(field);
  }

  // ----------------------------------------------------------------------------- edits

  /**
   * Tells the editor (undo, validation, other views) about a table edit, then redraws unless
   * the editor already did (the designer redraws the table on every structure change, undo and
   * redo included).
   */
  private void edited(EditorContext.Change change) {
    long before = renders;
    ctx.changed(change);
    if (change == EditorContext.Change.STRUCTURE) {
      if (renders == before) {
        render();
      }
    } else {
      showProblems();
    }
  }

  /**
   * Shows the pack's problems that concern table rows: on the cell of the field or parameter
   * when the path names one, else on the row's priority cell, and as text above the table.
   */
  private void showProblems() {
    problems.removeAll();
    Set<Integer> rows = new HashSet<>(layout.rows());
    List<Problem> found = ctx.model().validate();
    for (Problem p : found) {
      Matcher rule = RULE_PATH.matcher(p.path() == null ? "" : p.path());
      if (!rule.matches() || !rows.contains(Integer.parseInt(rule.group(1)))) {
        continue;
      }
      int r = Integer.parseInt(rule.group(1));
      String text = ProblemTexts.text(p, ctx.texts());
      Matcher in = INPUT_PATH.matcher(p.path());
      Matcher out = OUTPUT_PATH.matcher(p.path());
      String key = in.matches() ? in.group(2) : out.matches() && !out.group(3).isEmpty()
          ? "out:" + out.group(3) : "priority";
      List<HasValidation> targets = cells.getOrDefault(r + ":" + key,
          cells.getOrDefault(r + ":priority", List.of()));
      for (HasValidation target : targets) {
        target.setErrorMessage(text);
        target.setInvalid(true);
      }
      Div line = new Div(new Span(ruleId(r) + ": " + text));
      line.addClassName("dtable-problem");
      problems.add(line);
    }
  }

  // ----------------------------------------------------------------------------- others

  private void renderOthers() {
    others.removeAll();
    if (layout.type() == null) {
      others.add(new Span(ctx.t("dtable.noType")));
      return;
    }
    if (layout.others().isEmpty()) {
      return;
    }
    others.add(new H4(ctx.t("dtable.others")));
    for (int r : layout.others()) {
      String id = ruleId(r);
      Div line = new Div();
      line.setId("dtable-other-" + id);
      line.addClassName("dtable-other");
      line.add(new Span(id + " — " + title(ctx.model().rule(r)) + ": "));
      Span edit = new Span(ctx.t("dtable.editInRules"));
      edit.addClassName("dtable-edit-in-rules");
      line.add(edit);
      others.add(line);
    }
  }

  // ----------------------------------------------------------------------------- simulator

  private void renderSimulator() {
    simulator.removeAll();
    simulatorInputs.clear();
    simulator.setVisible(layout.type() != null);
    if (layout.type() == null) {
      return;
    }
    Span title = new Span(ctx.t("dtable.simulator"));
    title.addClassName("dtable-simulator-title");
    title.setTitle(ctx.t("dtable.simulator.hint", layout.type()));
    simulator.add(title);
    layout.fields().forEach((field, type) -> {
      if (type.list()) {
        return;
      }
      TextField f = new TextField(field);
      f.setId("dtable-sim-" + field);
      f.setWidth("9em");
      f.setValue(simulatorValues.getOrDefault(field, ""));
      f.addValueChangeListener(e -> simulatorValues.put(field, e.getValue()));
      f.setPlaceholder(type.isEnum() ? String.join(" | ", type.enumValues())
          : type.scalar().label());
      simulatorInputs.put(field, f);
      simulator.add(f);
    });
    Button run = new Button(ctx.t("dtable.simulate"), VaadinIcon.PLAY.create(), e -> simulate());
    run.setId("dtable-simulate");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    simulated.setId("dtable-simulated");
    simulator.add(run, simulated);
  }

  private void simulate() {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean ok = true;
    for (var e : simulatorInputs.entrySet()) {
      TextField f = e.getValue();
      TableLayout.Parsed p = layout.parseInput(new TableLayout.Input(e.getKey(), Operator.EQ),
          f.getValue());
      if (!p.ok()) {
        f.setErrorMessage(ctx.t(p.error(), p.args().toArray()));
        f.setInvalid(true);
        ok = false;
      } else {
        f.setInvalid(false);
        if (p.value() != null) {
          values.put(e.getKey(), p.value());
        }
      }
    }
    if (!ok) {
      return;
    }
    try {
      Decision d = evaluator.evaluate(ctx.model().toPack(),
          List.of(new Fact(layout.type(), values)), Instant.now());
      fired.clear();
      fired.addAll(d.firedRuleIds());
      simulated.setText(d.firedRuleIds().isEmpty() ? ctx.t("dtable.simulated.none")
          : ctx.t("dtable.simulated", String.join(", ", d.firedRuleIds()),
              String.join(", ", d.actions().stream().map(a -> a.action()).toList())));
      rowHeaders.forEach(this::markFired);
    } catch (RuntimeException ex) {
      Notices.error(ctx.texts(), ex);
    }
  }

  // ----------------------------------------------------------------------------- files

  private DownloadResponse download(boolean excel) {
    List<List<String>> rows = TableSheet.rows(ctx.model(), layout);
    byte[] bytes = excel ? DecisionTable.toXlsx(rows) : DecisionTable.toCsv(rows);
    String name = ctx.model().id() + "-table." + (excel ? "xlsx" : "csv");
    return new DownloadResponse(new ByteArrayInputStream(bytes), name, excel
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=UTF-8", bytes.length);
  }

  private void importTable(String name, byte[] bytes) {
    try {
      List<List<String>> sheet = name.toLowerCase().endsWith(".xlsx")
          ? DecisionTable.fromXlsx(bytes) : DecisionTable.fromCsv(bytes);
      PackModel applied = TableSheet.apply(ctx.model(), sheet, ctx.texts());
      ctx.model().replaceRoot(applied.root());
      edited(EditorContext.Change.STRUCTURE);
      Notices.ok(ctx.t("table.imported", layout.rows().size()));
    } catch (DecisionTable.TableException e) {
      Notices.error(ctx.t("table.refused", String.join("\n", e.problems())));
    }
  }

  // ----------------------------------------------------------------------------- helpers

  private String ruleId(int rule) {
    return rule < ctx.model().rules().size() ? String.valueOf(ctx.model().rule(rule).get("id"))
        : "";
  }

  private String title(Map<String, Object> rule) {
    if (rule.get("title") instanceof Map<?, ?> m) {
      Object v = m.get(ctx.texts().chinese() ? "zh-CN" : "en");
      return v == null ? String.valueOf(m.get("en")) : String.valueOf(v);
    }
    return "";
  }
}
