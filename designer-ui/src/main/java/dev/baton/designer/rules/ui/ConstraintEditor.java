package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.baton.designer.packs.model.FieldTest;
import dev.baton.designer.packs.model.TestGroup;
import dev.baton.engine.rulepack.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The editor of a constraint map (a pattern's tests or an aggregate's {@code where}): its field
 * tests as {@link TestRow}s, its any / all group as a {@link TestGroupEditor}, and buttons to
 * add a test or a group. Ids: {@code id-test-N}, {@code id-group}, {@code id-add-test},
 * {@code id-add-group}.
 */
class ConstraintEditor extends Div {
  private static final long serialVersionUID = 1L;

  /**
   * @param type the fact type whose fields are tested
   * @param references the references offered for a field of a type
   * @param written runs after each write into the map, before the change is announced
   */
  ConstraintEditor(EditorContext ctx, Map<String, Object> constraint, String type,
      Function<FieldType, List<String>> references, String id, Runnable written) {
    addClassName("constraint");
    List<FieldTest> tests = new ArrayList<>(FieldTest.read(constraint));
    Map<String, FieldType> fields = ctx.model().fields(type);
    Runnable commitTests = () -> {
      FieldTest.write(constraint, tests);
      written.run();
    };
    for (int i = 0; i < tests.size(); i++) {
      int n = i;
      add(new TestRow(ctx, tests.get(i), fields, references, id + "-test-" + i, (t, change) -> {
        tests.set(n, t);
        commitTests.run();
        ctx.changed(change);
      }, () -> {
        tests.remove(n);
        commitTests.run();
        ctx.changed(EditorContext.Change.STRUCTURE);
      }));
    }
    TestGroup group = TestGroup.read(constraint).orElse(null);
    if (group != null) {
      Runnable commitGroup = () -> {
        TestGroup.write(constraint, group.members().isEmpty() ? null : group);
        written.run();
      };
      add(new TestGroupEditor(ctx, group, fields, references, id + "-group", commitGroup,
          () -> {
            TestGroup.write(constraint, null);
            written.run();
          }));
    }
    if (ctx.editable() && !fields.isEmpty()) {
      Button addTest = button(ctx.t("block.addTest"), id + "-add-test", () -> {
        String f = fields.keySet().stream().filter(x -> tests.stream()
            .noneMatch(t -> t.field().equals(x))).findFirst()
            .orElse(fields.keySet().iterator().next());
        tests.add(new FieldTest(f, "eq", null));
        commitTests.run();
        ctx.changed(EditorContext.Change.STRUCTURE);
      });
      HorizontalLayout buttons = new HorizontalLayout(addTest);
      buttons.setPadding(false);
      buttons.setSpacing(false);
      if (group == null) {
        Button addGroup = button(ctx.t("group.add"), id + "-add-group", () -> {
          TestGroup g = new TestGroup(true, List.of());
          g.addTest(new FieldTest(fields.keySet().iterator().next(), "eq", null));
          TestGroup.write(constraint, g);
          written.run();
          ctx.changed(EditorContext.Change.STRUCTURE);
        });
        addGroup.setTooltipText(ctx.t("group.addHelp"));
        buttons.add(addGroup);
      }
      add(buttons);
    }
  }

  static Button button(String label, String id, Runnable action) {
    Button b = new Button(label, VaadinIcon.PLUS.create(), e -> action.run());
    b.setId(id);
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    return b;
  }
}
