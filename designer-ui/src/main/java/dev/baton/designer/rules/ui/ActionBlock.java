package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.Conditions;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.PaletteItem;
import dev.baton.designer.packs.ui.ValueEditor;
import dev.baton.engine.rulepack.ActionCatalogue;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One action of a rule: block, allow, emit (from the action catalogue) or score. */
public class ActionBlock extends BlockFrame {
  private static final long serialVersionUID = 1L;
  private final transient EditorContext ctx;
  private final transient List<Object> when;

  public ActionBlock(EditorContext ctx, List<Object> when, List<Object> then, int index,
      String id) {
    super(ctx, ctx.t("block." + String.valueOf(Conditions.key(then.get(index)))
        .toUpperCase()), then, index, id);
    this.ctx = ctx;
    this.when = when;
    addClassName("action");
    Object item = then.get(index);
    String kind = Conditions.key(item);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = Conditions.body(item) instanceof Map<?, ?> m
        ? (Map<String, Object>) m : new LinkedHashMap<>();
    Conditions.map(item).put(kind, body);
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("30em", 2));
    switch (kind) {
      case "block", "allow" -> {
        form.add(text(body, "reason", ctx.t("action.reason"), id));
        form.add(value(body, "proof", FieldType.of(ValueType.STRING), ctx.t("action.proof"),
            id, true));
      }
      case "emit" -> emit(body, form, id);
      case "score" -> {
        Select<String> name = new Select<>();
        name.setLabel(ctx.t("action.scoreName"));
        name.setId(id + "-name");
        List<String> scores = new ArrayList<>(ctx.model().scores());
        if (body.get("name") instanceof String s && !scores.contains(s)) {
          scores.add(s);
        }
        name.setItems(scores);
        if (body.get("name") instanceof String s) {
          name.setValue(s);
        }
        name.setReadOnly(!ctx.editable());
        name.addValueChangeListener(e -> {
          body.put("name", e.getValue());
          ctx.changed(EditorContext.Change.VALUE);
        });
        form.add(name);
        form.add(value(body, "points", FieldType.of(ValueType.NUMBER), ctx.t("action.points"),
            id, false));
        form.add(value(body, "weight", FieldType.of(ValueType.NUMBER), ctx.t("action.weight"),
            id, true));
      }
      default -> form.add(new TextField(String.valueOf(item)));
    }
    addBody(form);
    if (ctx.editable()) {
      DragSource.create(this).setDragData(new Moving(then, index, true, false));
      DropTarget<ActionBlock> drop = DropTarget.create(this);
      drop.addDropListener(e -> e.getDragData().ifPresent(d -> {
        if (d instanceof Moving m && m.action() && m.list() == then
            && PackModel.move(then, m.index(), index)) {
          ctx.changed(EditorContext.Change.STRUCTURE);
        } else if (d instanceof PaletteItem p && p.kind().isAction()) {
          then.add(index, Blocks.newAction(ctx.model(), ctx.model().rules().indexOf(
              ruleOf(then)), p.kind()));
          ctx.changed(EditorContext.Change.STRUCTURE);
        } else if (d instanceof PaletteItem p) {
          DropRefusal.show(ctx, p); // a condition among the actions: said, nothing changed
        }
      }));
    }
  }

  private Map<String, Object> ruleOf(List<Object> then) {
    return ctx.model().rules().stream().filter(r -> r.get("then") == then).findFirst()
        .orElse(null);
  }

  private void emit(Map<String, Object> body, FormLayout form, String id) {
    ComboBox<String> action = new ComboBox<>(ctx.t("action.action"));
    action.setId(id + "-action");
    List<String> names = new ArrayList<>(ActionCatalogue.all().stream()
        .map(ActionCatalogue.ActionSpec::name).toList());
    String current = body.get("action") == null ? null : String.valueOf(body.get("action"));
    if (current != null && !names.contains(current)) {
      names.add(current);
    }
    action.setItems(names);
    action.setItemLabelGenerator(n -> ActionCatalogue.spec(n).map(s -> n + " — "
        + s.title().in(ctx.texts().locale())).orElse(n));
    action.setAllowCustomValue(true);
    action.addCustomValueSetListener(e -> {
      body.put("action", e.getDetail().trim());
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    action.setValue(current);
    action.setReadOnly(!ctx.editable());
    action.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        body.put("action", e.getValue());
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    });
    form.add(action);
    ActionCatalogue.spec(current).ifPresentOrElse(spec -> {
      for (ActionCatalogue.ParamSpec p : spec.params()) {
        form.add(value(body, p.name(), p.type(), p.name() + (p.required() ? " *" : ""), id,
            !p.required()));
      }
      body.keySet().stream().filter(k -> !k.equals("action") && spec.param(k).isEmpty())
          .toList().forEach(k -> form.add(value(body, k, FieldType.of(ValueType.STRING), k, id,
              true)));
    }, () -> body.keySet().stream().filter(k -> !k.equals("action")).toList()
        .forEach(k -> form.add(value(body, k, FieldType.of(ValueType.STRING), k, id, true))));
  }

  private TextField text(Map<String, Object> body, String key, String label, String id) {
    TextField f = new TextField(label);
    f.setId(id + "-" + key);
    f.setValue(body.get(key) == null ? "" : String.valueOf(body.get(key)));
    f.setReadOnly(!ctx.editable());
    f.setValueChangeMode(ValueChangeMode.ON_BLUR);
    f.addValueChangeListener(e -> {
      body.put(key, e.getValue().isBlank() ? null : e.getValue());
      ctx.changed(EditorContext.Change.VALUE);
    });
    return f;
  }

  private ValueEditor value(Map<String, Object> body, String key, FieldType type, String label,
      String id, boolean optional) {
    List<String> refs = ctx.references(when, when.size(), type);
    ValueEditor v = new ValueEditor(type, "eq", body.get(key), refs, ctx.texts());
    v.setLabel(label);
    v.setIds(id + "-" + key);
    v.describeReferences(ctx::parameterChip);
    v.setReadOnly(!ctx.editable());
    v.addValueChangeListener(e -> {
      if (e.getValue() == null && optional) {
        body.remove(key);
      } else {
        body.put(key, e.getValue());
      }
      ctx.changed(EditorContext.Change.VALUE);
    });
    return v;
  }
}
