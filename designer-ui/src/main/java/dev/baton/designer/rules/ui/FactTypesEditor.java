package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fact types editor: add a type, its fields with their types, and enum values. */
public class FactTypesEditor extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private static final String ENUM = "enum";
  private final transient EditorContext ctx;

  public FactTypesEditor(EditorContext ctx) {
    this.ctx = ctx;
    setId("fact-types");
    render();
  }

  /** Redraws from the pack. */
  public final void render() {
    removeAll();
    Map<String, Map<String, Object>> facts = ctx.model().facts();
    int n = 0;
    for (String type : new ArrayList<>(facts.keySet())) {
      add(typeBlock(facts, type, n++));
    }
    if (ctx.editable()) {
      TextField name = new TextField(ctx.t("facts.newType"));
      name.setId("new-fact-type");
      Button add = new Button(ctx.t("facts.addType"), VaadinIcon.PLUS.create(), e -> {
        String v = name.getValue().trim();
        if (!v.isEmpty() && !facts.containsKey(v)) {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("customerId", "string");
          facts.put(v, fields);
          ctx.changed(EditorContext.Change.STRUCTURE);
        }
      });
      add.setId("add-fact-type");
      HorizontalLayout bar = new HorizontalLayout(name, add);
      bar.setAlignItems(Alignment.BASELINE);
      add(bar);
    }
  }

  private Div typeBlock(Map<String, Map<String, Object>> facts, String type, int n) {
    Div block = new Div();
    block.addClassName("block");
    block.setId("fact-type-" + type);
    Span title = new Span(type);
    title.addClassName("block-kind");
    block.add(title);
    Map<String, Object> fields = facts.get(type);
    for (String field : new ArrayList<>(fields.keySet())) {
      block.add(fieldRow(fields, field, type));
    }
    if (ctx.editable()) {
      Button add = new Button(ctx.t("facts.addField"), VaadinIcon.PLUS.create(), e -> {
        int i = fields.size() + 1;
        while (fields.containsKey("field" + i)) {
          i++;
        }
        fields.put("field" + i, "string");
        ctx.changed(EditorContext.Change.STRUCTURE);
      });
      add.setId("add-field-" + type);
      Button remove = new Button(ctx.t("facts.removeType"), VaadinIcon.TRASH.create(), e -> {
        facts.remove(type);
        ctx.changed(EditorContext.Change.STRUCTURE);
      });
      block.add(new HorizontalLayout(add, remove));
    }
    return block;
  }

  private HorizontalLayout fieldRow(Map<String, Object> fields, String field, String type) {
    FieldType ft = PackModel.fieldType(fields.get(field));
    TextField name = new TextField();
    name.setAriaLabel(ctx.t("facts.field"));
    name.setValue(field);
    name.setReadOnly(!ctx.editable());
    name.setValueChangeMode(ValueChangeMode.ON_BLUR);
    name.addValueChangeListener(e -> {
      Map<String, Object> copy = new LinkedHashMap<>();
      fields.forEach((k, v) -> copy.put(k.equals(field) ? e.getValue().trim() : k, v));
      fields.clear();
      fields.putAll(copy);
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    Select<String> kind = new Select<>();
    kind.setAriaLabel(ctx.t("facts.type"));
    List<String> kinds = new ArrayList<>(Arrays.stream(ValueType.values()).map(ValueType::label)
        .toList());
    kinds.add(ENUM);
    Arrays.stream(ValueType.values()).forEach(v -> kinds.add("list:" + v.label()));
    kind.setItems(kinds);
    kind.setItemLabelGenerator(k -> k.startsWith("list:") ? ctx.t("facts.listOf",
        ctx.t("type." + k.substring(5))) : ctx.t("type." + k));
    kind.setValue(ft.isEnum() ? ENUM : ft.list() ? "list:" + ft.scalar().label()
        : ft.scalar().label());
    kind.setReadOnly(!ctx.editable());
    TextField values = new TextField();
    values.setPlaceholder(ctx.t("facts.enumValues"));
    values.setAriaLabel(ctx.t("facts.enumValues"));
    values.setValue(String.join(", ", ft.enumValues()));
    values.setVisible(ft.isEnum());
    values.setReadOnly(!ctx.editable());
    values.setValueChangeMode(ValueChangeMode.ON_BLUR);
    values.addValueChangeListener(e -> {
      fields.put(field, PackModel.spec(FieldType.enumOf(Arrays.stream(e.getValue().split(","))
          .map(String::trim).filter(s -> !s.isEmpty()).toList())));
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    kind.addValueChangeListener(e -> {
      if (!e.isFromClient()) {
        return;
      }
      String k = e.getValue();
      Object spec = k.equals(ENUM) ? PackModel.spec(FieldType.enumOf(List.of("VALUE")))
          : k.startsWith("list:") ? PackModel.spec(FieldType.listOf(ValueType.fromLabel(
              k.substring(5)).orElseThrow()))
          : k;
      fields.put(field, spec);
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    HorizontalLayout row = new HorizontalLayout(name, kind, values);
    row.setId("field-" + type + "-" + field);
    row.setAlignItems(Alignment.BASELINE);
    if (ctx.editable()) {
      row.add(BlockFrame.small(VaadinIcon.CLOSE_SMALL, ctx.t("facts.removeField"),
          "remove-field-" + type + "-" + field, () -> {
            fields.remove(field);
            ctx.changed(EditorContext.Change.STRUCTURE);
          }));
    }
    return row;
  }
}
