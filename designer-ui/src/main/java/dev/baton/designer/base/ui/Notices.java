package dev.baton.designer.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.baton.designer.i18n.ProblemTexts;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.BatonException;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.ConcurrentEditException;
import org.springframework.security.access.AccessDeniedException;

/** One place that turns outcomes and errors into messages for the user, in their language. */
public final class Notices {
  private Notices() {}

  /** A success message. */
  public static void ok(String text) {
    Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  /** An error message that stays until closed. */
  public static void error(String text) {
    Notification n = new Notification();
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    Div box = new Div(new Span(text));
    box.addClassName("notice-error");
    box.getElement().setAttribute("role", "alert");
    box.addClickListener(e -> n.close());
    n.add(box);
    n.setPosition(Notification.Position.MIDDLE);
    n.setDuration(0);
    // one error at a time: a new one replaces the last instead of piling up over the form
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    if (ui != null) {
      Notification previous = com.vaadin.flow.component.ComponentUtil.getData(ui,
          Notification.class);
      if (previous != null) {
        previous.close();
      }
      com.vaadin.flow.component.ComponentUtil.setData(ui, Notification.class, n);
    }
    n.open();
  }

  /** The text for an exception: what went wrong and that nothing was changed. */
  public static String describe(Texts t, RuntimeException e) {
    if (e instanceof AccessDeniedException) {
      return t.t("error.denied");
    }
    if (e instanceof ConcurrentEditException c) {
      return t.t("error.concurrent", c.savedBy(), t.time(c.savedAt()), c.currentRevision(),
          c.expectedRevision());
    }
    if (e instanceof ValidationException v) {
      StringBuilder b = new StringBuilder(t.t("error.invalid", v.problems().size()));
      v.problems().stream().limit(8).forEach(p -> b.append("\n• ")
          .append(ProblemTexts.text(p, t)));
      return b.toString();
    }
    if (e instanceof BatonException) {
      return t.t("error.refused", e.getMessage());
    }
    return t.t("error.unexpected", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** Shows an exception as an error message. */
  public static void error(Texts t, RuntimeException e) {
    error(describe(t, e));
  }
}
