package dev.baton.engine.rulepack;

import java.util.Locale;

/** A text in English and Simplified Chinese. */
public record LocalizedText(String en, String zhCN) {

  /** The text for a locale: Chinese for {@code zh*}, English otherwise (and as fallback). */
  public String in(Locale locale) {
    if (locale != null && "zh".equals(locale.getLanguage()) && zhCN != null && !zhCN.isEmpty()) {
      return zhCN;
    }
    return en != null ? en : zhCN;
  }
}
