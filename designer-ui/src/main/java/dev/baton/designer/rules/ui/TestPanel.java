package dev.baton.designer.rules.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.RulePackService;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.ui.ValueEditor;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.rulepack.CheckReport;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.ExampleCoverage;
import dev.baton.engine.rules.ExampleResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The test panel: runs the pack's examples on the pack as edited, evaluates facts entered in a
 * form, shows the decision (fired rules are highlighted on their cards, nearest misses on the
 * failing block) and saves a run as a new example.
 */
public class TestPanel extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build());

  private final transient RulePackService service;
  private final transient Texts t;
  private final transient Supplier<PackModel> model;
  private final transient Supplier<Draft> draft;
  private final transient Consumer<Decision> show;
  private final transient Consumer<DraftRef> saved;
  private final Grid<ExampleResult> results = new Grid<>();
  private final Span summary = new Span();
  private final Div facts = new Div();
  private final DateTimePicker now = new DateTimePicker();
  private final Div decision = new Div();
  private final Div coverage = new Div();
  private final Div findings = new Div();
  private final transient List<FactEditor> editors = new ArrayList<>();
  private transient Decision last;

  public TestPanel(RulePackService service, Texts t, Supplier<PackModel> model,
      Supplier<Draft> draft, Consumer<Decision> show, Consumer<DraftRef> saved,
      boolean editable) {
    this.service = service;
    this.t = t;
    this.model = model;
    this.draft = draft;
    this.show = show;
    this.saved = saved;
    setPadding(false);
    Button run = new Button(t.t("test.runExamples"), VaadinIcon.PLAY.create(), e -> runExamples());
    run.setId("run-examples");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    summary.setId("examples-summary");
    results.setId("example-results");
    results.setAllRowsVisible(true);
    results.addColumn(r -> r.passed() ? "✓" : "✗").setHeader(t.t("test.passed"))
        .setAutoWidth(true).setFlexGrow(0);
    results.addColumn(ExampleResult::name).setHeader(t.t("test.example")).setFlexGrow(2);
    results.addColumn(r -> String.join("; ", r.differences())).setHeader(t.t("test.differences"))
        .setFlexGrow(3);
    results.addItemClickListener(e -> {
      if (e.getItem().decision() != null) {
        showDecision(e.getItem().decision());
      }
    });
    now.setLabel(t.t("test.now"));
    now.setHelperText(t.t("value.utc"));
    now.setLocale(t.locale());
    now.setValue(LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0));
    Select<String> type = new Select<>();
    type.setId("fact-type");
    type.setLabel(t.t("test.factType"));
    type.setItems(model.get().facts().keySet());
    Button add = new Button(t.t("test.addFact"), e -> {
      if (type.getValue() != null) {
        addFact(new Fact(type.getValue(), Map.of()));
      }
    });
    add.setId("add-fact");
    Button evaluate = new Button(t.t("test.evaluate"), e -> evaluate());
    evaluate.setId("evaluate-facts");
    evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    TextField name = new TextField(t.t("test.exampleName"));
    name.setId("example-name");
    Button save = new Button(t.t("test.saveExample"), e -> saveExample(name.getValue()));
    save.setId("save-example");
    HorizontalLayout saveBar = new HorizontalLayout(name, save);
    saveBar.setAlignItems(Alignment.BASELINE);
    saveBar.setVisible(editable);
    decision.setId("decision");
    HorizontalLayout addBar = new HorizontalLayout(now, type, add);
    addBar.setAlignItems(Alignment.BASELINE);
    coverage.setId("examples-coverage");
    findings.setId("check-findings");
    add(new HorizontalLayout(run, summary), results, coverage, new H4(t.t("checks.title")),
        findings, new H4(t.t("test.facts")), addBar, facts, evaluate, decision, saveBar);
  }

  private void runExamples() {
    String text = draft.get().examples();
    if (text == null || text.isBlank()) {
      summary.setText(t.t("test.noExamples"));
      return;
    }
    try {
      RulePack pack = model.get().toPack();
      List<PackExample> examples = RulePacks.parseExamples("examples", text);
      List<ExampleResult> r = service.runExamples(pack, examples);
      results.setItems(r);
      long passed = r.stream().filter(ExampleResult::passed).count();
      summary.setText(t.t("test.summary", passed, r.size()));
      summary.getElement().setAttribute("data-failed", String.valueOf(r.size() - passed));
      showCoverage(ExampleCoverage.of(pack, r));
      if (!r.isEmpty() && r.get(0).decision() != null) {
        loadFacts(examples.get(0));
      }
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  /** Which rules the examples fired, and which conditions they saw hold and fail. */
  private void showCoverage(ExampleCoverage c) {
    coverage.removeAll();
    Div head = new Div(t.t("test.coverage", c.firedCount(), c.rules().size(),
        c.conditionsBothWays(), c.conditionCount()));
    head.setId("coverage-summary");
    coverage.add(head);
    for (ExampleCoverage.RuleCoverage r : c.rules()) {
      List<String> states = r.conditions().stream().map(k -> t.t("test.coverage.condition",
          k.condition(), t.t(k.bothWays() ? "test.coverage.heldFailed" : k.held()
              ? "test.coverage.held" : k.failed() ? "test.coverage.failed"
              : "test.coverage.untried"))).toList();
      Div line = new Div(t.t("test.coverage.rule", r.ruleId(), r.firedIn().size(), c.examples(),
          String.join(", ", states)));
      line.setId("coverage-" + r.ruleId());
      line.addClassName(r.fired() ? "coverage-fired" : "block-warning");
      coverage.add(line);
    }
  }

  /**
   * Shows what the static checks found in the pack (every finding, also the gaps, which belong
   * to no rule), or that they found nothing.
   */
  public void showFindings(CheckReport report) {
    findings.removeAll();
    if (report == null) {
      return;
    }
    if (report.findings().isEmpty()) {
      findings.add(new Div(t.t("checks.none")));
    }
    for (Finding f : report.findings()) {
      boolean error = f.severity() == Finding.Severity.ERROR;
      Div d = new Div(t.t(error ? "checks.error" : "checks.warning", f.message(t.locale())));
      d.addClassName(error ? "block-problem" : "block-warning");
      d.getElement().setAttribute("data-kind", f.kind().name());
      findings.add(d);
    }
  }

  private void loadFacts(PackExample example) {
    facts.removeAll();
    editors.clear();
    now.setValue(LocalDateTime.ofInstant(example.now(), ZoneOffset.UTC));
    example.facts().forEach(this::addFact);
  }

  private void addFact(Fact fact) {
    FactEditor e = new FactEditor(fact, model.get().fields(fact.type()), t, editors.size(),
        ed -> {
          editors.remove(ed);
          facts.remove(ed);
        });
    editors.add(e);
    facts.add(e);
  }

  private void evaluate() {
    try {
      Instant at = now.getValue() == null ? Instant.now()
          : now.getValue().toInstant(ZoneOffset.UTC);
      Decision d = service.evaluate(model.get().toPack(), editors.stream().map(FactEditor::fact)
          .toList(), at);
      showDecision(d);
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  private void showDecision(Decision d) {
    last = d;
    decision.removeAll();
    decision.add(new H4(t.t("test.decision")));
    // the rules that fired as cards: the rule and its title in the UI's language
    Div fired = new Div(new Span(t.t("test.fired") + ": "));
    fired.addClassName("decision-fired");
    if (d.fired().isEmpty()) {
      fired.add(new Span(t.t("test.none")));
    }
    d.fired().forEach(f -> fired.add(ruleCard(f.rule(), title(f.rule(), f.title()),
        "decision-fired-rule")));
    decision.add(fired);
    // each action as a card: its name, then its parameters as "name: value" lines
    Div actions = new Div();
    actions.addClassName("decision-actions");
    actions.add(new Span(t.t("test.actions") + ": "));
    if (d.actions().isEmpty()) {
      actions.add(new Span(t.t("test.none")));
    }
    d.actions().forEach(a -> actions.add(actionCard(a, null)));
    decision.add(actions);
    d.vetoed().forEach(v -> {
      Div card = actionCard(v.action(), t.t("test.vetoed", v.rule(),
          v.reason() == null ? "" : v.reason()));
      if (v.proof() != null) {
        // what the veto rests on (e.g. the consent record), so the analyst can check it
        Div proof = new Div(t.t("test.proof", v.proof() instanceof Map<?, ?>
            || v.proof() instanceof java.util.Collection<?>
            ? dev.baton.designer.packs.model.PackModel.inline(v.proof())
            : String.valueOf(v.proof())));
        proof.addClassName("decision-proof");
        card.add(proof);
      }
      decision.add(card);
    });
    decision.add(line("test.blocked", t.t(d.blocked() ? "value.true" : "value.false")));
    if (!d.scores().isEmpty()) {
      decision.add(line("test.scores", String.join(", ", d.scores().entrySet().stream()
          .map(e -> e.getKey() + " = " + e.getValue().stripTrailingZeros().toPlainString())
          .toList())));
    }
    // each nearest miss as a card: the rule, and why it did not fire
    if (!d.nearestMisses().isEmpty()) {
      Div misses = new Div(new Span(t.t("test.miss") + ": "));
      misses.addClassName("decision-miss");
      d.nearestMisses().forEach(m -> misses.add(ruleCard(m.rule(),
          t.t("designer.miss", new dev.baton.designer.i18n.EngineTexts(t).miss(
              dev.baton.engine.rules.MissReason.of(m))), "decision-missed-rule")));
      decision.add(misses);
    }
    show.accept(d);
  }

  private Div actionCard(Decision.DecidedAction a, String vetoed) {
    Div card = new Div();
    card.addClassName("decision-action");
    if (vetoed != null) {
      card.addClassName("vetoed");
    }
    Span name = new Span(a.action());
    name.addClassName("decision-action-name");
    card.add(name);
    a.params().forEach((k, v) -> card.add(new Div(k + ": " + (v instanceof Map<?, ?>
        || v instanceof java.util.Collection<?> ? dev.baton.designer.packs.model.PackModel
        .inline(v) : String.valueOf(v)))));
    if (vetoed != null) {
      card.add(new Div(vetoed));
    }
    return card;
  }

  /** The rule's title in the UI's language (the other language stands in), else the given. */
  private String title(String rule, String fallback) {
    boolean zh = "zh".equals(t.locale().getLanguage());
    for (Map<String, Object> r : model.get().rules()) {
      if (rule.equals(String.valueOf(r.get("id"))) && r.get("title") instanceof Map<?, ?> m) {
        Object mine = m.get(zh ? "zh-CN" : "en");
        Object other = m.get(zh ? "en" : "zh-CN");
        return mine != null ? String.valueOf(mine) : other != null ? String.valueOf(other)
            : fallback;
      }
    }
    return fallback;
  }

  private static Div ruleCard(String rule, String text, String className) {
    Div card = new Div();
    card.addClassName("decision-rule");
    card.addClassName(className);
    Span name = new Span(rule);
    name.addClassName("decision-rule-name");
    card.add(name);
    if (text != null && !text.isBlank()) {
      card.add(new Div(text));
    }
    return card;
  }

  private Div line(String key, String value) {
    Div d = new Div(new Span(t.t(key) + ": "), new Span(value));
    d.addClassName("decision-" + key.substring(key.indexOf('.') + 1));
    return d;
  }

  /** Forgets the shown decision (the pack changed). */
  public void clearDecision() {
    last = null;
    decision.removeAll();
  }

  private void saveExample(String name) {
    if (last == null) {
      Notices.error(t.t("test.needDecision"));
      return;
    }
    if (name == null || name.isBlank()) {
      Notices.error(t.t("test.needName"));
      return;
    }
    Map<String, Object> ex = new LinkedHashMap<>();
    ex.put("name", name.trim());
    ex.put("now", last.now().toString());
    Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
    editors.forEach(e -> byType.computeIfAbsent(e.fact().type(), k -> new ArrayList<>())
        .add(new LinkedHashMap<>(e.fact().values())));
    ex.put("facts", byType);
    Map<String, Object> expect = new LinkedHashMap<>();
    expect.put("fired", last.firedRuleIds());
    expect.put("actions", last.actions().stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", a.action());
      if (a.params().get("customerId") != null) {
        m.put("customerId", a.params().get("customerId"));
      }
      return m;
    }).toList());
    expect.put("blocked", last.blocked());
    if (!last.scores().isEmpty()) {
      Map<String, Object> scores = new LinkedHashMap<>();
      last.scores().forEach((k, v) -> scores.put(k, v));
      expect.put("scores", scores);
    }
    ex.put("expect", expect);
    try {
      String existing = draft.get().examples() == null ? "" : draft.get().examples();
      String text = existing + (existing.endsWith("\n") || existing.isEmpty() ? "" : "\n")
          + "\n" + YAML.writeValueAsString(List.of(ex));
      DraftRef ref = service.saveExamples(draft.get().packId(), draft.get().revision(), text);
      saved.accept(ref);
      Notices.ok(t.t("test.exampleSaved", name.trim(), ref.revision()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  /** One input fact in the form: its fields with typed editors. */
  static final class FactEditor extends FormLayout {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final transient Map<String, ValueEditor> fields = new LinkedHashMap<>();

    FactEditor(Fact fact, Map<String, FieldType> types, Texts t, int n,
        Consumer<FactEditor> remove) {
      this.type = fact.type();
      setId("fact-" + n);
      addClassName("block");
      add(new Span(fact.type()));
      types.forEach((name, ft) -> {
        ValueEditor e = ValueEditor.literal(ft, ft.list() ? "in" : "eq", fact.values().get(name),
            t);
        e.setLabel(name);
        e.setId("fact-" + n + "-" + name);
        fields.put(name, e);
        add(e);
      });
      add(new Button(t.t("test.removeFact"), e -> remove.accept(this)));
    }

    Fact fact() {
      Map<String, Object> values = new LinkedHashMap<>();
      fields.forEach((k, e) -> {
        if (e.getValue() != null) {
          values.put(k, e.getValue());
        }
      });
      return new Fact(type, values);
    }
  }
}
