package dev.baton.designer.designer.ui;

import dev.baton.designer.designer.model.PackModel;
import dev.baton.designer.i18n.Texts;
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

  /** Listens to edits. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Tells the listeners about an edit. */
  public void changed(Change change) {
    List.copyOf(listeners).forEach(l -> l.accept(change));
  }
}
