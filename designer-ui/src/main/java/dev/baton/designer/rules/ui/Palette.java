package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.contextmenu.MenuItem;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.Conditions;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.PaletteItem;
import dev.baton.designer.packs.model.PaletteItem.Kind;
import java.util.List;
import java.util.Map;

/**
 * The palette: the pack's fact types with their fields, condition blocks and action blocks.
 * Each item can be dragged onto a rule card or a condition; for the keyboard, each item is a
 * button whose menu adds it to a chosen rule ({@link AddEvent}).
 */
public class Palette extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private final transient EditorContext ctx;

  /** The user chose "add to rule" for an item (the keyboard alternative to dragging). */
  public static class AddEvent extends ComponentEvent<Palette> {
    private static final long serialVersionUID = 1L;
    private final transient PaletteItem item;
    private final int rule;
    private final int condition;

    public AddEvent(Palette source, PaletteItem item, int rule) {
      this(source, item, rule, -1);
    }

    /** Adds the item to a condition of the rule (a field test, a window), not a new block. */
    public AddEvent(Palette source, PaletteItem item, int rule, int condition) {
      super(source, false);
      this.item = item;
      this.rule = rule;
      this.condition = condition;
    }

    /** The condition's index in the rule's conditions, or -1 to add a new block to the rule. */
    public int condition() {
      return condition;
    }

    public PaletteItem item() {
      return item;
    }

    public int rule() {
      return rule;
    }
  }

  public Palette(EditorContext ctx) {
    this.ctx = ctx;
    setId("palette");
    addClassName("palette");
    setPadding(true);
    setSpacing(false);
    render();
  }

  /** Rebuilds the palette (fact types or rules changed). */
  public final void render() {
    removeAll();
    PackModel m = ctx.model();
    section("palette.facts");
    for (String type : m.typeNames()) {
      add(chip(new PaletteItem(Kind.FACT_TYPE, type, null), type, "palette-type-" + type));
      for (Map.Entry<String, ?> f : m.fields(type).entrySet()) {
        Button b = chip(new PaletteItem(Kind.FIELD, type, f.getKey()), "· " + f.getKey(),
            "palette-field-" + type + "-" + f.getKey());
        b.getStyle().set("margin-left", "1em");
        add(b);
      }
    }
    section("palette.conditions");
    for (Kind k : List.of(Kind.COMPARISON, Kind.REFERENCE, Kind.NOT, Kind.EXISTS, Kind.ANY,
        Kind.ALL, Kind.AGGREGATE, Kind.TIME_WINDOW)) {
      add(chip(PaletteItem.of(k), ctx.t("block." + k.name()), "palette-" + k.name()));
    }
    section("palette.actions");
    for (Kind k : List.of(Kind.BLOCK, Kind.ALLOW, Kind.EMIT, Kind.SCORE)) {
      add(chip(PaletteItem.of(k), ctx.t("block." + k.name()), "palette-" + k.name()));
    }
  }

  private void section(String key) {
    Div d = new Div(ctx.t(key));
    d.addClassName("palette-section");
    add(d);
  }

  private Button chip(PaletteItem item, String label, String id) {
    Button b = new Button(label);
    b.setId(id);
    b.addClassName("palette-chip");
    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
    b.getElement().setAttribute("title", ctx.t(item.kind().isFieldTest() ? "palette.helpTest"
        : "palette.help"));
    b.getElement().setAttribute("aria-haspopup", "menu");
    if (ctx.editable()) {
      DragSource<Button> drag = DragSource.create(b);
      drag.setDragData(item);
      ContextMenu menu = new ContextMenu(b);
      menu.setOpenOnClick(true);
      List<Map<String, Object>> rules = ctx.model().rules();
      for (int i = 0; i < rules.size(); i++) {
        int rule = i;
        menu.addItem(ctx.t("palette.addTo", String.valueOf(rules.get(i).get("id"))),
            e -> fireEvent(new AddEvent(this, item, rule)));
      }
      if (item.kind().isFieldTest()) {
        // the keyboard alternative to dropping a field (or comparison...) on a condition
        for (int i = 0; i < rules.size(); i++) {
          List<Object> when = ctx.model().when(i);
          MenuItem sub = null;
          for (int j = 0; j < when.size(); j++) {
            if (!Blocks.fits(ctx.model(), when, j, when.get(j), item)) {
              continue;
            }
            if (sub == null) {
              sub = menu.addItem(ctx.t("palette.addToCondition",
                  String.valueOf(rules.get(i).get("id"))));
            }
            int rule = i;
            int condition = j;
            sub.getSubMenu().addItem(ctx.t("palette.condition", j + 1, label(when.get(j))),
                e -> fireEvent(new AddEvent(this, item, rule, condition)));
          }
        }
      }
    } else {
      b.setEnabled(false);
    }
    return b;
  }

  /** A condition as the keyboard menu names it: its kind and its type. */
  private String label(Object condition) {
    Conditions.Kind kind = Conditions.kind(condition);
    String what = switch (kind) {
      case PATTERN -> Conditions.key(condition);
      case NOT, EXISTS -> Conditions.patternOf(condition) == null ? ""
          : Conditions.key(Conditions.patternOf(condition));
      case AGGREGATE -> Conditions.key(condition) + " "
          + Conditions.aggregateOf(condition).get("of");
      default -> "";
    };
    return (ctx.t("kind." + kind.name()) + " " + what).trim();
  }

  /** Listens to keyboard additions. */
  public Registration addAddListener(
      com.vaadin.flow.component.ComponentEventListener<AddEvent> l) {
    return addListener(AddEvent.class, l);
  }
}
