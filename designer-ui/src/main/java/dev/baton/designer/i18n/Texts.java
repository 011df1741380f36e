package dev.baton.designer.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Texts in one language, handed to components so that they can be tested without a browser.
 *
 * @param locale the language
 */
public record Texts(Locale locale) {

  public Texts {
    locale = Messages.supported(locale);
  }

  /** The texts of the current UI (or session) language. */
  public static Texts current() {
    UI ui = UI.getCurrent();
    if (ui != null) {
      return new Texts(ui.getLocale());
    }
    VaadinSession s = VaadinSession.getCurrent();
    return new Texts(s == null ? Messages.EN : s.getLocale());
  }

  /** The text for a key, formatted with the arguments. */
  public String t(String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  /** True for Simplified Chinese. */
  public boolean chinese() {
    return locale.equals(Messages.ZH_CN);
  }

  /** A time in the locale's medium style, in the server's time zone. */
  public String time(Instant at) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
        .withZone(ZoneId.systemDefault()).format(at);
  }

  /** A day in the locale's medium style. */
  public String date(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale).format(day);
  }
}
