package dev.baton.designer.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Vaadin's translation provider over the designer bundles (English and Simplified Chinese). */
@Component
public class BatonI18nProvider implements I18NProvider {

  @Override
  public List<Locale> getProvidedLocales() {
    return Messages.LOCALES;
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    return Messages.get(locale, key, params);
  }
}
