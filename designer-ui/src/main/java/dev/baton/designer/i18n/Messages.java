package dev.baton.designer.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The designer's texts: bundles {@code i18n/messages} (English) and {@code
 * i18n/messages_zh_CN} (Simplified Chinese), UTF-8. Plain Java, so that components and their
 * tests use the same texts as the running app.
 */
public final class Messages {
  /** English. */
  public static final Locale EN = Locale.ENGLISH;
  /** Simplified Chinese. */
  public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
  /** The languages offered. */
  public static final List<Locale> LOCALES = List.of(EN, ZH_CN);

  private static final String BUNDLE = "i18n/messages";

  private Messages() {}

  /** The supported locale nearest to {@code locale}: Chinese for any {@code zh}, else English. */
  public static Locale supported(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? ZH_CN : EN;
  }

  /** The bundle of a locale, without falling back to the JVM's default locale. */
  public static ResourceBundle bundle(Locale locale) {
    Locale l = supported(locale);
    return ResourceBundle.getBundle(BUNDLE, l == EN ? Locale.ROOT : l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The text for a key; with arguments, a {@link MessageFormat} pattern formatted in the locale
   * (numbers and dates in the locale's style). A missing key shows as {@code !key!}.
   */
  public static String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    if (args == null || args.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, supported(locale)).format(args);
  }
}
