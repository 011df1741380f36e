package dev.baton.designer.rules.ui;

import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.model.PackModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the designer's blocks share: the pack tree, the texts, whether editing is allowed, and
 * the listeners told about each edit. Blocks fire {@link Change}s; the view revalidates on a
 * value change and redraws on a structure change.
 */
public final class EditorContext implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What kind of edit happened. */
  public enum Change {
    /** A value changed in place: revalidate, keep the components. */
    VALUE,
    /** Blocks were added, removed or moved: redraw. */
    STRUCTURE
  }

  private final transient PackModel model;
  private final transient Texts texts;
  private final boolean editable;
  private final transient List<Consumer<Change>> listeners = new ArrayList<>();

  public EditorContext(PackModel model, Texts texts, boolean editable) {
    this.model = model;
    this.texts = texts;
    this.editable = editable;
  }

  public PackModel model() {
    return model;
  }

  public Texts texts() {
    return texts;
  }

  /** The text for a key. */
  public String t(String key, Object... args) {
    return texts.t(key, args);
  }

  public boolean editable() {
    return editable;
  }

  /**
   * The chip text of a parameter reference ({@code $params.cmiThreshold}): its title in the
   * user's language and its value; null for other references and unknown parameters.
   */
  public String parameterChip(String reference) {
    return dev.baton.designer.packs.model.Parameters.named(reference).map(name -> {
      java.util.Map<String, Object> p = model.parameters().get(name);
      if (p == null) {
        return null;
      }
      Object title = p.get("title") instanceof java.util.Map<?, ?> m
          ? (m.get(texts.chinese() ? "zh-CN" : "en") != null
              ? m.get(texts.chinese() ? "zh-CN" : "en") : m.get("en")) : null;
      return texts.t("params.chip", title == null ? name : String.valueOf(title),
          String.valueOf(p.get("value")));
    }).orElse(null);
  }

  /**
   * The references offered where a value of a type is expected, before condition {@code
   * before} of a rule: fields of earlier bindings and aggregate results, parameters, and
   * {@code $now} for times; only those whose type fits ({@code $customer.name} is not offered
   * for a number).
   */
  public List<String> references(List<Object> when, int before,
      dev.baton.engine.rulepack.FieldType wanted) {
    List<String> out = new ArrayList<>();
    var number = dev.baton.engine.rulepack.FieldType.of(
        dev.baton.engine.rulepack.ValueType.NUMBER);
    for (var b : dev.baton.designer.packs.model.Conditions.bindingsBefore(when, before)) {
      if (b.aggregate()) {
        if (dev.baton.designer.packs.model.Parameters.compatible(wanted, number)) {
          out.add("$" + b.name());
        }
      } else {
        model.fields(b.type()).forEach((f, ft) -> {
          if (dev.baton.designer.packs.model.Parameters.compatible(wanted, ft)) {
            out.add("$" + b.name() + "." + f);
          }
        });
      }
    }
    model.parameters().keySet().forEach(p -> {
      if (dev.baton.designer.packs.model.Parameters.type(model, p)
          .filter(pt -> dev.baton.designer.packs.model.Parameters.compatible(wanted, pt))
          .isPresent()) {
        out.add("$params." + p);
      }
    });
    if (wanted.element().scalar().isTime()) {
      out.add("$now");
    }
    return out;
  }

  /** Listens to edits. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Tells the listeners about an edit. */
  public void changed(Change change) {
    List.copyOf(listeners).forEach(l -> l.accept(change));
  }
}
