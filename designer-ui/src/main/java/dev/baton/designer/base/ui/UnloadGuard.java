package dev.baton.designer.base.ui;

import com.vaadin.flow.component.UI;

/**
 * The browser's own "leave site?" prompt: while a view says it holds unsaved work, closing or
 * reloading the tab makes the browser ask first. Views call {@link #set} whenever their unsaved
 * state changes; the chrome clears it before a reload or sign-out the user already confirmed.
 */
public final class UnloadGuard {
  private UnloadGuard() {}

  /** Makes the browser ask before the tab is closed or reloaded while {@code unsaved}. */
  public static void set(UI ui, boolean unsaved) {
    if (ui == null) {
      return;
    }
    ui.getPage().executeJs("window.batonUnsaved = $0;"
        + " if (!window.batonUnloadGuard) { window.batonUnloadGuard = true;"
        + " window.addEventListener('beforeunload', e => { if (window.batonUnsaved) {"
        + " e.preventDefault(); e.returnValue = ''; } }); }", unsaved);
  }
}
