package dev.baton.designer.packs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.RulePack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter form of a template: one typed editor per parameter, pre-filled with the
 * template's default. {@link #changedValues()} gives the values that differ from the defaults.
 */
public class ParameterForm extends FormLayout {
  private static final long serialVersionUID = 1L;
  private final Map<String, ValueEditor> editors = new LinkedHashMap<>();
  private final transient Map<String, Object> defaults = new LinkedHashMap<>();

  public ParameterForm(RulePack template, Texts t) {
    this(template, t, Map.of());
  }

  /**
   * The form for a pack that exists already: each editor starts at the pack's current value
   * (its local edit), and {@link #changedValues()} gives what differs from those.
   */
  public ParameterForm(RulePack template, Texts t, Map<String, Object> current) {
    for (Parameter p : template.parameters()) {
      Object def = current.containsKey(p.name()) ? current.get(p.name())
          : ValueEditor.treeValue(p.value());
      defaults.put(p.name(), def);
      ValueEditor e = ValueEditor.literal(p.type(), "eq", def, t);
      e.setLabel(p.title() == null ? p.name() : p.title().in(t.locale()) + " (" + p.name() + ")");
      e.setId("param-" + p.name());
      editors.put(p.name(), e);
      add((Component) e);
    }
  }

  /** Parameter values changed from the defaults, by name. */
  public Map<String, Object> changedValues() {
    Map<String, Object> out = new LinkedHashMap<>();
    editors.forEach((name, e) -> {
      Object v = e.getValue();
      if (!Objects.equals(String.valueOf(v), String.valueOf(defaults.get(name)))) {
        out.put(name, v);
      }
    });
    return out;
  }

  /** The editor of a parameter (for tests). */
  public ValueEditor editor(String name) {
    return editors.get(name);
  }
}
