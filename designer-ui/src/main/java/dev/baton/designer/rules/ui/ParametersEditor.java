package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.baton.designer.i18n.ProblemTexts;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.Parameters;
import dev.baton.designer.packs.ui.ValueEditor;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's parameters as first-class editors: per parameter its name and type, a typed value
 * editor, its title in English and Chinese side by side, the rules that use it, and its
 * problems. A new value moves every rule that refers to {@code $params.<name>}. Ids: {@code
 * parameter-<name>}, {@code -value}, {@code -title-en}, {@code -title-zh}, {@code -used}.
 */
class ParametersEditor extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private final transient EditorContext ctx;
  private final transient Map<String, Div> problems = new LinkedHashMap<>();
  private boolean editing;

  ParametersEditor(EditorContext ctx) {
    this.ctx = ctx;
    setId("parameters");
    setPadding(false);
    render();
  }

  /** Rebuilds the editors (not while one of them announces its own edit). */
  void render() {
    if (editing) {
      return;
    }
    removeAll();
    problems.clear();
    Map<String, Map<String, Object>> params = ctx.model().parameters();
    if (params.isEmpty()) {
      add(new Span(ctx.t("params.none")));
      return;
    }
    add(new Span(ctx.t("params.help")));
    params.forEach(this::card);
  }

  @SuppressWarnings("unchecked")
  private void card(String name, Map<String, Object> p) {
    String id = "parameter-" + name;
    FieldType type = PackModel.fieldType(p.get("type"));
    Div card = new Div();
    card.setId(id);
    card.addClassName("block");
    card.addClassName("parameter-card");
    H4 head = new H4(name);
    Span typeLabel = new Span(ctx.t("params.type", String.valueOf(p.get("type"))));
    typeLabel.addClassName("block-kind");
    ValueEditor value = ValueEditor.literal(type, "eq", p.get("value"), ctx.texts());
    value.setIds(id + "-value");
    value.setLabel(ctx.t("params.value"));
    value.setReadOnly(!ctx.editable());
    value.addValueChangeListener(e -> {
      if (e.getValue() == null) {
        // an emptied value is refused where it is typed; the pack keeps the last value
        value.showError(ctx.t("params.valueNeeded", String.valueOf(p.get("value"))));
        return;
      }
      value.showError(null);
      p.put("value", e.getValue());
      announce();
    });
    Map<String, Object> title = p.get("title") instanceof Map<?, ?> m
        ? (Map<String, Object>) m : new LinkedHashMap<>();
    TextField en = titleField(p, title, "en", id + "-title-en", "params.titleEn");
    TextField zh = titleField(p, title, "zh-CN", id + "-title-zh", "params.titleZh");
    HorizontalLayout titles = new HorizontalLayout(en, zh);
    titles.setWidthFull();
    titles.setPadding(false);
    List<String> users = Parameters.usedBy(ctx.model(), name);
    Span used = new Span(users.isEmpty() ? ctx.t("params.unused")
        : ctx.t("params.usedBy", String.join(", ", users)));
    used.setId(id + "-used");
    used.getElement().setAttribute("data-rules", String.valueOf(users.size()));
    Div problemBox = new Div();
    problemBox.addClassName("block-problems");
    problems.put(name, problemBox);
    HorizontalLayout top = new HorizontalLayout(head, typeLabel);
    top.setAlignItems(Alignment.BASELINE);
    card.add(top, value, titles, used, problemBox);
    add(card);
  }

  private TextField titleField(Map<String, Object> p, Map<String, Object> title, String lang,
      String id, String label) {
    TextField f = new TextField(ctx.t(label));
    f.setId(id);
    f.setWidthFull();
    f.setValue(title.get(lang) == null ? "" : String.valueOf(title.get(lang)));
    f.setReadOnly(!ctx.editable());
    f.setValueChangeMode(ValueChangeMode.ON_BLUR);
    f.addValueChangeListener(e -> {
      if (!e.isFromClient()) {
        return;
      }
      String v = e.getValue().trim();
      if (v.isEmpty()) {
        f.setErrorMessage(ctx.t("params.titleNeeded"));
        f.setInvalid(true);
        return;
      }
      f.setInvalid(false);
      title.put(lang, v);
      p.put("title", title);
      announce();
    });
    return f;
  }

  private void announce() {
    editing = true;
    try {
      // the rules' parameter chips and the where-used lists follow
      ctx.changed(EditorContext.Change.STRUCTURE);
    } finally {
      editing = false;
    }
  }

  /** Shows the reader's problems of each parameter on its card. */
  void showProblems(List<Problem> all) {
    problems.forEach((name, box) -> {
      box.removeAll();
      all.stream().filter(p -> p.path() != null && (p.path().equals("parameters." + name)
          || p.path().startsWith("parameters." + name + ".")))
          .forEach(p -> {
            Div d = new Div(ProblemTexts.text(p, ctx.texts()));
            d.addClassName("block-problem");
            box.add(d);
          });
    });
  }
}
