package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.baton.designer.packs.model.PackModel;
import java.util.List;

/**
 * The frame every block shares: a kind label, the block's editors, move up / move down / remove
 * buttons (the keyboard alternative to dragging), and the places where the block's validation
 * problems and, after a test run, its nearest miss are shown.
 */
public class BlockFrame extends Div {
  private static final long serialVersionUID = 1L;
  private final Div problems = new Div();
  private final Div miss = new Div();
  protected final HorizontalLayout head = new HorizontalLayout();
  protected final Div body = new Div();

  protected BlockFrame(EditorContext ctx, String kindLabel, List<Object> list, int index,
      String id) {
    setId(id);
    addClassName("block");
    Span kind = new Span(kindLabel);
    kind.addClassName("block-kind");
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    head.setPadding(false);
    head.setWidthFull();
    head.add(kind);
    Div spacer = new Div();
    head.add(spacer);
    head.setFlexGrow(1, spacer);
    if (ctx.editable() && list != null) {
      head.add(small(VaadinIcon.ARROW_UP, ctx.t("block.upKeys"), id + "-up",
          () -> move(ctx, list, index, index - 1, id, "-up")));
      head.add(small(VaadinIcon.ARROW_DOWN, ctx.t("block.downKeys"), id + "-down",
          () -> move(ctx, list, index, index + 1, id, "-down")));
      head.add(small(VaadinIcon.TRASH, ctx.t("block.remove"), id + "-remove", () -> {
        list.remove(index);
        ctx.changed(EditorContext.Change.STRUCTURE);
      }));
      // the keyboard alternative to dragging a block: focus it (Tab) and press Alt+Up/Down
      getElement().setAttribute("tabindex", "0");
      getElement().setAttribute("role", "group");
      getElement().setAttribute("aria-label", kindLabel);
      getElement().setAttribute("aria-keyshortcuts", "Alt+ArrowUp Alt+ArrowDown");
      getElement().setAttribute("aria-description", ctx.t("block.keysHelp"));
      Shortcuts.addShortcutListener(this, () -> move(ctx, list, index, index - 1, id, ""),
          Key.ARROW_UP, KeyModifier.ALT).listenOn(this);
      Shortcuts.addShortcutListener(this, () -> move(ctx, list, index, index + 1, id, ""),
          Key.ARROW_DOWN, KeyModifier.ALT).listenOn(this);
    }
    problems.addClassName("block-problems");
    miss.addClassName("block-miss");
    add(head, body, problems, miss);
  }

  /**
   * Moves the block within its list and keeps the keyboard focus on it at its new place (on
   * the part {@code suffix} of it, e.g. its move-up button; the block itself for "").
   */
  private static void move(EditorContext ctx, List<Object> list, int from, int to, String id,
      String suffix) {
    if (PackModel.move(list, from, to)) {
      ctx.changed(EditorContext.Change.STRUCTURE);
      focus(id.substring(0, id.lastIndexOf('-') + 1) + to + suffix);
    }
  }

  /** Moves the keyboard focus to the element with this id, after the page is updated. */
  static void focus(String elementId) {
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.getPage().executeJs("setTimeout(() => { const e = document.getElementById($0);"
          + " if (e) { e.focus(); } })", elementId);
    }
  }

  static Button small(VaadinIcon icon, String label, String id, Runnable action) {
    Button b = new Button(icon.create(), e -> action.run());
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    b.setAriaLabel(label);
    b.setTooltipText(label);
    b.setId(id);
    return b;
  }

  /** Shows the block's problems (empty to clear). */
  public void showProblems(List<String> texts) {
    problems.removeAll();
    texts.forEach(p -> {
      Div d = new Div(p);
      d.addClassName("block-problem");
      problems.add(d);
    });
    if (texts.isEmpty()) {
      removeClassName("invalid");
    } else {
      addClassName("invalid");
    }
  }

  /** Shows why the rule did not fire at this block (null to clear). */
  public void showMiss(String text) {
    miss.setText(text == null ? "" : text);
    if (text == null) {
      removeClassName("missed");
    } else {
      addClassName("missed");
    }
  }

  /** Adds editors to the block's body. */
  protected void addBody(Component... c) {
    body.add(c);
  }
}
