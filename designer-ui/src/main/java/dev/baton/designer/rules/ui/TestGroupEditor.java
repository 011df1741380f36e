package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.baton.designer.packs.model.FieldTest;
import dev.baton.designer.packs.model.GroupMember;
import dev.baton.designer.packs.model.TestGroup;
import dev.baton.engine.rulepack.FieldType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An any / all group of field tests, nested to any depth: a switch between "any of" and "all
 * of", its members (tests as {@link TestRow}s, groups as nested editors), and buttons to add a
 * test, nest a group and remove the group. Every edit changes the {@link TestGroup} model and
 * then runs {@code commit}, which writes the whole group back into the constraint map. Ids:
 * {@code id-mode}, {@code id-N} for the N-th member, {@code id-add-test}, {@code id-add-group},
 * {@code id-remove}.
 */
class TestGroupEditor extends Div {
  private static final long serialVersionUID = 1L;

  /**
   * @param commit writes the root group back into its constraint map
   * @param remove removes this group from where it is (then commits)
   */
  TestGroupEditor(EditorContext ctx, TestGroup group, Map<String, FieldType> fields,
      Function<FieldType, List<String>> references, String id, Runnable commit,
      Runnable remove) {
    setId(id);
    addClassName("test-group");
    getElement().setAttribute("role", "group");
    getElement().setAttribute("aria-label", ctx.t(group.any() ? "group.any" : "group.all"));
    Select<Boolean> mode = new Select<>();
    mode.setId(id + "-mode");
    mode.setAriaLabel(ctx.t("group.mode"));
    mode.setItems(true, false);
    mode.setItemLabelGenerator(any -> ctx.t(any ? "group.any" : "group.all"));
    mode.setValue(group.any());
    mode.setReadOnly(!ctx.editable());
    mode.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        group.setAny(e.getValue());
        commit.run();
        ctx.changed(EditorContext.Change.STRUCTURE);
      }
    });
    HorizontalLayout head = new HorizontalLayout(mode);
    head.setPadding(false);
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    head.setWidthFull();
    Div spacer = new Div();
    head.add(spacer);
    head.setFlexGrow(1, spacer);
    if (ctx.editable()) {
      head.add(BlockFrame.small(VaadinIcon.TRASH, ctx.t("group.remove"), id + "-remove", () -> {
        remove.run();
        ctx.changed(EditorContext.Change.STRUCTURE);
      }));
    }
    add(head);
    List<GroupMember> members = group.members();
    for (int i = 0; i < members.size(); i++) {
      int n = i;
      if (members.get(i) instanceof GroupMember.Test t) {
        add(new TestRow(ctx, t.test(), fields, references, id + "-" + i, (edited, change) -> {
          members.set(n, new GroupMember.Test(edited));
          commit.run();
          ctx.changed(change);
        }, () -> {
          removeMember(group, n, remove, commit);
          ctx.changed(EditorContext.Change.STRUCTURE);
        }));
      } else if (members.get(i) instanceof TestGroup inner) {
        add(new TestGroupEditor(ctx, inner, fields, references, id + "-" + i, commit,
            () -> removeMember(group, n, remove, commit)));
      }
    }
    if (ctx.editable() && !fields.isEmpty()) {
      String first = fields.keySet().iterator().next();
      Button addTest = ConstraintEditor.button(ctx.t("group.addTest"), id + "-add-test", () -> {
        group.addTest(new FieldTest(first, "eq", null));
        commit.run();
        ctx.changed(EditorContext.Change.STRUCTURE);
      });
      Button addGroup = ConstraintEditor.button(ctx.t(group.any() ? "group.nestAll"
          : "group.nestAny"), id + "-add-group", () -> {
            group.addGroup(new FieldTest(first, "eq", null));
            commit.run();
            ctx.changed(EditorContext.Change.STRUCTURE);
          });
      addGroup.setTooltipText(ctx.t("group.nestHelp"));
      HorizontalLayout buttons = new HorizontalLayout(addTest, addGroup);
      buttons.setPadding(false);
      buttons.setSpacing(false);
      add(buttons);
    }
  }

  /** Removes a member; a group left empty is removed too (the format needs one member). */
  private static void removeMember(TestGroup group, int index, Runnable remove,
      Runnable commit) {
    group.members().remove(index);
    if (group.members().isEmpty()) {
      remove.run();
    } else {
      commit.run();
    }
  }
}
