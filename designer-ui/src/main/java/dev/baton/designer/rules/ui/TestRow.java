package dev.baton.designer.rules.ui;

import dev.baton.designer.packs.ui.ValueEditor;
import dev.baton.designer.packs.ui.ValueEditorKinds;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.FieldTest;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field test as a row: field, operator and a typed value editor, and a remove button. A
 * change of field or operator is a structure change (the value editor changes with them); a
 * new value is a value change. Ids: {@code id-field}, {@code id-op}, {@code id-value}
 * (with {@code -literal} and {@code -ref}), {@code id-remove}.
 */
class TestRow extends HorizontalLayout {
  private static final long serialVersionUID = 1L;

  /**
   * @param references the references offered for a field of a type
   * @param edited told about the edited test and the kind of change
   * @param removed runs when the remove button is pressed
   */
  TestRow(EditorContext ctx, FieldTest initial, Map<String, FieldType> fields,
      Function<FieldType, List<String>> references, String id,
      BiConsumer<FieldTest, EditorContext.Change> edited, Runnable removed) {
    FieldTest[] test = {initial};
    FieldType ft = fields.getOrDefault(initial.field(), FieldType.of(ValueType.STRING));
    Select<String> field = new Select<>();
    field.setId(id + "-field");
    field.setAriaLabel(ctx.t("block.field"));
    List<String> names = new ArrayList<>(fields.keySet());
    if (!names.contains(initial.field())) {
      names.add(initial.field());
    }
    field.setItems(names);
    field.setValue(initial.field());
    Select<String> op = new Select<>();
    op.setId(id + "-op");
    op.setAriaLabel(ctx.t("block.operator"));
    List<String> ops = new ArrayList<>(Blocks.operatorsFor(ft));
    if (!ops.contains(initial.operator())) {
      ops.add(initial.operator());
    }
    op.setItems(ops);
    op.setItemLabelGenerator(o -> ctx.t("op." + o));
    op.setValue(initial.operator());
    ValueEditor value = new ValueEditor(ft, initial.operator(), initial.value(),
        references.apply(ft), ctx.texts());
    value.setIds(id + "-value");
    value.describeReferences(ctx::parameterChip);
    field.setReadOnly(!ctx.editable());
    op.setReadOnly(!ctx.editable());
    value.setReadOnly(!ctx.editable());
    field.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        test[0] = new FieldTest(e.getValue(), "eq", null);
        edited.accept(test[0], EditorContext.Change.STRUCTURE);
      }
    });
    op.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        boolean sameKind = ValueEditorKinds.compatible(test[0].operator(), e.getValue());
        test[0] = test[0].withOperator(e.getValue()).withValue(sameKind ? test[0].value() : null);
        edited.accept(test[0], EditorContext.Change.STRUCTURE);
      }
    });
    value.addValueChangeListener(e -> {
      test[0] = test[0].withValue(e.getValue());
      edited.accept(test[0], EditorContext.Change.VALUE);
    });
    add(field, op, value);
    setId(id);
    addClassName("test-row");
    setAlignItems(Alignment.BASELINE);
    setPadding(false);
    if (ctx.editable()) {
      add(BlockFrame.small(VaadinIcon.CLOSE_SMALL, ctx.t("block.removeTest"), id + "-remove",
          removed));
    }
  }
}
