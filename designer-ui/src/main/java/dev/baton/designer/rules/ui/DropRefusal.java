package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.baton.designer.packs.model.PaletteItem;

/**
 * What the analyst reads when a palette item is dropped where it does not belong (an action
 * among the conditions, a condition among the actions): what was dropped, where it goes
 * instead, and that nothing was changed. The message closes on its own.
 */
final class DropRefusal {
  private DropRefusal() {}

  /** Says that the item was refused here and where it fits; changes nothing. */
  static void show(EditorContext ctx, PaletteItem item) {
    String key = item.kind().isAction() ? "designer.dropRefused.action"
        : "designer.dropRefused.condition";
    Notification n = new Notification();
    n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    Div box = new Div(new Span(ctx.t(key, label(ctx, item))));
    box.addClassName("drop-refused");
    box.getElement().setAttribute("role", "status");
    box.addClickListener(e -> n.close());
    n.add(box);
    n.setPosition(Notification.Position.BOTTOM_END);
    n.setDuration(6000);
    n.open();
  }

  /** The item as the palette names it. */
  static String label(EditorContext ctx, PaletteItem item) {
    return switch (item.kind()) {
      case FACT_TYPE -> item.type();
      case FIELD -> item.type() + "." + item.field();
      default -> ctx.t("block." + item.kind().name());
    };
  }
}
