package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.baton.designer.packs.model.Aggregates;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.Conditions;
import dev.baton.designer.packs.model.FieldTest;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.PaletteItem;
import dev.baton.designer.packs.ui.ValueEditor;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One condition of a rule: a fact pattern with its field tests, a not / exists around a
 * pattern, an any / all group of conditions, or an aggregate. Accepts drops: a fact field or a
 * comparison / reference / time window adds a field test; another condition block moves here.
 */
public class ConditionBlock extends BlockFrame {
  private static final long serialVersionUID = 1L;
  private final transient EditorContext ctx;
  private final transient List<Object> when;
  private final int topIndex;
  private final transient Consumer<ConditionBlock> register;

  /**
   * @param when the rule's conditions (for the bindings before this one)
   * @param list the list holding this item (the rule's conditions, or a group's)
   * @param topIndex the index in the rule's conditions of this item (or of its group)
   * @param register told about this block and every nested one (to show problems on them)
   */
  public ConditionBlock(EditorContext ctx, String ruleId, List<Object> when, List<Object> list,
      int index, int topIndex, String id, Consumer<ConditionBlock> register) {
    super(ctx, ctx.t("kind." + Conditions.kind(list.get(index)).name()), list, index, id);
    this.ctx = ctx;
    this.when = when;
    this.topIndex = topIndex;
    this.register = register;
    Object item = list.get(index);
    register.accept(this);
    switch (Conditions.kind(item)) {
      case PATTERN -> pattern(Conditions.map(item), true, id);
      case NOT, EXISTS -> {
        Map<String, Object> inner = Conditions.patternOf(item);
        if (inner != null) {
          pattern(inner, false, id);
        }
      }
      case ANY, ALL -> group(ruleId, item, id);
      case AGGREGATE -> aggregate(item, id);
      default -> addBody(new Span(String.valueOf(item)));
    }
    if (ctx.editable()) {
      DragSource<ConditionBlock> drag = DragSource.create(this);
      drag.setDragData(new Moving(list, index, false, false));
      DropTarget<ConditionBlock> drop = DropTarget.create(this);
      drop.addDropListener(e -> e.getDragData().ifPresent(d -> dropped(d, list, index, item)));
    }
  }

  private void dropped(Object data, List<Object> list, int index, Object item) {
    if (data instanceof PaletteItem p && p.kind().isFieldTest()
        && Blocks.addToCondition(ctx.model(), when, topIndex, item, p)) {
      ctx.changed(EditorContext.Change.STRUCTURE);
    } else if (data instanceof PaletteItem p && !p.kind().isAction()) {
      // never overwrite: what adds no test here becomes a new condition before this one
      list.add(index, Blocks.newCondition(ctx.model(), when, p));
      ctx.changed(EditorContext.Change.STRUCTURE);
      if (p.kind().isFieldTest()) {
        dev.baton.designer.base.ui.Notices.ok(ctx.t("designer.droppedAsNew"));
      }
    } else if (data instanceof PaletteItem p) {
      DropRefusal.show(ctx, p); // an action among the conditions: said, nothing changed
    } else if (data instanceof Moving m && !m.action() && !m.rule() && m.list() == list) {
      if (PackModel.move(list, m.index(), index)) {
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    }
  }

  private void pattern(Map<String, Object> pattern, boolean bindable, String id) {
    String key = Conditions.key(pattern);
    String type = Conditions.patternType(key);
    Select<String> typeSelect = new Select<>();
    typeSelect.setId(id + "-type");
    typeSelect.setAriaLabel(ctx.t("block.type"));
    typeSelect.setItems(ctx.model().typeNames());
    typeSelect.setValue(ctx.model().typeNames().contains(type) ? type : null);
    typeSelect.setReadOnly(!ctx.editable());
    typeSelect.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        Conditions.rekey(pattern, Conditions.patternKey(e.getValue(),
            Conditions.patternBinding(Conditions.key(pattern))));
        Conditions.constraintOf(pattern).clear();
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    });
    head.addComponentAtIndex(1, typeSelect);
    if (bindable) {
      TextField as = new TextField();
      as.setId(id + "-as");
      as.setPlaceholder(ctx.t("block.as"));
      as.setAriaLabel(ctx.t("block.as"));
      as.setWidth("8em");
      as.setPrefixComponent(new Span("$"));
      String binding = Conditions.patternBinding(key);
      as.setValue(binding == null ? "" : binding);
      as.setReadOnly(!ctx.editable());
      as.setValueChangeMode(ValueChangeMode.ON_BLUR);
      as.addValueChangeListener(e -> {
        Conditions.rekey(pattern, Conditions.patternKey(Conditions.patternType(
            Conditions.key(pattern)), e.getValue()));
        ctx.changed(EditorContext.Change.STRUCTURE);
      });
      head.addComponentAtIndex(2, as);
    }
    tests(Conditions.constraintOf(pattern), Conditions.patternType(key), id);
  }

  private void tests(Map<String, Object> constraint, String type, String id) {
    addBody(new ConstraintEditor(ctx, constraint, type, this::references, id, () -> { }));
  }

  /** References offered to a test of a field of this type. */
  private List<String> references(FieldType ft) {
    return ctx.references(when, topIndex, ft);
  }

  private void group(String ruleId, Object item, String id) {
    List<Object> items = Conditions.groupItems(item);
    for (int i = 0; i < items.size(); i++) {
      addBody(new ConditionBlock(ctx, ruleId, when, items, i, topIndex, id + "-" + i, register));
    }
    if (ctx.editable()) {
      Div zone = new Div(ctx.t("block.dropIntoGroup"));
      zone.setId(id + "-drop");
      zone.addClassName("drop-zone");
      DropTarget<Div> drop = DropTarget.create(zone);
      drop.addDropListener(e -> e.getDragData().ifPresent(d -> {
        if (d instanceof PaletteItem p && Blocks.addToGroup(ctx.model(), when, item, p)) {
          ctx.changed(EditorContext.Change.STRUCTURE);
        } else if (d instanceof PaletteItem p) {
          DropRefusal.show(ctx, p);
        }
      }));
      addBody(zone);
      // the keyboard alternative to dropping into the group: a fact condition with a test
      addBody(ConstraintEditor.button(ctx.t("group.addCondition"), id + "-add-condition", () -> {
        if (Blocks.addToGroup(ctx.model(), when, item,
            PaletteItem.of(PaletteItem.Kind.COMPARISON))) {
          ctx.changed(EditorContext.Change.STRUCTURE);
          focus(id + "-" + (Conditions.groupItems(item).size() - 1));
        }
      }));
    }
  }

  private void aggregate(Object item, String id) {
    Map<String, Object> body = Conditions.aggregateOf(item);
    Select<String> fn = new Select<>();
    fn.setId(id + "-function");
    fn.setAriaLabel(ctx.t("aggregate.function"));
    fn.setItems("count", "sum", "avg", "min", "max");
    fn.setItemLabelGenerator(f -> ctx.t("aggregate." + f));
    fn.setValue(Conditions.key(item));
    fn.setReadOnly(!ctx.editable());
    fn.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        Conditions.rekey(Conditions.map(item), e.getValue());
        if (e.getValue().equals("count")) {
          body.remove("field");
        }
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    });
    String of = String.valueOf(body.get("of"));
    Select<String> type = new Select<>();
    type.setId(id + "-of");
    type.setLabel(ctx.t("aggregate.of"));
    type.setItems(ctx.model().typeNames());
    type.setValue(ctx.model().typeNames().contains(of) ? of : null);
    type.setReadOnly(!ctx.editable());
    type.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        body.put("of", e.getValue());
        body.remove("field");
        body.remove("where");
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    });
    HorizontalLayout line = new HorizontalLayout(fn, type);
    line.setPadding(false);
    line.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    Map<String, FieldType> fields = ctx.model().fields(of);
    if (!Conditions.key(item).equals("count")) {
      Select<String> field = new Select<>();
      field.setLabel(ctx.t("aggregate.field"));
      field.setId(id + "-field");
      field.setItems(fields.entrySet().stream().filter(e -> e.getValue().scalar() == ValueType.NUMBER
          || e.getValue().scalar() == ValueType.INTEGER).map(Map.Entry::getKey).toList());
      if (body.get("field") instanceof String f && fields.containsKey(f)) {
        field.setValue(f);
      }
      field.setReadOnly(!ctx.editable());
      field.addValueChangeListener(e -> {
        body.put("field", e.getValue());
        ctx.changed(EditorContext.Change.VALUE);
      });
      line.add(field);
    }
    TextField as = new TextField(ctx.t("block.as"));
    as.setId(id + "-as");
    as.setValue(body.get("as") == null ? "" : String.valueOf(body.get("as")));
    as.setWidth("8em");
    as.setReadOnly(!ctx.editable());
    as.setValueChangeMode(ValueChangeMode.ON_BLUR);
    as.addValueChangeListener(e -> {
      if (e.getValue().isBlank()) {
        body.remove("as");
      } else {
        body.put("as", e.getValue().trim());
      }
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    line.add(as);
    addBody(line);
    where(body, of, id);
    window(body, of, id);
    @SuppressWarnings("unchecked")
    Map<String, Object> is = body.get("is") instanceof Map<?, ?> m ? (Map<String, Object>) m
        : new java.util.LinkedHashMap<>();
    body.put("is", is);
    Map<String, Object> resultConstraint = new java.util.LinkedHashMap<>();
    resultConstraint.put("result", is);
    Div isLabel = new Div(ctx.t("aggregate.is"));
    isLabel.addClassName("block-label");
    addBody(isLabel);
    List<FieldTest> isTests = new ArrayList<>(FieldTest.read(resultConstraint));
    for (int i = 0; i < isTests.size(); i++) {
      FieldTest t = isTests.get(i);
      int n = i;
      ValueEditor v = new ValueEditor(FieldType.of(ValueType.NUMBER), t.operator(), t.value(),
          references(FieldType.of(ValueType.NUMBER)), ctx.texts());
      v.setLabel(ctx.t("op." + t.operator()));
      v.setIds(id + "-is-" + i);
      v.describeReferences(ctx::parameterChip);
      v.setReadOnly(!ctx.editable());
      v.addValueChangeListener(e -> {
        isTests.set(n, isTests.get(n).withValue(e.getValue()));
        is.clear();
        isTests.forEach(x -> is.put(x.operator(), x.value()));
        ctx.changed(EditorContext.Change.VALUE);
      });
      addBody(v);
    }
  }

  /** The aggregate's filter: field tests and groups of the aggregated type. */
  private void where(Map<String, Object> body, String of, String id) {
    Map<String, Object> where = Aggregates.hasWhere(body) ? Aggregates.where(body)
        : new LinkedHashMap<>();
    Div label = new Div(ctx.t("aggregate.where"));
    label.addClassName("block-label");
    addBody(label);
    addBody(new ConstraintEditor(ctx, where, of, this::references, id + "-where", () -> {
      Aggregates.put(body, "where", where);
      Aggregates.dropEmptyWhere(body);
    }));
  }

  /** The aggregate's time window: a date field of the type and a duration. */
  private void window(Map<String, Object> body, String of, String id) {
    List<String> timeFields = Aggregates.timeFields(ctx.model(), of);
    Optional<Aggregates.Window> window = Aggregates.window(body);
    if (window.isEmpty()) {
      if (ctx.editable() && !timeFields.isEmpty()) {
        Button add = ConstraintEditor.button(ctx.t("aggregate.addWindow"), id + "-add-window",
            () -> {
              Aggregates.defaultWindow(ctx.model(), of).ifPresent(w ->
                  Aggregates.setWindow(body, w));
              ctx.changed(EditorContext.Change.STRUCTURE);
            });
        add.setTooltipText(ctx.t("aggregate.windowHelp"));
        addBody(add);
      }
      return;
    }
    Aggregates.Window w = window.get();
    Select<String> field = new Select<>();
    field.setId(id + "-within-field");
    field.setLabel(ctx.t("aggregate.within"));
    List<String> items = new ArrayList<>(timeFields);
    if (w.field() != null && !items.contains(w.field())) {
      items.add(w.field());
    }
    field.setItems(items);
    field.setValue(w.field() != null && items.contains(w.field()) ? w.field() : null);
    field.setReadOnly(!ctx.editable());
    field.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        Aggregates.setWindow(body, new Aggregates.Window(e.getValue(),
            Aggregates.window(body).map(Aggregates.Window::last).orElse(null)));
        ctx.changed(EditorContext.Change.VALUE);
      }
    });
    ValueEditor last = ValueEditor.literal(FieldType.of(ValueType.DURATION), "withinLast",
        w.last(), ctx.texts());
    last.setLabel(ctx.t("aggregate.last"));
    last.setIds(id + "-within-last");
    last.setReadOnly(!ctx.editable());
    last.addValueChangeListener(e -> {
      Aggregates.setWindow(body, new Aggregates.Window(
          Aggregates.window(body).map(Aggregates.Window::field).orElse(null),
          e.getValue() == null ? null : String.valueOf(e.getValue())));
      ctx.changed(EditorContext.Change.VALUE);
    });
    HorizontalLayout row = new HorizontalLayout(field, last);
    row.setId(id + "-within");
    row.setPadding(false);
    row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    if (ctx.editable()) {
      row.add(small(VaadinIcon.CLOSE_SMALL, ctx.t("aggregate.removeWindow"),
          id + "-within-remove", () -> {
            Aggregates.setWindow(body, null);
            ctx.changed(EditorContext.Change.STRUCTURE);
          }));
    }
    addBody(row);
  }
}
