package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.PaletteItem;
import dev.baton.engine.rulepack.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A rule as a card: id, title (in the user's language), priority, its conditions and actions as
 * blocks, and drop zones for palette blocks. The card's handle drags the whole rule to reorder.
 */
public class RuleCard extends Div {
  private static final long serialVersionUID = 1L;
  private final Div problems = new Div();
  private final Div findings = new Div();
  private final String ruleId;
  private final int index;

  /**
   * @param register told about every block with its key ({@code r0.when1}, {@code r0.then0})
   */
  @SuppressWarnings("unchecked")
  public RuleCard(EditorContext ctx, int index, BiConsumer<String, BlockFrame> register) {
    Map<String, Object> rule = ctx.model().rule(index);
    ruleId = String.valueOf(rule.get("id"));
    this.index = index;
    setId("rule-" + ruleId);
    addClassName("rule-card");
    Map<String, Object> title = rule.get("title") instanceof Map<?, ?> m
        ? (Map<String, Object>) m : new LinkedHashMap<>();
    rule.put("title", title);

    Span handle = new Span(VaadinIcon.GRID_SMALL_O.create());
    handle.addClassName("rule-handle");
    handle.setId("rule-" + ruleId + "-handle");
    handle.getElement().setAttribute("title", ctx.t("rule.dragKeys"));
    TextField id = new TextField();
    id.setId("rule-" + ruleId + "-id");
    id.setAriaLabel(ctx.t("rule.id"));
    id.setValue(ruleId);
    id.setWidth("14em");
    id.setReadOnly(!ctx.editable());
    id.setValueChangeMode(ValueChangeMode.ON_BLUR);
    id.addValueChangeListener(e -> {
      rule.put("id", e.getValue().trim());
      ctx.changed(EditorContext.Change.STRUCTURE);
    });
    // both languages side by side; a missing one is filled from the other when saved
    TextField titleEn = titleField(ctx, rule, title, "en", "rule.titleEn");
    TextField titleZh = titleField(ctx, rule, title, "zh-CN", "rule.titleZh");
    titleEn.setId("rule-" + ruleId + "-title-en");
    titleZh.setId("rule-" + ruleId + "-title-zh");
    HorizontalLayout titleField = new HorizontalLayout(titleEn, titleZh);
    titleField.setPadding(false);
    titleField.setWidthFull();
    IntegerField priority = new IntegerField();
    priority.setAriaLabel(ctx.t("rule.priority"));
    priority.setPlaceholder(ctx.t("rule.priority"));
    priority.setWidth("7em");
    priority.setValue(rule.get("priority") instanceof Number n ? n.intValue() : null);
    priority.setReadOnly(!ctx.editable());
    priority.addValueChangeListener(e -> {
      if (e.getValue() == null || e.getValue() == 0) {
        rule.remove("priority");
      } else {
        rule.put("priority", e.getValue());
      }
      ctx.changed(EditorContext.Change.VALUE);
    });
    HorizontalLayout head = new HorizontalLayout(handle, id, titleField, priority);
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    head.setWidthFull();
    head.setFlexGrow(1, titleField);
    List<Map<String, Object>> rules = ctx.model().rules();
    if (ctx.editable()) {
      head.add(BlockFrame.small(VaadinIcon.ARROW_UP, ctx.t("rule.upKeys"),
          "rule-" + ruleId + "-up", () -> move(ctx, rules, index, index - 1, ruleId, "-up")));
      head.add(BlockFrame.small(VaadinIcon.ARROW_DOWN, ctx.t("rule.downKeys"),
          "rule-" + ruleId + "-down",
          () -> move(ctx, rules, index, index + 1, ruleId, "-down")));
      // keyboard: Alt+Up/Down anywhere on the card outside a block moves the rule
      handle.getElement().setAttribute("tabindex", "0");
      handle.getElement().setAttribute("role", "button");
      handle.getElement().setAttribute("aria-label", ctx.t("rule.dragKeys"));
      handle.getElement().setAttribute("aria-keyshortcuts", "Alt+ArrowUp Alt+ArrowDown");
      Shortcuts.addShortcutListener(this, () -> move(ctx, rules, index, index - 1, ruleId,
          "-handle"), Key.ARROW_UP, KeyModifier.ALT).listenOn(this);
      Shortcuts.addShortcutListener(this, () -> move(ctx, rules, index, index + 1, ruleId,
          "-handle"), Key.ARROW_DOWN, KeyModifier.ALT).listenOn(this);
      head.add(BlockFrame.small(VaadinIcon.TRASH, ctx.t("rule.remove"),
          "rule-" + ruleId + "-remove", () -> {
            rules.remove(index);
            ctx.changed(EditorContext.Change.STRUCTURE);
          }));
      DragSource.create(handle).setDragData(new Moving(rules, index, false, true));
      DropTarget<HorizontalLayout> drop = DropTarget.create(head);
      drop.addDropListener(e -> e.getDragData().ifPresent(d -> {
        if (d instanceof Moving m && m.rule()) {
          move(ctx, rules, m.index(), index, null, null);
        } else if (d instanceof PaletteItem p && Blocks.addToRule(ctx.model(), index, p)) {
          // a palette item dropped on the card's head joins the rule's conditions or actions
          ctx.changed(EditorContext.Change.STRUCTURE);
        }
      }));
    }
    problems.addClassName("block-problems");
    findings.addClassName("rule-findings");
    findings.setId("rule-" + ruleId + "-findings");
    add(head, problems, findings);
    register.accept("r" + index, null);

    Span whenLabel = new Span(ctx.t("rule.when"));
    whenLabel.addClassName("block-kind");
    add(whenLabel);
    List<Object> when = ctx.model().when(index);
    for (int j = 0; j < when.size(); j++) {
      String key = "r" + index + ".when" + j;
      add(new ConditionBlock(ctx, ruleId, when, when, j, j, "cond-" + ruleId + "-" + j,
          b -> register.accept(key, b)));
    }
    add(zone(ctx, index, false));
    Span thenLabel = new Span(ctx.t("rule.then"));
    thenLabel.addClassName("block-kind");
    add(thenLabel);
    List<Object> then = ctx.model().then(index);
    for (int k = 0; k < then.size(); k++) {
      ActionBlock a = new ActionBlock(ctx, when, then, k, "action-" + ruleId + "-" + k);
      register.accept("r" + index + ".then" + k, a);
      add(a);
    }
    add(zone(ctx, index, true));
  }

  private static TextField titleField(EditorContext ctx, Map<String, Object> rule,
      Map<String, Object> title, String lang, String labelKey) {
    TextField f = new TextField();
    f.setAriaLabel(ctx.t(labelKey));
    f.setPlaceholder(ctx.t(labelKey));
    f.setTooltipText(ctx.t(labelKey));
    f.setWidthFull();
    Object current = title.get(lang);
    f.setValue(current == null ? "" : String.valueOf(current));
    String other = lang.equals("en") ? "zh-CN" : "en";
    if (f.getValue().isBlank() && title.get(other) != null) {
      f.setHelperText(ctx.t("rule.titleFallback", String.valueOf(title.get(other))));
    }
    f.setReadOnly(!ctx.editable());
    f.setValueChangeMode(ValueChangeMode.ON_BLUR);
    f.addValueChangeListener(e -> {
      if (!e.isFromClient()) {
        return;
      }
      String v = e.getValue().trim();
      Object otherText = title.get(other);
      if (v.isEmpty() && (otherText == null || String.valueOf(otherText).isBlank())) {
        // a rule needs a title in at least one language: refused where it is typed
        f.setErrorMessage(ctx.t("rule.titleNeeded"));
        f.setInvalid(true);
        return;
      }
      f.setInvalid(false);
      if (v.isEmpty()) {
        title.remove(lang);
      } else {
        title.put(lang, v);
      }
      rule.put("title", title);
      ctx.changed(EditorContext.Change.VALUE);
    });
    return f;
  }

  private static void move(EditorContext ctx, List<Map<String, Object>> rules, int from,
      int to, String ruleId, String focusSuffix) {
    if (PackModel.move(rules, from, to)) {
      ctx.changed(EditorContext.Change.STRUCTURE);
      if (ruleId != null) {
        BlockFrame.focus("rule-" + ruleId + focusSuffix);
      }
    }
  }

  private Div zone(EditorContext ctx, int index, boolean actions) {
    Div zone = new Div(ctx.t(actions ? "rule.dropAction" : "rule.dropCondition"));
    zone.setId((actions ? "drop-then-" : "drop-when-") + ruleId);
    zone.addClassName("drop-zone");
    zone.setVisible(ctx.editable());
    if (ctx.editable()) {
      DropTarget<Div> drop = DropTarget.create(zone);
      drop.addDropListener(e -> e.getDragData().ifPresent(d -> {
        if (d instanceof PaletteItem p && p.kind().isAction() == actions
            && Blocks.addToRule(ctx.model(), index, p)) {
          ctx.changed(EditorContext.Change.STRUCTURE);
        } else if (d instanceof Moving m && !m.rule() && m.action() == actions) {
          List<Object> target = actions ? ctx.model().then(index) : ctx.model().when(index);
          Object item = m.list().remove(m.index());
          target.add(item);
          ctx.changed(EditorContext.Change.STRUCTURE);
        } else if (d instanceof PaletteItem p) {
          DropRefusal.show(ctx, p);
        }
      }));
    }
    return zone;
  }

  /** The rule's index in the pack. */
  public int index() {
    return index;
  }

  /** The rule id shown on the card. */
  public String ruleId() {
    return ruleId;
  }

  /** Shows problems of the rule as a whole. */
  public void showProblems(List<String> texts) {
    problems.removeAll();
    texts.forEach(p -> {
      Div d = new Div(p);
      d.addClassName("block-problem");
      problems.add(d);
    });
  }

  /**
   * Shows what the static checks found about the rule (errors and warnings, in the locale's
   * language); an empty list clears them.
   */
  public void showFindings(List<Finding> found, Locale locale) {
    findings.removeAll();
    found.forEach(f -> {
      Div d = new Div(f.message(locale));
      d.addClassName(f.severity() == Finding.Severity.ERROR ? "block-problem" : "block-warning");
      d.getElement().setAttribute("data-kind", f.kind().name());
      findings.add(d);
    });
  }

  /** Marks the rule as fired in the last test run. */
  public void setFired(boolean fired) {
    if (fired) {
      addClassName("fired");
    } else {
      removeClassName("fired");
    }
  }
}
